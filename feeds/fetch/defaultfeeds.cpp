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

QList<Feed> defaultMetaFeeds()
{
    return {
        feed("https://about.fb.com/news/feed/", FeedKind::News, "Meta Newsroom", 1800),
        // EDGAR asks for <= 10 requests/s and a User-Agent with a contact address.
        feed("https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0001326801&type=8-K&dateb=&owner=include&count=40&output=atom",
             FeedKind::News, "SEC EDGAR 8-K filings (META)", 3600),
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
