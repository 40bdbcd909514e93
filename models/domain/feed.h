#pragma once

#include <QDateTime>
#include <QString>

#include <array>
#include <cstddef>

namespace tw {

// What a feed URL serves. Every fact about a kind lives in its row of
// kFeedKinds below (the CLI's `--kind` value, the label dialogs show, whether
// it carries news or prices, the provider key it needs); the one switch,
// feedKindRow, has no default: -Wswitch names it when a kind is added.
enum class FeedKind { News, Stooq, YahooChart, AlphaVantageDaily, FinnhubNews, AlphaVantageNews, SecFilings, SecCompanyFacts };

// Filings: SEC EDGAR documents (filing lists, company facts), stored as
// filings, their events and reported figures rather than as articles.
enum class FeedContent { News, Prices, Filings };

struct FeedKindInfo {
    FeedKind kind;
    const char *id;             // the CLI's and the store's name: "news", "yahoo-chart"
    const char *label;          // for people: "Yahoo daily prices"
    FeedContent content;
    const char *keyProvider;    // the API key it needs, by provider ("finnhub"; feeds/keys/apikeyproviders
                                // says where that key may go); nullptr when none
};

inline constexpr std::array<FeedKindInfo, 8> kFeedKinds{{
    {FeedKind::News, "news", "News feed (RSS, RSS 1.0, Atom or JSON Feed)", FeedContent::News, nullptr},
    {FeedKind::Stooq, "stooq", "Stooq daily prices", FeedContent::Prices, "stooq"},
    {FeedKind::YahooChart, "yahoo-chart", "Yahoo daily prices", FeedContent::Prices, nullptr},
    {FeedKind::AlphaVantageDaily, "alphavantage-daily", "Alpha Vantage daily prices", FeedContent::Prices, "alphavantage"},
    {FeedKind::FinnhubNews, "finnhub-news", "Finnhub company news", FeedContent::News, "finnhub"},
    {FeedKind::AlphaVantageNews, "alphavantage-news", "Alpha Vantage news and sentiment", FeedContent::News, "alphavantage"},
    {FeedKind::SecFilings, "sec-filings", "SEC EDGAR filings (a company's Atom feed or submissions)", FeedContent::Filings,
     nullptr},
    {FeedKind::SecCompanyFacts, "sec-companyfacts", "SEC XBRL company facts (reported figures)", FeedContent::Filings, nullptr},
}};

constexpr std::size_t feedKindRow(FeedKind kind)
{
    switch (kind) {
    case FeedKind::News: return 0;
    case FeedKind::Stooq: return 1;
    case FeedKind::YahooChart: return 2;
    case FeedKind::AlphaVantageDaily: return 3;
    case FeedKind::FinnhubNews: return 4;
    case FeedKind::AlphaVantageNews: return 5;
    case FeedKind::SecFilings: return 6;
    case FeedKind::SecCompanyFacts: return 7;
    }
    return 0;
}

constexpr const FeedKindInfo &feedKindInfo(FeedKind kind) { return kFeedKinds[feedKindRow(kind)]; }

constexpr bool feedKindRowsInOrder()
{
    for (std::size_t i = 0; i < kFeedKinds.size(); ++i)
        if (feedKindRow(kFeedKinds[i].kind) != i)
            return false;
    return true;
}
static_assert(feedKindRowsInOrder(), "kFeedKinds must list every FeedKind once, in feedKindRow's order");

QString feedKindId(FeedKind kind);
QString feedKindLabel(FeedKind kind);
bool feedKindFromId(const QString &id, FeedKind *kind);
bool feedKindIsPrices(FeedKind kind);
bool feedKindIsFilings(FeedKind kind);
// "news, stooq, yahoo-chart, ...": the ids, for help and error messages.
QString feedKindIdList();

// The outcome of the last fetch, typed so the UI can show why a feed is red.
// Refused: nothing was asked of the server because a rule said no (a file://
// address, SEC without a contact address): the fix is the analyst's, not a retry.
enum class FeedState { Never, Ok, NotModified, Network, Http, Parse, Provider, Storage, Refused };

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
    QString lastError;          // on failure the cause; on success a warning ("warning: ..."), or empty
    QDateTime lastSuccess;
    QDateTime lastAttempt;
    int consecutiveFailures = 0;
    QDateTime nextDue;
};

} // namespace tw
