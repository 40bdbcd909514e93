#pragma once

#include "models/core/result.h"
#include "models/domain/feed.h"
#include "feeds/fetch/fetchtypes.h"

#include <QDateTime>
#include <QSqlDatabase>

#include <functional>

namespace tw {

// What one feed's fetch came to, as the CLI prints it and the GUI shows it.
struct RefreshOutcome {
    Feed feed;                  // with its new status, as stored
    int items = 0;              // articles or bars in the body
    int changed = 0;            // new or updated in the store
    int skipped = 0;            // items the parser dropped (reasons in `notes`)
    QStringList notes;
    QStringList warnings;       // about what was stored (encoding or markup repaired, unreadable dates); also in feed.lastError
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

    // Backoff after `failures` consecutive failures: interval × 2^(n−1), capped at a day.
    static QDateTime nextDueAfterFailure(const Feed &feed, int failures, const QDateTime &nowUtc,
                                         std::optional<int> retryAfterSeconds);

private:
    QSqlDatabase m_db;
};

} // namespace tw
