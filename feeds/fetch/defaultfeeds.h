#pragma once

#include "models/domain/feed.h"
#include "models/domain/ticker.h"

#include <QList>
#include <QString>

#include <optional>

namespace tw {

// The company a feed is about, as the URL templates need it.
struct FeedCompany {
    QString symbol;   // "COST"
    QString name;     // "Costco Wholesale"
    qint64 cik = 0;   // SEC company id; 0 when unknown
};

// A watchlist company as the templates need it; the CIK comes from the
// company directory when the store has none (a ticker added by an older build).
FeedCompany feedCompanyFor(const TickerInfo &ticker);

// The usual feeds of one company, each built from its ticker, name or CIK.
enum class FeedSource {
    SecFilings,          // SEC EDGAR 8-K filings (Atom, by CIK; kind sec-filings)
    SecCompanyFacts,     // SEC XBRL company facts (JSON, by CIK; kind sec-companyfacts)
    GoogleNews,          // Google News search on the company's name (RSS)
    YahooHeadlines,      // Yahoo Finance headlines (RSS, by ticker)
    NasdaqHeadlines,     // Nasdaq headlines (RSS, by ticker)
    YahooPrices,         // Yahoo daily prices (chart JSON)
    StooqPrices,         // Stooq daily prices (CSV; needs a key)
    AlphaVantagePrices,  // Alpha Vantage daily prices (needs a key)
    AlphaVantageNews,    // Alpha Vantage news and sentiment (needs a key)
};

QList<FeedSource> allFeedSources();
// Which of the usual sources a configured feed is, from its kind and host.
std::optional<FeedSource> feedSourceOf(const Feed &feed);
// What a feed is, in words: its source's label, else its kind's
// ("News feed", "Stooq daily prices", ...).
QString feedDescription(const Feed &feed);
QString feedSourceLabel(FeedSource source);      // "SEC 8-K filings"
// What the URL is built from, for a dialog's hint: "CIK", "name", "ticker".
QString feedSourceBasis(FeedSource source);
bool feedSourceNeedsKey(FeedSource source);
// The feed for `company`, or nothing when the company lacks what the URL needs
// (an SEC feed without a CIK).
std::optional<Feed> feedFromSource(FeedSource source, const FeedCompany &company);

// The feeds `feeds add-defaults` and "Add the usual feeds" add for a company:
// SEC 8-K filings and company facts (with a CIK), Google News, Yahoo and Nasdaq headlines and Yahoo daily
// prices; keyed price and news providers are added disabled (alternatives
// once a key is in the keychain).
QList<Feed> defaultFeedsFor(const FeedCompany &company);

// A company's SEC feeds, by its ticker and CIK: the 8-K filing Atom feed
// (hourly; each 8-K's items become events) and the XBRL company facts
// (weekly; reported capex, revenue, expenses).
Feed secCurrentReportsFeed(const QString &ticker, qint64 cik);
Feed secCompanyFactsFeed(const QString &ticker, qint64 cik);

} // namespace tw
