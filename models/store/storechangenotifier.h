#pragma once

#include "models/core/result.h"

#include <QObject>
#include <QSqlDatabase>
#include <QString>

namespace tw {

// What changed in the store: a table, what happened to the row, and its id.
// Announced on the channel kChannel with the payload "table:action:id":
//   articles          inserted / updated / deleted   article id
//   article_scores    updated                        article id (its scores were replaced)
//   corporate_scores  inserted                       0 (keyed by ticker, horizon, time; one per transaction)
//   events            inserted / updated / deleted   event id
//   fired_alerts      inserted                       alert id
struct StoreChange {
    QString table;   // "articles", "article_scores", "corporate_scores", "events", "fired_alerts"
    QString action;  // "inserted", "updated", "deleted"
    qint64 id = 0;

    QString payload() const;
    static StoreChange fromPayload(const QString &payload);
};

// Tells every client of a shared (PostgreSQL) store about changes the others
// committed, through LISTEN/NOTIFY, so windows refresh without polling.
//
// Writers call announce() inside their transaction: PostgreSQL delivers the
// notification only when (and if) that transaction commits, so listeners never
// hear of rows they cannot yet read. On SQLite there is one client per file and
// announce() does nothing.
//
// A notifier listens on its own connection (QPSQL delivers notifications through
// the connection's socket in the thread that opened it; an event loop must run).
class StoreChangeNotifier : public QObject {
    Q_OBJECT
public:
    static constexpr const char *kChannel = "tickerwire_changes";

    static Status announce(const QSqlDatabase &db, const StoreChange &change);

    explicit StoreChangeNotifier(QSqlDatabase db, QObject *parent = nullptr);
    ~StoreChangeNotifier() override;

    // Starts listening. An SQLite store has nothing to listen to: that is an error
    // so a caller does not wait for changes that will never be announced.
    Status start();
    // Listens again after StoreConnection::reconnect() (a new server session
    // starts with no LISTEN). Changes made while disconnected were not heard:
    // the caller reloads what it shows.
    Status restart();

signals:
    // `ownConnection`: this very connection made the change.
    void changed(const tw::StoreChange &change, bool ownConnection);

private:
    QSqlDatabase m_db;
    bool m_subscribed = false;
};

} // namespace tw

// Queued connections and QSignalSpy carry it by value.
Q_DECLARE_METATYPE(tw::StoreChange)
