#include "feeds/fetch/defaultfeeds.h"

namespace tw {

namespace {
Feed feed(const char *url, FeedKind kind, const char *title, int intervalSeconds, bool enabled = true)
{
    Feed f;
    f.url = QString::fromLatin1(url);
    f.kind = kind;
    f.ticker = QStringLiteral("META");
    f.title = QString::fromLatin1(title);
    f.intervalSeconds = intervalSeconds;
    f.enabled = enabled;
    return f;
}
} // namespace

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

QList<Feed> defaultMetaFeeds()
{
    return {
        feed("https://about.fb.com/news/feed/", FeedKind::News, "Meta Newsroom", 1800),
        // EDGAR asks for <= 10 requests/s and a User-Agent with a contact
        // address (SecAccessRules): fetched once one is set in Settings.
        secCurrentReportsFeed(QStringLiteral("META"), 1326801),
        secCompanyFactsFeed(QStringLiteral("META"), 1326801),
        feed("https://news.google.com/rss/search?q=%22Meta+Platforms%22&hl=en-US&gl=US&ceid=US:en", FeedKind::News,
             "Google News: Meta Platforms", 900),
        feed("https://feeds.finance.yahoo.com/rss/2.0/headline?s=META&region=US&lang=en-US", FeedKind::News,
             "Yahoo Finance headlines (META)", 900),
        feed("https://www.nasdaq.com/feed/rssoutbound?symbol=META", FeedKind::News, "Nasdaq (META)", 1800),
        feed("https://query1.finance.yahoo.com/v8/finance/chart/META?interval=1d&range=1y", FeedKind::YahooChart,
             "Yahoo daily prices (META)", 3600),
        feed("https://www.alphavantage.co/query?function=TIME_SERIES_DAILY&symbol=META&outputsize=compact",
             FeedKind::AlphaVantageDaily, "Alpha Vantage daily prices (META)", 6 * 3600, false),
        feed("https://stooq.com/q/d/l/?s=meta.us&i=d", FeedKind::Stooq, "Stooq daily prices (META)", 6 * 3600, false),
    };
}

} // namespace tw
