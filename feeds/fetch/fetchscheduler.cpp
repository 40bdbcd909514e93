#include "feeds/fetch/fetchscheduler.h"

#include "feeds/fetch/feedfetch.h"

#include <QDateTime>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTimer>

#include <algorithm>

#include <limits>

namespace tw {


FetchScheduler::FetchScheduler(FetchPolicy policy, QObject *parent)
    : QObject(parent)
    , m_policy(std::move(policy))
    , m_network(new QNetworkAccessManager(this))
    , m_pacer(std::make_shared<RequestPacer>(m_policy))
{
}

void FetchScheduler::setPolicy(const FetchPolicy &policy)
{
    m_policy = policy;
    m_pacer->setPolicy(policy);
}

void FetchScheduler::enqueue(const QList<FetchRequest> &requests)
{
    if (idle()) {
        m_done = 0;
        m_total = 0;
    }
    m_pending += requests;
    m_total += int(requests.size());
    emit progress(m_done, m_total);
    if (requests.isEmpty() && idle()) {
        QTimer::singleShot(0, this, &FetchScheduler::allFinished);
        return;
    }
    startWhatFits();
}

void FetchScheduler::startWhatFits()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 earliestWake = std::numeric_limits<qint64>::max();
    for (qsizetype i = 0; i < m_pending.size() && m_running.size() < m_policy.maxConcurrent;) {
        const QString host = m_pacer->keyFor(m_pending.at(i).url);
        if (m_runningPerHost.value(host) >= m_policy.perHostConcurrency) {
            ++i;
            continue;
        }
        if (const qint64 wait = m_pacer->startOrWait(m_pending.at(i).url, now); wait > 0) {
            earliestWake = std::min(earliestWake, now + wait);
            ++i;
            continue;
        }
        const FetchRequest request = m_pending.takeAt(i);
        m_runningPerHost[host] += 1;
        auto *fetch = new FeedFetch(m_network, request, m_policy, this, m_yahoo, m_pacer);
        m_running << fetch;
        connect(fetch, &FeedFetch::finished, this,
                [this, fetch](const FetchResult &result) { onFetchFinished(fetch, result); });
        emit feedStarted(request.feedId, request.url);
        fetch->start();
    }
    if (earliestWake != std::numeric_limits<qint64>::max() && !m_wakeScheduled) {
        m_wakeScheduled = true;
        QTimer::singleShot(int(std::max<qint64>(1, earliestWake - now)), this, [this] {
            m_wakeScheduled = false;
            startWhatFits();
        });
    }
}

void FetchScheduler::onFetchFinished(FeedFetch *fetch, const FetchResult &result)
{
    m_running.removeOne(fetch);
    const QString host = m_pacer->keyFor(fetch->request().url);
    if (--m_runningPerHost[host] <= 0)
        m_runningPerHost.remove(host);
    fetch->deleteLater();
    ++m_done;
    emit feedFinished(result);
    emit progress(m_done, m_total);
    startWhatFits();
    if (idle())
        emit allFinished();
}

FetchResult fetchToCompletion(FetchScheduler &scheduler, const FetchRequest &request)
{
    FetchResult result;
    QEventLoop loop;
    const auto got = QObject::connect(&scheduler, &FetchScheduler::feedFinished, &loop, [&](const FetchResult &r) {
        if (r.request.feedId == request.feedId && r.request.url == request.url)
            result = r;
    });
    const auto done = QObject::connect(&scheduler, &FetchScheduler::allFinished, &loop, &QEventLoop::quit);
    scheduler.enqueue({request});
    if (!scheduler.idle())
        loop.exec();
    QObject::disconnect(got);
    QObject::disconnect(done);
    return result;
}

} // namespace tw
