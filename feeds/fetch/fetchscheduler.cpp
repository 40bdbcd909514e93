#include "feeds/fetch/fetchscheduler.h"

#include "feeds/fetch/feedfetch.h"

#include <QDateTime>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTimer>

#include <algorithm>

#include <limits>

namespace tw {

namespace {
// SEC's hosts share one key: its limit is per client across all of them.
const QString kSecHostKey = QStringLiteral(" sec");

QString hostKey(const QUrl &url, const FetchPolicy &policy)
{
    return policy.sec.covers(url) ? kSecHostKey : url.host().toLower();
}

int spacingMs(const QString &key, const FetchPolicy &policy)
{
    return key == kSecHostKey ? std::max(policy.minHostSpacingMs, policy.sec.minSpacingMs) : policy.minHostSpacingMs;
}
} // namespace

FetchScheduler::FetchScheduler(FetchPolicy policy, QObject *parent)
    : QObject(parent), m_policy(std::move(policy)), m_network(new QNetworkAccessManager(this))
{
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
        const QString host = hostKey(m_pending.at(i).url, m_policy);
        if (m_runningPerHost.value(host) >= m_policy.perHostConcurrency) {
            ++i;
            continue;
        }
        const qint64 readyAt = m_lastStartPerHost.value(host, 0) + spacingMs(host, m_policy);
        if (readyAt > now) {
            earliestWake = std::min(earliestWake, readyAt);
            ++i;
            continue;
        }
        const FetchRequest request = m_pending.takeAt(i);
        m_runningPerHost[host] += 1;
        m_lastStartPerHost[host] = now;
        auto *fetch = new FeedFetch(m_network, request, m_policy, this, m_yahoo);
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
    const QString host = hostKey(fetch->request().url, m_policy);
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
