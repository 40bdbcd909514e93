#pragma once

#include "feeds/fetch/fetchtypes.h"
#include "feeds/fetch/requestpacer.h"
#include "feeds/fetch/yahoosession.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace tw {

class FeedFetch;

// Fetches a batch of feeds concurrently: at most `perHostConcurrency` at once
// per host (and `maxConcurrent` overall), request starts to one host spaced
// by `minHostSpacingMs`. One feed's failure never holds up the others. The
// scheduler only fetches; what a result means for the store is FeedRefresher's
// job, so the GUI can run this on any thread that has an event loop.
class FetchScheduler : public QObject {
    Q_OBJECT

public:
    explicit FetchScheduler(FetchPolicy policy = {}, QObject *parent = nullptr);

    void setPolicy(const FetchPolicy &policy);
    const FetchPolicy &policy() const { return m_policy; }

    // Queues the requests; results arrive through feedFinished().
    void enqueue(const QList<FetchRequest> &requests);
    bool idle() const { return m_pending.isEmpty() && m_running.isEmpty(); }

signals:
    void feedStarted(qint64 feedId, const QUrl &url);
    void feedFinished(const tw::FetchResult &result);
    void progress(int done, int total);
    void allFinished();

private:
    void startWhatFits();
    void onFetchFinished(FeedFetch *fetch, const FetchResult &result);

    FetchPolicy m_policy;
    QNetworkAccessManager *m_network;
    QList<FetchRequest> m_pending;
    QList<FeedFetch *> m_running;
    QHash<QString, int> m_runningPerHost;
    std::shared_ptr<RequestPacer> m_pacer;   // shared with the fetches, for their retries
    std::shared_ptr<YahooSession> m_yahoo = std::make_shared<YahooSession>();   // cookie + crumb, once got
    bool m_wakeScheduled = false;
    int m_done = 0;
    int m_total = 0;
};

// Fetches one request on an idle scheduler and returns its result, running a
// local event loop meanwhile: `tickerwire ingest URL` fetches this way, with
// the same caps, User-Agent and deadline as a configured feed.
FetchResult fetchToCompletion(FetchScheduler &scheduler, const FetchRequest &request);

} // namespace tw
