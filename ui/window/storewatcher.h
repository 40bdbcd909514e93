#pragma once

#include <QObject>
#include <QSqlDatabase>

class QTimer;

namespace tw {

// Notices rows committed to the store by other connections (the fetch
// scheduler, scoring, `tickerwire ingest` in a shell) by polling SQLite's
// PRAGMA data_version, which changes only when another connection commits.
// One cheap pragma per tick: no triggers, no file watching. On a PostgreSQL
// store it listens for the server's change notifications instead of polling:
// new or changed articles, article and corporate scores, events and fired
// alerts (StoreChange) all make the window re-read.
class StoreWatcher : public QObject {
    Q_OBJECT

public:
    static constexpr int kDefaultIntervalMs = 2000;

    explicit StoreWatcher(QSqlDatabase db, QObject *parent = nullptr, int intervalMs = kDefaultIntervalMs);

    // Checks now; emits storeChanged when another connection committed since the last check.
    bool check();
    // The watched store's size for the status bar (0 when it cannot be read).
    qint64 storeSizeBytes() const;

signals:
    void storeChanged();

private:
    qint64 readVersion() const;

    QSqlDatabase m_db;
    QTimer *m_timer;
    qint64 m_version = -1;
};

} // namespace tw
