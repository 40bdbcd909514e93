#pragma once

#include "models/domain/feed.h"
#include "feeds/fetch/fetchtypes.h"
#include "feeds/ingest/feedrefresher.h"
#include "feeds/ingest/filingdocumentfetcher.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QThreadPool>
#include <QTimer>

#include <memory>

namespace tw {

class FetchSchedulerThread;
class AnalyserForRun;
class StoredContentCheck;

// One feed's result within a run, as the CLI prints it and the window counts it.
struct FeedRunOutcome {
    Feed feed; // as it was requested
    bool stored = false; // false: the result could not be applied (see error)
    QString error; // why it could not be applied, secrets redacted
    RefreshOutcome refresh; // when stored: the feed's new status and the counts
    int index = 0; // 1-based position among the results of this run
    int total = 0; // feeds in the run so far (standby feeds raise it)
};

struct FeedRunSummary {
    int ok = 0, notModified = 0, failed = 0;
    int changed = 0; // new or changed items (articles and price bars)
    int newArticles = 0; // of those, from news feeds
    int fetched() const { return ok + notModified + failed; }
};

// Fetches feeds with a FetchScheduler and stores what each brings with a
// FeedRefresher, on the thread it lives in (the CLI's, or the window's fetch
// worker). Feeds added while a run is going join it; one already in flight is
// not fetched twice. When a price feed fails, the next standby feed for the
// same ticker is fetched instead. Alerts are the caller's job, after finished().
//
// Fetching runs on a thread of its own (FetchSchedulerThread) and news bodies
// are parsed on the thread pool, their articles' text, links, scores and
// events found there too (ArticleAnalyser, for the tickers the run started
// with; skipped for articles a look-up on a read connection of its own finds
// stored unchanged, StoredContentCheck), so all of it goes on while a group
// is stored; the results are taken
// in the order they arrived, as if parsed here, and only storing (SQL)
// happens on this thread, the connection's. After each group the store's
// write-ahead log is copied into the database on a thread of its own
// (WalCheckpoint).
//
// News feeds are parsed as they arrive and stored in groups: one transaction
// for up to kGroupFeeds feeds or kGroupArticles articles, or whatever arrived
// within kGroupDelayMs, so a transaction holds the write lock for a fraction
// of a second, not for the run. A group that fails to store is stored again
// feed by feed, so only the failing feed records a storage failure (nothing
// stored is ever deleted) and every feed keeps its own status.
//
// An SEC filing feed's new 8-Ks are followed to their documents through the
// same scheduler (FilingDocumentFetcher); the feed is done, and reported,
// when they have all answered.
class FeedBatchRun : public QObject {
    Q_OBJECT

public:
    FeedBatchRun(QSqlDatabase db, FetchPolicy policy, KeyLookup keys, QObject *parent = nullptr);
    ~FeedBatchRun() override;

    // Queues the feeds; `standby` are enabled price feeds not in the run.
    void add(const QList<Feed> &feeds, const QList<Feed> &standby = {});
    bool running() const
    {
        return !m_inFlight.isEmpty() || !m_arrivals.isEmpty() || !m_pending.isEmpty() || m_documents.busy();
    }

    static constexpr int kGroupFeeds = 25;
    static constexpr int kGroupArticles = 2500;
    // A run's first group is smaller: storing, the slowest step, starts
    // while the rest is still fetched and parsed, not after a full group.
    static constexpr int kFirstGroupFeeds = 4;
    static constexpr int kFirstGroupArticles = 400;
    static constexpr int kGroupDelayMs = 300;

    // For the CLI: adds the feeds and returns once all are done.
    FeedRunSummary runToCompletion(const QList<Feed> &feeds, const QList<Feed> &standby = {});

signals:
    void feedDone(const tw::FeedRunOutcome &outcome);
    void standbyQueued(const tw::Feed &failed, const tw::Feed &next);
    void progress(int done, int total);
    void finished(const tw::FeedRunSummary &summary);

private:
    // A feed's fetch result, parsed (or being parsed) off this thread.
    struct Arrival {
        Feed feed;
        FetchResult result;
        QDateTime now;
        QFutureWatcher<std::optional<ParsedRefresh>> *parse = nullptr;   // child of the run; deleted when taken
    };

    void onFetched(const FetchResult &result);
    void copyLogSoon();
    void takeArrivals();
    void take(const Feed &feed, const FetchResult &result, const QDateTime &now, std::optional<ParsedRefresh> parsed);
    bool moreComing() const { return !m_inFlight.isEmpty() || !m_arrivals.isEmpty(); }
    void onAllFetched();
    void storePending();
    void finishFeed(const Feed &feed, const Result<RefreshOutcome> &applied, const QStringList &secrets);
    bool followDocuments(const Feed &feed, RefreshOutcome &applied);

    QSqlDatabase m_db;
    KeyLookup m_keys;              // the caller's lookup, noting each key it returns
    QStringList m_knownSecrets;    // the keys handed out so far: redacted from every message
    FeedRefresher m_refresher;
    FilingDocumentFetcher m_documents;
    FetchSchedulerThread *m_scheduler;
    std::shared_ptr<AnalyserForRun> m_analyser;   // shared with the parses in flight; null: found while storing
    // For the run, shared with the parses in flight; null when the store is
    // not a SQLite file in WAL mode (every article is analysed then).
    std::shared_ptr<const StoredContentCheck> m_storedCheck;
    QHash<qint64, Feed> m_inFlight;
    QList<Arrival> m_arrivals;        // fetched, in the order they arrived, until parsed and taken
    bool m_finishOwed = false;        // a run was started and finished() not yet emitted
    QList<ParsedRefresh> m_pending;   // parsed news feeds waiting for their group's transaction
    int m_pendingArticles = 0;
    int m_groupsStored = 0;           // in this run
    QTimer m_groupTimer;
    QList<Feed> m_standby;
    FeedRunSummary m_summary;
    int m_done = 0;
    int m_total = 0;
    // Parses and the analyser's build: one thread fewer than the cores, so the
    // storing thread (the run's critical path) keeps one. Waits for them when
    // the run goes (they hold only copies).
    QThreadPool m_parsers;
    // The store's write-ahead log is copied into the database after each
    // group on a thread of its own, while the next group is stored, not by
    // the storing thread at a commit or when the store closes (WalCheckpoint).
    QString m_logFile;
    QThreadPool m_logCopier;
    QFuture<void> m_logCopy;
};

} // namespace tw
