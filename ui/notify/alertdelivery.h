#pragma once

#include "models/alerts/firedalertstore.h"

#include <QDBusConnection>
#include <QObject>
#include <QThread>

namespace tw {

class AlertWorker;
class DesktopNotifier;

// The alert engine as the window uses it: evaluate() runs the rules on a
// worker thread with its own store connection (call it after each ingest
// batch and quote update); each new firing goes to the desktop notifier
// (unless its rule is muted or do-not-disturb is on) and, always, out through
// alertsFired() for the Alerts panel. A click on a notification comes back as
// openRequested() with the alert, whose cause the window then shows.
class AlertDelivery : public QObject {
    Q_OBJECT
public:
    explicit AlertDelivery(const QString &storeLocation, QObject *parent = nullptr);   // session bus
    AlertDelivery(const QString &storeLocation, const QDBusConnection &bus, QObject *parent = nullptr);
    ~AlertDelivery() override;

    DesktopNotifier *notifier() const { return m_notifier; }

public slots:
    void evaluate();

signals:
    void alertsFired(const QList<tw::FiredAlert> &alerts);
    void openRequested(qint64 alertId);
    void evaluationFailed(const QString &message);

private:
    void deliver(const QList<FiredAlert> &alerts, bool mayPopUp);

    QThread m_thread;
    AlertWorker *m_worker = nullptr;       // lives in m_thread, deleted when it ends
    DesktopNotifier *m_notifier = nullptr; // child
};

} // namespace tw
