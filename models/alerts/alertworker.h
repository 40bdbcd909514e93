#pragma once

#include "models/alerts/firedalertstore.h"

#include <QObject>
#include <QString>

#include <memory>

namespace tw {

class StoreConnection;

// Runs the alert rules on the thread it lives in (the window moves it to a
// worker thread), over its own store connection: Qt SQL connections never
// cross threads. Queue evaluate() after each ingest batch or quote update;
// the results come back as signals, so the UI never waits on the store.
class AlertWorker : public QObject {
    Q_OBJECT
public:
    explicit AlertWorker(QString storeLocation, QObject *parent = nullptr);
    ~AlertWorker() override;

public slots:
    void evaluate();
    // Closes the connection; call (queued, blocking) before the thread ends.
    void shutdown();

signals:
    // `mayPopUp`: the analyst's do-not-disturb and pop-up switches for the
    // store allow desktop notifications (AnalystState::mayPopUp).
    void fired(const QList<tw::FiredAlert> &alerts, bool mayPopUp);
    void failed(const QString &message);

private:
    QString m_location;
    std::unique_ptr<StoreConnection> m_connection;
};

} // namespace tw
