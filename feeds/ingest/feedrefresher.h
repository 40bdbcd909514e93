#pragma once

#include "models/core/result.h"
#include "models/domain/article.h"
#include "models/domain/feed.h"
#include "feeds/fetch/fetchtypes.h"
#include "models/pipeline/articleanalyser.h"

#include <QDateTime>
#include <QSqlDatabase>

#include <functional>
#include <memory>
#include <optional>

namespace tw {

// What one feed's fetch came to, as the CLI prints it and the GUI shows it.
struct RefreshOutcome {
    Feed feed;                  // with its new status, as stored
    int items = 0;              // articles or bars in the body
    int changed = 0;            // new or updated in the store
    int skipped = 0;            // items the parser dropped (reasons in `notes`)
    QStringList notes;
    QStringList warnings;       // about what was stored (encoding or markup repaired, unreadable dates); also in feed.lastError
    QStringList currentReports; // an SEC filing feed's 8-Ks (accession numbers), whose documents are fetched next
    int documents = 0;          // of those, the documents read and stored in this run
};

class ArticleIngestor;

// A news feed's result read and parsed, not yet stored: what the CPU-bound
// half of FeedRefresher::apply leaves for the storing half, so a run can
// store several feeds in one transaction (FeedBatchRun).
struct ParsedRefresh {
    Feed before;               // the feed as it was requested
    RefreshOutcome outcome;    // the feed's new status if storing succeeds
    QList<Article> articles;   // to ingest (empty for a failure or "not modified")
    QStringList secrets;       // never shown in a message (the request's and the run's)
    std::optional<AnalysedArticles> analysed;   // their text, links, scores and events, when found ahead (FeedBatchRun)
};

// Looks up a provider's API key ("alphavantage", "finnhub", "stooq"); empty when none.
using KeyLookup = std::function<QString(const QString &provider)>;

// Turns fetch results into stored articles or bars and the feed's status:
// last success, last error (secrets redacted), consecutive failures and the
// next due time (interval on success, exponential backoff on failure, never
// sooner than a Retry-After, itself at most kMaxRetryAfterSeconds). A failure
// never deletes anything stored.
class FeedRefresher {
public:
    explicit FeedRefresher(QSqlDatabase db);
    ~FeedRefresher();

    // The request for a feed: its URL as configured, plus the provider's key
    // for keyed kinds when the URL carries none and points at that provider's
    // own https host (see ApiKeyProvider), and its stored validators. The key
    // and any secret in the URL are listed in the request's `secrets`.
    static FetchRequest requestFor(const Feed &feed, const KeyLookup &keys = {});

    // Stores what `result` brings and the feed's new status. Messages are
    // stored through ProblemText: the request's secrets and `knownSecrets`
    // (every key the caller holds) redacted by value.
    Result<RefreshOutcome> apply(const Feed &feed, const FetchResult &result, const QDateTime &nowUtc,
                                 const QStringList &knownSecrets = {});

    // The two halves of apply() for a news feed (price feeds go through apply()):
    // parse() touches no store; store() ingests and writes the feed's status
    // inside the caller's transaction. When store() fails the caller rolls
    // back and stores the feed alone, so one bad feed costs only itself.
    // parse() gives nullopt for anything but a news body that parses (a
    // failure, "not modified", a price feed): apply() handles those. It is
    // pure (FeedBatchRun runs it on the thread pool).
    static std::optional<ParsedRefresh> parse(const Feed &feed, const FetchResult &result, const QDateTime &nowUtc,
                                              const QStringList &knownSecrets = {});
    Result<RefreshOutcome> store(const ParsedRefresh &parsed);
    // Before the first store(), while waiting for the first results: builds
    // what storing needs (ArticleIngestor::prepare). Optional.
    Status prepareStoring();
    // Once per transaction after the store() calls (the companies' scores),
    // or abandonStoring() when the transaction is rolled back.
    Status finishStoring();
    void abandonStoring();
    // After a store() that failed: the feed's status records the failure
    // (nothing stored is deleted).
    Result<RefreshOutcome> storeFailure(const ParsedRefresh &parsed, const QString &error, const QDateTime &nowUtc);

    // What a feed's `lastError` says after a success the analyst should know about.
    static QString warningText(const QStringList &warnings, const QStringList &secrets);

    // Backoff after `failures` consecutive failures: interval × 2^(n−1), capped at a day.
    static QDateTime nextDueAfterFailure(const Feed &feed, int failures, const QDateTime &nowUtc,
                                         std::optional<int> retryAfterSeconds);

private:
    QSqlDatabase m_db;
    std::unique_ptr<ArticleIngestor> m_ingestor;   // one for the refresher's life: statements prepared once
};

} // namespace tw
