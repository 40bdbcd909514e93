#include "feeds/fetch/defaultfeeds.h"

#include "models/directory/companydirectory.h"

#include <QUrl>
#include <QUrlQuery>

namespace tw {

FeedCompany feedCompanyFor(const TickerInfo &ticker)
{
    FeedCompany c{ticker.symbol, ticker.name, ticker.cik};
    const CompanyRecord *record = CompanyDirectory::builtIn().byTicker(ticker.symbol);
    if (record) {
        if (c.cik <= 0)
            c.cik = record->cik;
        if (c.name.trimmed().isEmpty())
            c.name = record->name;
    }
    return c;
}

namespace {
// One row per source, in the order dialogs list them. `url` takes the ticker
// as %1 (Stooq's in lower case); the SEC and Google News URLs are built in
// feedFromSource from the CIK and the company's name.
struct FeedSourceSpec {
    FeedSource source;
    const char *label;
    const char *basis;   // what the URL is built from
    bool needsKey;       // added disabled until a key is in the keychain
    FeedKind kind;
    const char *url;
    bool lowerCaseTicker;
    int intervalSeconds;
};

constexpr FeedSourceSpec kFeedSources[] = {
    {FeedSource::SecFilings, "SEC 8-K filings", "CIK", false, FeedKind::SecFilings, "", false, 3600},
    {FeedSource::SecCompanyFacts, "SEC XBRL company facts", "CIK", false, FeedKind::SecCompanyFacts, "", false, 7 * 24 * 3600},
    {FeedSource::GoogleNews, "Google News search", "name", false, FeedKind::News, "https://news.google.com/rss/search", false, 900},
    {FeedSource::YahooHeadlines, "Yahoo Finance headlines", "ticker", false, FeedKind::News,
     "https://feeds.finance.yahoo.com/rss/2.0/headline?s=%1&region=US&lang=en-US", false, 900},
    {FeedSource::NasdaqHeadlines, "Nasdaq headlines", "ticker", false, FeedKind::News,
     "https://www.nasdaq.com/feed/rssoutbound?symbol=%1", false, 1800},
    {FeedSource::YahooPrices, "Yahoo daily prices", "ticker", false, FeedKind::YahooChart,
     "https://query1.finance.yahoo.com/v8/finance/chart/%1?interval=1d&range=1y", false, 3600},
    {FeedSource::StooqPrices, "Stooq daily prices", "ticker", true, FeedKind::Stooq, "https://stooq.com/q/d/l/?s=%1.us&i=d",
     true, 6 * 3600},
    {FeedSource::AlphaVantagePrices, "Alpha Vantage daily prices", "ticker", true, FeedKind::AlphaVantageDaily,
     "https://www.alphavantage.co/query?function=TIME_SERIES_DAILY&symbol=%1&outputsize=compact", false, 6 * 3600},
    {FeedSource::AlphaVantageNews, "Alpha Vantage news", "ticker", true, FeedKind::AlphaVantageNews,
     "https://www.alphavantage.co/query?function=NEWS_SENTIMENT&tickers=%1", false, 3600},
};

const FeedSourceSpec &specOf(FeedSource source)
{
    for (const FeedSourceSpec &spec : kFeedSources) {
        if (spec.source == source)
            return spec;
    }
    Q_UNREACHABLE();
}
} // namespace

QList<FeedSource> allFeedSources()
{
    QList<FeedSource> sources;
    for (const FeedSourceSpec &spec : kFeedSources)
        sources << spec.source;
    return sources;
}

std::optional<FeedSource> feedSourceOf(const Feed &feed)
{
    const QString host = QUrl(feed.url).host().toLower();
    switch (feed.kind) {
    case FeedKind::SecFilings: return FeedSource::SecFilings;
    case FeedKind::SecCompanyFacts: return FeedSource::SecCompanyFacts;
    case FeedKind::News:
        // An 8-K Atom feed added as plain news (by an older build) is still SEC's.
        if (host == QLatin1String("sec.gov") || host.endsWith(QLatin1String(".sec.gov")))
            return FeedSource::SecFilings;
        if (host == QLatin1String("news.google.com"))
            return FeedSource::GoogleNews;
        if (host == QLatin1String("feeds.finance.yahoo.com"))
            return FeedSource::YahooHeadlines;
        if (host == QLatin1String("www.nasdaq.com") || host == QLatin1String("nasdaq.com"))
            return FeedSource::NasdaqHeadlines;
        return std::nullopt;
    case FeedKind::YahooChart: return FeedSource::YahooPrices;
    case FeedKind::Stooq: return FeedSource::StooqPrices;
    case FeedKind::AlphaVantageDaily: return FeedSource::AlphaVantagePrices;
    case FeedKind::AlphaVantageNews: return FeedSource::AlphaVantageNews;
    case FeedKind::FinnhubNews: return std::nullopt;
    }
    return std::nullopt;
}

QString feedDescription(const Feed &feed)
{
    if (const auto source = feedSourceOf(feed))
        return feedSourceLabel(*source);
    // Kept here until the domain's feed-kind table (with its own labels) lands.
    switch (feed.kind) {
    case FeedKind::News: return QStringLiteral("News feed");
    case FeedKind::FinnhubNews: return QStringLiteral("Finnhub company news");
    default: return feedKindId(feed.kind);
    }
}

QString feedSourceLabel(FeedSource source)
{
    return QString::fromLatin1(specOf(source).label);
}

QString feedSourceBasis(FeedSource source)
{
    return QString::fromLatin1(specOf(source).basis);
}

bool feedSourceNeedsKey(FeedSource source)
{
    return specOf(source).needsKey;
}

std::optional<Feed> feedFromSource(FeedSource source, const FeedCompany &company)
{
    const QString symbol = company.symbol.trimmed().toUpper();
    if (symbol.isEmpty())
        return std::nullopt;
    const FeedSourceSpec &spec = specOf(source);
    if (source == FeedSource::SecFilings || source == FeedSource::SecCompanyFacts) {
        // EDGAR asks for <= 10 requests/s and a User-Agent with a contact
        // address (SecAccessRules): fetched once one is set.
        if (company.cik <= 0)
            return std::nullopt;
        return source == FeedSource::SecFilings ? secCurrentReportsFeed(symbol, company.cik)
                                                : secCompanyFactsFeed(symbol, company.cik);
    }
    Feed f;
    f.ticker = symbol;
    f.enabled = !spec.needsKey;
    f.kind = spec.kind;
    f.intervalSeconds = spec.intervalSeconds;
    QUrl url;
    if (source == FeedSource::GoogleNews) {
        const QString name = company.name.trimmed().isEmpty() ? symbol : company.name.trimmed();
        url = QUrl(QString::fromLatin1(spec.url));
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("q"), QStringLiteral("\"%1\"").arg(name));
        q.addQueryItem(QStringLiteral("hl"), QStringLiteral("en-US"));
        q.addQueryItem(QStringLiteral("gl"), QStringLiteral("US"));
        q.addQueryItem(QStringLiteral("ceid"), QStringLiteral("US:en"));
        url.setQuery(q);
        f.title = QStringLiteral("Google News: %1").arg(name);
    } else {
        url = QUrl(QString::fromLatin1(spec.url).arg(spec.lowerCaseTicker ? symbol.toLower() : symbol));
        f.title = QStringLiteral("%1 (%2)").arg(feedSourceLabel(source), symbol);
    }
    f.url = url.toString(QUrl::FullyEncoded);
    return f;
}

QList<Feed> defaultFeedsFor(const FeedCompany &company)
{
    QList<Feed> feeds;
    for (FeedSource s : {FeedSource::SecFilings, FeedSource::SecCompanyFacts, FeedSource::GoogleNews, FeedSource::YahooHeadlines,
                         FeedSource::NasdaqHeadlines, FeedSource::YahooPrices, FeedSource::AlphaVantagePrices,
                         FeedSource::StooqPrices}) {
        if (auto f = feedFromSource(s, company))
            feeds << *f;
    }
    return feeds;
}

Feed secCurrentReportsFeed(const QString &ticker, qint64 cik)
{
    Feed f;
    f.url = QStringLiteral("https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=%1&type=8-K&dateb=&owner=include"
                           "&count=40&output=atom")
                .arg(cik, 10, 10, QLatin1Char('0'));
    f.kind = FeedKind::SecFilings;
    f.ticker = ticker;
    f.title = QStringLiteral("SEC EDGAR 8-K filings (%1)").arg(ticker);
    f.intervalSeconds = specOf(FeedSource::SecFilings).intervalSeconds;
    return f;
}

Feed secCompanyFactsFeed(const QString &ticker, qint64 cik)
{
    Feed f;
    f.url = QStringLiteral("https://data.sec.gov/api/xbrl/companyfacts/CIK%1.json").arg(cik, 10, 10, QLatin1Char('0'));
    f.kind = FeedKind::SecCompanyFacts;
    f.ticker = ticker;
    f.title = QStringLiteral("SEC XBRL company facts (%1)").arg(ticker);
    f.intervalSeconds = specOf(FeedSource::SecCompanyFacts).intervalSeconds; // figures change with 10-Qs and 10-Ks
    return f;
}

} // namespace tw
