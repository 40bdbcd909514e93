#include "ui/notify/alertdelivery.h"

#include "models/alerts/alertworker.h"
#include "ui/notify/desktopnotifier.h"

namespace tw {

AlertDelivery::AlertDelivery(const QString &storeLocation, QObject *parent)
    : AlertDelivery(storeLocation, QDBusConnection::sessionBus(), parent)
{
}

AlertDelivery::AlertDelivery(const QString &storeLocation, const QDBusConnection &bus, QObject *parent)
    : QObject(parent), m_worker(new AlertWorker(storeLocation)), m_notifier(new DesktopNotifier(bus, this))
{
    m_thread.setObjectName(QStringLiteral("alerts"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &AlertWorker::fired, this, &AlertDelivery::deliver);
    connect(m_worker, &AlertWorker::failed, this, &AlertDelivery::evaluationFailed);
    connect(m_notifier, &DesktopNotifier::activated, this, &AlertDelivery::openRequested);
    m_thread.start();
}

AlertDelivery::~AlertDelivery()
{
    // The worker's SQL connection must be closed on the thread that opened it.
    QMetaObject::invokeMethod(m_worker, &AlertWorker::shutdown, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void AlertDelivery::evaluate()
{
    QMetaObject::invokeMethod(m_worker, &AlertWorker::evaluate, Qt::QueuedConnection);
}

void AlertDelivery::deliver(const QList<FiredAlert> &alerts, bool mayPopUp)
{
    // Pop-ups switched off in Settings silence the notifier like do-not-disturb.
    m_notifier->setDoNotDisturb(!mayPopUp);
    for (const FiredAlert &alert : alerts)
        m_notifier->notify(alert);
    emit alertsFired(alerts);
}

} // namespace tw
