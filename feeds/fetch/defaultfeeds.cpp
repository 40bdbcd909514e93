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

QList<FeedSource> allFeedSources()
{
    return {FeedSource::SecFilings,         FeedSource::SecCompanyFacts, FeedSource::GoogleNews,
            FeedSource::YahooHeadlines,     FeedSource::NasdaqHeadlines, FeedSource::YahooPrices,
            FeedSource::StooqPrices,        FeedSource::AlphaVantagePrices, FeedSource::AlphaVantageNews};
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
    switch (source) {
    case FeedSource::SecFilings: return QStringLiteral("SEC 8-K filings");
    case FeedSource::SecCompanyFacts: return QStringLiteral("SEC XBRL company facts");
    case FeedSource::GoogleNews: return QStringLiteral("Google News search");
    case FeedSource::YahooHeadlines: return QStringLiteral("Yahoo Finance headlines");
    case FeedSource::NasdaqHeadlines: return QStringLiteral("Nasdaq headlines");
    case FeedSource::YahooPrices: return QStringLiteral("Yahoo daily prices");
    case FeedSource::StooqPrices: return QStringLiteral("Stooq daily prices");
    case FeedSource::AlphaVantagePrices: return QStringLiteral("Alpha Vantage daily prices");
    case FeedSource::AlphaVantageNews: return QStringLiteral("Alpha Vantage news");
    }
    return QString();
}

QString feedSourceBasis(FeedSource source)
{
    switch (source) {
    case FeedSource::SecFilings:
    case FeedSource::SecCompanyFacts: return QStringLiteral("CIK");
    case FeedSource::GoogleNews: return QStringLiteral("name");
    default: return QStringLiteral("ticker");
    }
}

bool feedSourceNeedsKey(FeedSource source)
{
    return source == FeedSource::StooqPrices || source == FeedSource::AlphaVantagePrices
        || source == FeedSource::AlphaVantageNews;
}

std::optional<Feed> feedFromSource(FeedSource source, const FeedCompany &company)
{
    const QString symbol = company.symbol.trimmed().toUpper();
    if (symbol.isEmpty())
        return std::nullopt;
    Feed f;
    f.ticker = symbol;
    f.enabled = !feedSourceNeedsKey(source);
    QUrl url;
    switch (source) {
    case FeedSource::SecFilings:
    case FeedSource::SecCompanyFacts:
        // EDGAR asks for <= 10 requests/s and a User-Agent with a contact
        // address (SecAccessRules): fetched once one is set.
        if (company.cik <= 0)
            return std::nullopt;
        return source == FeedSource::SecFilings ? secCurrentReportsFeed(symbol, company.cik)
                                                : secCompanyFactsFeed(symbol, company.cik);
    case FeedSource::GoogleNews: {
        const QString name = company.name.trimmed().isEmpty() ? symbol : company.name.trimmed();
        url = QUrl(QStringLiteral("https://news.google.com/rss/search"));
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("q"), QStringLiteral("\"%1\"").arg(name));
        q.addQueryItem(QStringLiteral("hl"), QStringLiteral("en-US"));
        q.addQueryItem(QStringLiteral("gl"), QStringLiteral("US"));
        q.addQueryItem(QStringLiteral("ceid"), QStringLiteral("US:en"));
        url.setQuery(q);
        f.kind = FeedKind::News;
        f.title = QStringLiteral("Google News: %1").arg(name);
        f.intervalSeconds = 900;
        break;
    }
    case FeedSource::YahooHeadlines:
        url = QUrl(QStringLiteral("https://feeds.finance.yahoo.com/rss/2.0/headline?s=%1&region=US&lang=en-US").arg(symbol));
        f.kind = FeedKind::News;
        f.title = QStringLiteral("Yahoo Finance headlines (%1)").arg(symbol);
        f.intervalSeconds = 900;
        break;
    case FeedSource::NasdaqHeadlines:
        url = QUrl(QStringLiteral("https://www.nasdaq.com/feed/rssoutbound?symbol=%1").arg(symbol));
        f.kind = FeedKind::News;
        f.title = QStringLiteral("Nasdaq headlines (%1)").arg(symbol);
        f.intervalSeconds = 1800;
        break;
    case FeedSource::YahooPrices:
        url = QUrl(QStringLiteral("https://query1.finance.yahoo.com/v8/finance/chart/%1?interval=1d&range=1y").arg(symbol));
        f.kind = FeedKind::YahooChart;
        f.title = QStringLiteral("Yahoo daily prices (%1)").arg(symbol);
        f.intervalSeconds = 3600;
        break;
    case FeedSource::StooqPrices:
        url = QUrl(QStringLiteral("https://stooq.com/q/d/l/?s=%1.us&i=d").arg(symbol.toLower()));
        f.kind = FeedKind::Stooq;
        f.title = QStringLiteral("Stooq daily prices (%1)").arg(symbol);
        f.intervalSeconds = 6 * 3600;
        break;
    case FeedSource::AlphaVantagePrices:
        url = QUrl(QStringLiteral("https://www.alphavantage.co/query?function=TIME_SERIES_DAILY&symbol=%1&outputsize=compact")
                       .arg(symbol));
        f.kind = FeedKind::AlphaVantageDaily;
        f.title = QStringLiteral("Alpha Vantage daily prices (%1)").arg(symbol);
        f.intervalSeconds = 6 * 3600;
        break;
    case FeedSource::AlphaVantageNews:
        url = QUrl(QStringLiteral("https://www.alphavantage.co/query?function=NEWS_SENTIMENT&tickers=%1").arg(symbol));
        f.kind = FeedKind::AlphaVantageNews;
        f.title = QStringLiteral("Alpha Vantage news (%1)").arg(symbol);
        f.intervalSeconds = 3600;
        break;
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
    f.intervalSeconds = 3600;
    return f;
}

Feed secCompanyFactsFeed(const QString &ticker, qint64 cik)
{
    Feed f;
    f.url = QStringLiteral("https://data.sec.gov/api/xbrl/companyfacts/CIK%1.json").arg(cik, 10, 10, QLatin1Char('0'));
    f.kind = FeedKind::SecCompanyFacts;
    f.ticker = ticker;
    f.title = QStringLiteral("SEC XBRL company facts (%1)").arg(ticker);
    f.intervalSeconds = 7 * 24 * 3600;   // the figures change with 10-Qs and 10-Ks: weekly is plenty
    return f;
}

} // namespace tw
