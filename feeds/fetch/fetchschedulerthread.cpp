#include "feeds/fetch/fetchschedulerthread.h"

#include "feeds/fetch/fetchscheduler.h"

namespace tw {

FetchSchedulerThread::FetchSchedulerThread(FetchPolicy policy, QObject *parent)
    : QObject(parent), m_policy(std::move(policy))
{
    m_thread.setObjectName(QStringLiteral("tickerwire fetch"));
    // Moved before it has made a request: its network access manager (a
    // child) goes with it. Deleted on its own thread when the thread ends,
    // where its replies and timers live.
    m_scheduler = new FetchScheduler(m_policy);
    m_scheduler->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_scheduler, &QObject::deleteLater);
    connect(m_scheduler, &FetchScheduler::feedFinished, this, &FetchSchedulerThread::feedFinished);
    connect(m_scheduler, &FetchScheduler::allFinished, this, &FetchSchedulerThread::allFinished);
    m_thread.start();
}

FetchSchedulerThread::~FetchSchedulerThread()
{
    // Results still queued for this object are dropped with it.
    m_thread.quit();
    m_thread.wait();
}

void FetchSchedulerThread::setPolicy(const FetchPolicy &policy)
{
    m_policy = policy;
    QMetaObject::invokeMethod(m_scheduler, [s = m_scheduler, policy] { s->setPolicy(policy); }, Qt::QueuedConnection);
}

void FetchSchedulerThread::enqueue(const QList<FetchRequest> &requests)
{
    QMetaObject::invokeMethod(m_scheduler, [s = m_scheduler, requests] { s->enqueue(requests); }, Qt::QueuedConnection);
}

} // namespace tw
