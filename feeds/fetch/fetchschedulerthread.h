#pragma once

#include "feeds/fetch/fetchtypes.h"

#include <QList>
#include <QObject>
#include <QThread>

namespace tw {

class FetchScheduler;

// A FetchScheduler on a thread of its own, driven from the thread that made
// this object: requests start and answers are read while that thread is busy
// (FeedBatchRun storing a group holds its thread for a tenth of a second at a
// time, during which a scheduler on the same thread could start nothing).
// Requests and policy changes are handed over in the order they are made;
// results arrive as queued signals, in the order the scheduler gave them.
class FetchSchedulerThread : public QObject {
    Q_OBJECT

public:
    explicit FetchSchedulerThread(FetchPolicy policy, QObject *parent = nullptr);
    ~FetchSchedulerThread() override;

    void setPolicy(const FetchPolicy &policy);
    const FetchPolicy &policy() const { return m_policy; }
    void enqueue(const QList<FetchRequest> &requests);

signals:
    void feedFinished(const tw::FetchResult &result);
    void allFinished();

private:
    FetchPolicy m_policy;   // this thread's copy: what the caller last set
    QThread m_thread;
    FetchScheduler *m_scheduler = nullptr;   // lives on m_thread
};

} // namespace tw
