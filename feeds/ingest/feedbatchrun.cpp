#include "feeds/ingest/feedbatchrun.h"

#include "feeds/fetch/contactsetting.h"
#include "feeds/fetch/secaccess.h"

#include "feeds/fetch/fetchschedulerthread.h"
#include "feeds/ingest/problemtext.h"
#include "models/pipeline/articleanalyser.h"
#include "models/core/logging.h"
#include "models/store/sqlexec.h"
#include "models/store/tickerstore.h"
#include "models/store/storedcontentcheck.h"
#include "models/store/walcheckpoint.h"

#include <QDateTime>
#include <QEventLoop>
#include <QThread>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace tw {

// The ArticleAnalyser for the tickers a run started with, built on the pool
// (building the linker takes a while). Parses that finish before it is ready
// leave their articles' text, links, scores and events to the storing
// thread: nobody waits.
class AnalyserForRun {
public:
    AnalyserForRun(const QList<TickerInfo> &tickers, QThreadPool *pool)
        : m_key(ArticleAnalyser::tickersKey(tickers))
        , m_built(QtConcurrent::run(pool, [tickers] { return std::make_shared<const ArticleAnalyser>(tickers); }))
    {
    }
    const QString &key() const { return m_key; }
    const ArticleAnalyser *ready() const { return m_built.isFinished() ? m_built.result().get() : nullptr; }

private:
    const QString m_key;
    const QFuture<std::shared_ptr<const ArticleAnalyser>> m_built;
};

FeedBatchRun::FeedBatchRun(QSqlDatabase db, FetchPolicy policy, KeyLookup keys, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_refresher(db)
    , m_documents(db)
    , m_scheduler(new FetchSchedulerThread(std::move(policy), this))
{
    // Every key handed out is remembered, so no message from any feed of the
    // run (a server may echo what it was sent) shows one.
    m_keys = [this, lookup = std::move(keys)](const QString &provider) {
        const QString key = lookup ? lookup(provider) : QString();
        if (!key.isEmpty() && !m_knownSecrets.contains(key))
            m_knownSecrets << key;
        return key;
    };
    connect(m_scheduler, &FetchSchedulerThread::feedFinished, this, &FeedBatchRun::onFetched);
    connect(m_scheduler, &FetchSchedulerThread::allFinished, this, &FeedBatchRun::onAllFetched);
    m_parsers.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
    m_logFile = WalCheckpoint::fileOf(m_db);
    m_logCopier.setMaxThreadCount(1);
    m_groupTimer.setSingleShot(true);
    m_groupTimer.setInterval(kGroupDelayMs);
    connect(&m_groupTimer, &QTimer::timeout, this, [this] {
        storePending();
        onAllFetched();
    });
}

FeedBatchRun::~FeedBatchRun() = default;

void FeedBatchRun::add(const QList<Feed> &feeds, const QList<Feed> &standby)
{
    if (!running()) {
        // Links and events are found ahead for the tickers as they are now;
        // if they change during the run, storing finds them again.
        if (auto tickers = TickerStore(m_db).all(); !tickers)
            m_analyser.reset();
        else if (!m_analyser || m_analyser->key() != ArticleAnalyser::tickersKey(*tickers))
            m_analyser = std::make_shared<AnalyserForRun>(*tickers, &m_parsers);
        if (auto check = StoredContentCheck::open(WalCheckpoint::fileOf(m_db)))
            m_storedCheck = std::move(*check);
        else
            m_storedCheck.reset();
        m_summary = {};
        m_groupsStored = 0;
        m_done = 0;
        m_total = 0;
        m_standby.clear();
        if (FetchPolicy policy = m_scheduler->policy(); policy.sec.readsSettings) {
            policy.sec.contact = ContactSetting::load();
            m_scheduler->setPolicy(policy);
        }
    }
    for (const Feed &s : standby) {
        if (!m_inFlight.contains(s.id))
            m_standby << s;
    }
    QList<FetchRequest> requests;
    for (const Feed &f : feeds) {
        if (m_inFlight.contains(f.id) || m_documents.following(f.id))
            continue;
        m_inFlight.insert(f.id, f);
        m_standby.removeIf([&f](const Feed &s) { return s.id == f.id; });
        // Not asked at all (SEC EDGAR without a contact address): the feed
        // fails with the reason, like any failed fetch, on the next turn.
        if (const QString refused = refusalFor(m_scheduler->policy(), QUrl(f.url)); !refused.isEmpty()) {
            FetchResult result;
            result.request = FeedRefresher::requestFor(f, m_keys);
            result.failure = FetchFailure::Refused;
            result.error = refused;
            ++m_total;
            m_finishOwed = true;
            QTimer::singleShot(0, this, [this, result] {
                onFetched(result);
                onAllFetched();
            });
            continue;
        }
        requests << FeedRefresher::requestFor(f, m_keys);
    }
    if (requests.isEmpty()) {
        // Nothing new: a run in progress finishes on its own; an idle one reports at once.
        if (!running())
            QTimer::singleShot(0, this, [this] { emit finished(m_summary); });
        return;
    }
    m_total += int(requests.size());
    m_finishOwed = true;
    emit progress(m_done, m_total);
    const bool starting = m_inFlight.size() == requests.size() && m_arrivals.isEmpty() && m_pending.isEmpty();
    m_scheduler->enqueue(requests);
    // The first answers take a while: the storing stages are built meanwhile
    // (a failure here is met again, and reported, by the first store).
    if (starting)
        [[maybe_unused]] const Status prepared = m_refresher.prepareStoring();
}

FeedRunSummary FeedBatchRun::runToCompletion(const QList<Feed> &feeds, const QList<Feed> &standby)
{
    if (feeds.isEmpty())
        return {};
    QEventLoop loop;
    FeedRunSummary summary;
    const auto done = connect(this, &FeedBatchRun::finished, &loop, [&](const FeedRunSummary &s) {
        summary = s;
        loop.quit();
    });
    add(feeds, standby);
    loop.exec();
    disconnect(done);
    return summary;
}

void FeedBatchRun::onFetched(const FetchResult &result)
{
    if (!result.request.filing.isEmpty()) {
        if (auto done = m_documents.take(result, m_knownSecrets))
            finishFeed(done->feed, done->outcome, result.request.secrets);
        return;
    }
    Arrival arrival{m_inFlight.take(result.request.feedId), result, QDateTime::currentDateTimeUtc()};
    // Parsed and analysed off this thread from copies (both are pure), taken here in arrival order.
    arrival.parse = new QFutureWatcher<std::optional<ParsedRefresh>>(this);
    connect(arrival.parse, &QFutureWatcherBase::finished, this, &FeedBatchRun::takeArrivals);
    // Articles are stored under their feed (ArticleStore::originOf): a feed
    // that never stored any needs no look-ups, its articles are all new.
    std::shared_ptr<const StoredContentCheck> stored = arrival.feed.lastSuccess.isValid() ? m_storedCheck : nullptr;
    arrival.parse->setFuture(QtConcurrent::run(&m_parsers,
        [feed = arrival.feed, result = arrival.result, now = arrival.now, secrets = m_knownSecrets, analyser = m_analyser,
         stored = std::move(stored)] {
            std::optional<ParsedRefresh> parsed = FeedRefresher::parse(feed, result, now, secrets);
            if (const ArticleAnalyser *a = analyser ? analyser->ready() : nullptr; parsed && a)
                parsed->analysed = a->analyse(parsed->articles, stored.get());
            return parsed;
        }));
    m_arrivals << std::move(arrival);
}

// The arrivals at the head of the queue whose parse is done, in order; each
// as onFetched took them when it parsed them itself.
void FeedBatchRun::takeArrivals()
{
    while (!m_arrivals.isEmpty() && m_arrivals.first().parse->isFinished()) {
        Arrival arrival = m_arrivals.takeFirst();
        std::optional<ParsedRefresh> parsed = arrival.parse->result();
        arrival.parse->deleteLater();
        take(arrival.feed, arrival.result, arrival.now, std::move(parsed));
    }
    if (!moreComing())
        onAllFetched();
}

void FeedBatchRun::take(const Feed &feed, const FetchResult &result, const QDateTime &now,
                        std::optional<ParsedRefresh> parsed)
{
    if (!parsed) {
        // A failure, "not modified" or a price feed: its status in one
        // statement now (a failed price feed hands over to a standby at once).
        auto applied = m_refresher.apply(feed, result, now, m_knownSecrets);
        if (!applied || !followDocuments(feed, *applied))
            finishFeed(feed, applied, result.request.secrets);
        if (!moreComing())
            storePending();
        return;
    }
    m_pendingArticles += int(parsed->articles.size());
    m_pending << std::move(*parsed);
    const bool first = m_groupsStored == 0;
    if (m_pending.size() >= (first ? kFirstGroupFeeds : kGroupFeeds)
        || m_pendingArticles >= (first ? kFirstGroupArticles : kGroupArticles) || !moreComing())
        storePending();
    else if (!m_groupTimer.isActive())
        m_groupTimer.start();
}

// One transaction for the group; if it fails, one per feed.
void FeedBatchRun::storePending()
{
    m_groupTimer.stop();
    if (m_pending.isEmpty())
        return;
    const QList<ParsedRefresh> group = std::exchange(m_pending, {});
    m_pendingArticles = 0;
    ++m_groupsStored;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<RefreshOutcome> stored;
    {
        Transaction tx(m_db);
        bool ok = tx.active();
        for (qsizetype i = 0; ok && i < group.size(); ++i) {
            auto r = m_refresher.store(group[i]);
            ok = r.ok();
            if (ok)
                stored << *r;
        }
        ok = ok && m_refresher.finishStoring().ok() && tx.commit().ok();
        if (!ok) {   // rolled back as tx leaves scope
            m_refresher.abandonStoring();
            stored.clear();
        }
    }
    if (stored.size() == group.size()) {
        copyLogSoon();
        for (qsizetype i = 0; i < group.size(); ++i)
            finishFeed(group[i].before, stored[i], group[i].secrets);
        return;
    }
    for (const ParsedRefresh &p : group) {
        Result<RefreshOutcome> r = fail(QStringLiteral("could not start a transaction"));
        QString error;
        {
            Transaction tx(m_db);
            if (!tx.active()) {
                error = tx.beginError();
            } else {
                r = m_refresher.store(p);
                Status finished = r ? m_refresher.finishStoring() : Status(r.error());
                Status committed = finished ? tx.commit() : finished;
                if (!committed) {
                    m_refresher.abandonStoring();
                    error = committed.errorMessage();
                }
            }
        }
        if (error.isEmpty()) {
            finishFeed(p.before, r, p.secrets);
            continue;
        }
        // Rolled back: the feed's status says why, and what was stored before stays.
        finishFeed(p.before, m_refresher.storeFailure(p, error, now), p.secrets);
    }
}

void FeedBatchRun::finishFeed(const Feed &feed, const Result<RefreshOutcome> &applied, const QStringList &secrets)
{
    FeedRunOutcome outcome;
    outcome.feed = feed;
    outcome.index = ++m_done;
    outcome.total = m_total;
    if (!applied) {
        ++m_summary.failed;
        outcome.error = ProblemText::clean(applied.errorMessage(), secrets + m_knownSecrets);
        emit feedDone(outcome);
        emit progress(m_done, m_total);
        return;
    }
    outcome.stored = true;
    outcome.refresh = *applied;
    const Feed &f = applied->feed;
    bool failed = false;
    if (f.lastState == FeedState::Ok) {
        ++m_summary.ok;
        m_summary.changed += applied->changed;
        if (!feedKindIsPrices(f.kind))
            m_summary.newArticles += applied->changed;
    } else if (f.lastState == FeedState::NotModified) {
        ++m_summary.notModified;
    } else {
        ++m_summary.failed;
        failed = true;
    }
    emit feedDone(outcome);
    if (failed && feedKindIsPrices(f.kind)) {
        for (qsizetype i = 0; i < m_standby.size(); ++i) {
            if (m_standby[i].ticker != f.ticker)
                continue;
            const Feed next = m_standby.takeAt(i);
            m_inFlight.insert(next.id, next);
            ++m_total;
            emit standbyQueued(f, next);
            m_scheduler->enqueue({FeedRefresher::requestFor(next, m_keys)});
            break;
        }
    }
    emit progress(m_done, m_total);
}

// An SEC filing feed's new 8-Ks: their documents are asked for now, and the
// feed is finished when the last answers (false: nothing to follow).
bool FeedBatchRun::followDocuments(const Feed &feed, RefreshOutcome &applied)
{
    auto requests = m_documents.follow(feed, applied, m_scheduler->policy());
    if (!requests) {
        applied.warnings << ProblemText::clean(requests.errorMessage(), m_knownSecrets);
        return false;
    }
    if (requests->isEmpty())
        return false;
    m_scheduler->enqueue(*requests);
    return true;
}

void FeedBatchRun::onAllFetched()
{
    if (moreComing())
        return;
    storePending();
    if (running() || !m_finishOwed)
        return;
    // Once per run: the scheduler's "all fetched" and the last arrival taken may both come here.
    m_finishOwed = false;
    m_storedCheck.reset();   // its connection closes with the last parse that holds it
    emit finished(m_summary);
}

void FeedBatchRun::copyLogSoon()
{
    if (m_logFile.isEmpty() || m_logCopy.isRunning())
        return;
    m_logCopy = QtConcurrent::run(&m_logCopier, [file = m_logFile] {
        // Not the analyst's concern: whatever is not copied now is copied by
        // the next commit past wal_autocheckpoint, or when the store closes.
        if (auto copied = WalCheckpoint::run(file); !copied)
            qCDebug(twFeeds).noquote() << copied.errorMessage();
    });
}

} // namespace tw
