#pragma once

#include <QDateTime>
#include <QString>

namespace tw {

// What a feed URL serves; the identifiers are the CLI's `--kind` values.
enum class FeedKind { News, Stooq, YahooChart, AlphaVantageDaily, FinnhubNews, AlphaVantageNews };

QString feedKindId(FeedKind kind);
bool feedKindFromId(const QString &id, FeedKind *kind);
bool feedKindIsPrices(FeedKind kind);

// The outcome of the last fetch, typed so the UI can show why a feed is red.
enum class FeedState { Never, Ok, NotModified, Network, Http, Parse, Provider, Storage };

QString feedStateId(FeedState state);
FeedState feedStateFromId(const QString &id);

struct Feed {
    qint64 id = 0;
    QString url;
    FeedKind kind = FeedKind::News;
    QString ticker;             // scope: empty for general news
    QString title;
    bool enabled = true;
    int intervalSeconds = 900;
    QString etag;
    QString lastModified;
    FeedState lastState = FeedState::Never;
    QString lastError;
    QDateTime lastSuccess;
    QDateTime lastAttempt;
    int consecutiveFailures = 0;
    QDateTime nextDue;
};

} // namespace tw
