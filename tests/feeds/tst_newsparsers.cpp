#include "feeds/parsers/atomparser.h"
#include "feeds/parsers/companynewsparser.h"
#include "feeds/parsers/jsonfeedparser.h"
#include "feeds/parsers/newsdocumentparser.h"
#include "feeds/parsers/rssparser.h"
#include "feeds/parsers/textnormalizer.h"
#include "testsupport.h"

#include <QTest>

using namespace tw;

namespace {
const QDateTime kFetched(QDate(2026, 4, 10), QTime(12, 0), Qt::UTC);

QByteArray fixtureBytes(const char *path)
{
    return twtest::fixtureBytes(QString::fromLatin1(path));
}

QDateTime utc(int y, int m, int d, int h, int min, int s = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s), Qt::UTC);
}
} // namespace

class TestNewsParsers : public QObject {
    Q_OBJECT

private slots:
    void atomResolvesXmlBaseAndTextConstructs()
    {
        auto feed = AtomParser::parse(fixtureBytes("atom/blog-xmlbase.atom"),
                                      QUrl(QStringLiteral("https://engineering.example.com/blog/feed.atom")), kFetched);
        QVERIFY2(feed.ok(), qPrintable(feed.ok() ? QString() : feed.errorMessage()));
        QCOMPARE(feed->title, QStringLiteral("Example Engineering Blog"));
        QCOMPARE(feed->link, QStringLiteral("https://engineering.example.com/blog/"));
        QCOMPARE(feed->articles.size(), 3);
        const Article &first = feed->articles[0];
        QCOMPARE(first.title, QStringLiteral("Serving Muse Spark: Instant mode latency"));
        QCOMPARE(first.url, QStringLiteral("https://engineering.example.com/blog/2026/04/08/serving-muse-spark.html"));
        QCOMPARE(first.guid, QStringLiteral("tag:engineering.example.com,2026-04-08:/blog/serving-muse-spark"));
        QCOMPARE(first.published, utc(2026, 4, 8, 17, 5));   // published wins over updated; -04:00 → UTC
        QCOMPARE(first.author, QStringLiteral("Example Engineer"));
        QVERIFY(first.body.startsWith(QStringLiteral("Instant is the default")));
        QVERIFY(!first.body.contains(QLatin1Char('<')));
        QCOMPARE(first.source, QStringLiteral("Example Engineering Blog"));

        const Article &second = feed->articles[1];
        // xml:base="/archive/" on the entry replaces the path of the feed's base.
        QCOMPARE(second.url, QStringLiteral("https://engineering.example.com/archive/contemplating-mode"));
        QCOMPARE(second.published, QDateTime(QDate(2026, 4, 10), QTime(9, 15, 30, 250), Qt::UTC));
        QCOMPARE(second.summary, QStringLiteral("Contemplating runs several reasoning agents in parallel."));
        QVERIFY(!second.publishedEstimated);

        const Article &third = feed->articles[2];
        QCOMPARE(third.guid, QStringLiteral("https://engineering.example.com/blog/undated"));
        QVERIFY(third.publishedEstimated);
        QCOMPARE(third.published, kFetched);
    }

    void edgarAtomIsLatin1WithFilingDetails()
    {
        auto feed = AtomParser::parse(fixtureBytes("atom/edgar-meta-8k.atom"),
                                      QUrl(QStringLiteral("https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0001326801&type=8-K&output=atom")),
                                      kFetched);
        QVERIFY2(feed.ok(), qPrintable(feed.ok() ? QString() : feed.errorMessage()));
        QCOMPARE(feed->articles.size(), 2);
        QCOMPARE(feed->title, QStringLiteral("Meta Platforms, Inc. (0001326801)"));   // runs of spaces collapsed
        const Article &filing = feed->articles[0];
        QCOMPARE(filing.title, QStringLiteral("8-K - Current report"));
        QCOMPARE(filing.guid, QStringLiteral("urn:tag:sec.gov,2008:accession-number=0001326801-26-000042"));
        QCOMPARE(filing.url, QStringLiteral("https://www.sec.gov/Archives/edgar/data/1326801/000132680126000042/0001326801-26-000042-index.htm"));
        QCOMPARE(filing.published, utc(2026, 4, 29, 20, 5, 12));
        QVERIFY(filing.body.contains(QStringLiteral("Form 8-K (Current report)")));
        QVERIFY(filing.body.contains(QStringLiteral("accession number 0001326801-26-000042")));
        QVERIFY(filing.body.contains(QStringLiteral("items 2.02 and 9.01")));
        QVERIFY(filing.summary.contains(QStringLiteral("Item 2.02: Results of Operations and Financial Condition")));
        // ISO-8859-1 bytes (0xA7, 0xE9) decode to the right characters.
        QVERIFY(feed->articles[1].summary.contains(QStringLiteral("\u00a7 Caf\u00e9")));
    }

    void rss1RdfItemsAreChannelSiblings()
    {
        auto feed = RssParser::parse(fixtureBytes("rdf/rss1-slashcode.rdf"), QUrl(QStringLiteral("https://tech.example.org/index.rdf")), kFetched);
        QVERIFY2(feed.ok(), qPrintable(feed.ok() ? QString() : feed.errorMessage()));
        QCOMPARE(feed->title, QStringLiteral("Example Tech News"));
        QCOMPARE(feed->articles.size(), 2);
        const Article &a = feed->articles[0];
        QCOMPARE(a.guid, QStringLiteral("https://tech.example.org/story/26/04/08/1712/meta-launches-muse-spark"));
        QCOMPARE(a.published, utc(2026, 4, 8, 17, 12));
        QCOMPARE(a.author, QStringLiteral("exampleeditor"));
        QVERIFY(a.summary.contains(QStringLiteral("modes \u2014 and its weights")));   // &amp;mdash; decoded twice
        QCOMPARE(feed->articles[1].published, utc(2026, 4, 8, 20, 10));
    }

    void googleNewsTitlesLosePublisherSuffix()
    {
        auto feed = RssParser::parse(fixtureBytes("rss/googlenews-search.rss"),
                                     QUrl(QStringLiteral("https://news.google.com/rss/search?q=%22Meta+Platforms%22")), kFetched);
        QVERIFY(feed.ok());
        QCOMPARE(feed->articles.size(), 3);
        const Article &a = feed->articles[0];
        QCOMPARE(a.title, QStringLiteral("Meta unveils Muse Spark, the first model from its Superintelligence Labs"));
        QCOMPARE(a.source, QStringLiteral("Example Wire"));
        QCOMPARE(a.sourceUrl, QStringLiteral("https://www.example-wire.com"));
        QCOMPARE(a.guid, QStringLiteral("CBMiYmh0dHBzOi8vd3d3LmV4YW1wbGUtd2lyZS5jb20vdGVjaC9tZXRhLW11c2Utc3Bhcmstd"));
        // A publisher with parentheses in its name is still only cut at the end.
        QCOMPARE(feed->articles[1].title, QStringLiteral("Meta Platforms guides 2026 capex to $115 billion-$135 billion"));
        QCOMPARE(feed->articles[1].source, QStringLiteral("Markets Daily (Example)"));
    }

    void nasdaqTickersAreProviderTickers()
    {
        auto feed = RssParser::parse(fixtureBytes("rss/nasdaq-meta.rss"), QUrl(QStringLiteral("https://www.nasdaq.com/feed/rssoutbound?symbol=META")), kFetched);
        QVERIFY(feed.ok());
        QCOMPARE(feed->articles.size(), 2);
        QCOMPARE(feed->articles[0].providerTickers, QStringList{QStringLiteral("META")});
        QCOMPARE(feed->articles[1].providerTickers,
                 (QStringList{QStringLiteral("META"), QStringLiteral("GOOGL"), QStringLiteral("MSFT")}));
        QCOMPARE(feed->articles[0].author, QStringLiteral("Example Analyst"));
        QCOMPARE(feed->articles[0].source, QStringLiteral("Nasdaq - META"));
    }

    void yahooChannelTitleAfterItemsStillNamesTheSource()
    {
        auto feed = RssParser::parse(fixtureBytes("rss/yahoo-headline.rss"),
                                     QUrl(QStringLiteral("https://feeds.finance.yahoo.com/rss/2.0/headline?s=META")), kFetched);
        QVERIFY(feed.ok());
        QCOMPARE(feed->articles.size(), 2);
        QCOMPARE(feed->articles[0].source, QStringLiteral("Yahoo! Finance: META News"));
        QCOMPARE(feed->articles[0].guid, QStringLiteral("2f0b6a8e-9d4c-3b1a-a7e5-1c6d8f2e4a90"));
        QCOMPARE(feed->articles[0].published, utc(2026, 4, 8, 19, 5));
    }

    void malformedItemIsRepairedAndKept()
    {
        // Item 2's bare '&' made the document ill-formed; it is read as text.
        auto feed = RssParser::parse(fixtureBytes("rss/malformed-items.rss"), QUrl(QStringLiteral("https://desk.example.net/feed")), kFetched);
        QVERIFY(feed.ok());
        QCOMPARE(feed->articles.size(), 3);
        QCOMPARE(feed->articles[0].title, QStringLiteral("Muse Spark ships in three modes"));
        QCOMPARE(feed->articles[0].published, utc(2026, 4, 8, 22, 0));   // EDT
        QCOMPARE(feed->articles[1].title, QStringLiteral("Capex & the AI race"));
        QCOMPARE(feed->articles[1].published, utc(2026, 4, 8, 23, 0));
        QCOMPARE(feed->articles[2].title, QStringLiteral("Rollout to WhatsApp and Instagram follows"));
        QCOMPARE(feed->articles[2].published, utc(2026, 4, 9, 12, 30));   // dc:date, RFC 3339
        QCOMPARE(feed->skipped.size(), 1);
        QVERIFY2(feed->skipped[0].startsWith(QStringLiteral("item 4: no title")), qPrintable(feed->skipped[0]));
        QVERIFY2(feed->damage.contains(QStringLiteral("1 bare '&'")), qPrintable(feed->damage));
        QVERIFY(!feed->lostContent);
        QCOMPARE(feed->warnings.size(), 1);
        QVERIFY2(feed->warnings[0].startsWith(QStringLiteral("3 items recovered from a damaged document")), qPrintable(feed->warnings[0]));
    }

    void encodings_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("link");
        QTest::newRow("windows-1252") << QStringLiteral("rss/europe-windows1252.rss")
                                      << QStringLiteral("\u201cA ground-up overhaul\u201d \u2013 Meta\u2019s Muse Spark")
                                      << QStringLiteral("https://europe.example.eu/2026/04/muse-spark");
        QTest::newRow("UTF-16LE with BOM") << QStringLiteral("rss/asia-utf16le.rss")
                                           << QStringLiteral("Meta \u306e Muse Spark \u2014 first model from MSL")
                                           << QStringLiteral("https://asia.example.jp/news/2026/04/09/muse-spark");
        QTest::newRow("declared UTF-8, really Latin-1") << QStringLiteral("rss/declared-utf8-really-latin1.rss")
                                                        << QStringLiteral("Meta d\u00e9voile Muse Spark")
                                                        << QStringLiteral("https://cafe.example.fr/meta-muse-spark");
        QTest::newRow("UTF-8 WordPress") << QStringLiteral("rss/newsroom-wordpress.rss")
                                         << QStringLiteral("Introducing Muse Spark, the First Model From Meta Superintelligence Labs")
                                         << QStringLiteral("https://newsroom.example.com/news/2026/04/introducing-muse-spark/");
    }

    void encodings()
    {
        QFETCH(QString, file);
        QFETCH(QString, title);
        QFETCH(QString, link);
        auto parsed = NewsDocumentParser::parse(twtest::readAll(twtest::fixture(file)),
                                                QUrl(QStringLiteral("https://asia.example.jp/feed.xml")), kFetched);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.errorMessage()));
        QVERIFY(!parsed->feed.articles.isEmpty());
        QCOMPARE(parsed->feed.articles[0].title, title);
        QCOMPARE(parsed->feed.articles[0].url, link);
    }

    void jsonFeed()
    {
        auto feed = JsonFeedParser::parse(fixtureBytes("jsonfeed/microblog.json"), QUrl(QStringLiteral("https://notes.example.com/feed.json")), kFetched);
        QVERIFY2(feed.ok(), qPrintable(feed.ok() ? QString() : feed.errorMessage()));
        QCOMPARE(feed->title, QStringLiteral("Example Markets Notes"));
        QCOMPARE(feed->articles.size(), 2);
        const Article &a = feed->articles[0];
        QCOMPARE(a.url, QStringLiteral("https://notes.example.com/2026/04/08/muse-spark/"));
        QCOMPARE(a.published, utc(2026, 4, 8, 22, 40));
        QCOMPARE(a.author, QStringLiteral("A. Writer"));
        QCOMPARE(a.summary, QStringLiteral("Top five, but weaker on long-horizon agentic coding."));
        QVERIFY(a.body.startsWith(QStringLiteral("Muse Spark placed in the top five")));
        const Article &b = feed->articles[1];
        QCOMPARE(b.guid, QStringLiteral("20260409"));
        QCOMPARE(b.author, QStringLiteral("Example Notes Desk"));   // the feed's author stands in
        QCOMPARE(b.published, utc(2026, 4, 9, 7, 0));
        QCOMPARE(feed->skipped.size(), 2);
        QVERIFY(feed->skipped[0].startsWith(QStringLiteral("item 3: not an object")));
        QVERIFY(feed->skipped[1].startsWith(QStringLiteral("item 4: no title")));
    }

    void finnhubCompanyNews()
    {
        auto feed = FinnhubNewsParser::parse(fixtureBytes("newsapi/finnhub-company-news-meta.json"), kFetched);
        QVERIFY(feed.ok());
        QCOMPARE(feed->articles.size(), 2);
        QCOMPARE(feed->articles[0].published, utc(2026, 4, 8, 17, 30));
        QCOMPARE(feed->articles[0].source, QStringLiteral("Example Newswire"));
        QCOMPARE(feed->articles[1].providerTickers, (QStringList{QStringLiteral("META"), QStringLiteral("NVDA")}));
        QCOMPARE(feed->articles[1].guid, QStringLiteral("https://markets.example.com/meta-capex-2026"));
    }

    void alphaVantageNewsKeepsProviderScoresApart()
    {
        auto feed = AlphaVantageNewsParser::parse(fixtureBytes("newsapi/alphavantage-news-sentiment-meta.json"), kFetched);
        QVERIFY(feed.ok());
        QCOMPARE(feed->articles.size(), 2);
        const Article &a = feed->articles[0];
        QCOMPARE(a.published, utc(2026, 4, 8, 17, 30));
        QCOMPARE(a.providerSentiment.size(), 3);   // overall + META + GOOGL
        QCOMPARE(a.providerSentiment[0].ticker, QString());
        QCOMPARE(a.providerSentiment[1].ticker, QStringLiteral("META"));
        QCOMPARE(*a.providerSentiment[1].score, 0.4123);
        QCOMPARE(*a.providerSentiment[1].relevance, 0.912345);
        QCOMPARE(a.providerSentiment[1].label, QStringLiteral("Bullish"));
        QCOMPARE(a.providerTickers, (QStringList{QStringLiteral("META"), QStringLiteral("GOOGL")}));
    }

    void dispatcherNamesTheFormat_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("format");
        QTest::newRow("rss") << QStringLiteral("rss/nasdaq-meta.rss") << int(DocumentFormat::Rss);
        QTest::newRow("rdf") << QStringLiteral("rdf/rss1-slashcode.rdf") << int(DocumentFormat::Rdf);
        QTest::newRow("atom") << QStringLiteral("atom/edgar-meta-8k.atom") << int(DocumentFormat::Atom);
        QTest::newRow("json feed") << QStringLiteral("jsonfeed/microblog.json") << int(DocumentFormat::JsonFeed);
        QTest::newRow("finnhub") << QStringLiteral("newsapi/finnhub-company-news-meta.json") << int(DocumentFormat::FinnhubNews);
        QTest::newRow("av news") << QStringLiteral("newsapi/alphavantage-news-sentiment-meta.json") << int(DocumentFormat::AlphaVantageNews);
    }

    void dispatcherNamesTheFormat()
    {
        QFETCH(QString, file);
        QFETCH(int, format);
        auto parsed = NewsDocumentParser::parse(twtest::readAll(twtest::fixture(file)), QUrl(QStringLiteral("https://example.com/f")), kFetched);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.errorMessage()));
        QCOMPARE(int(parsed->format), format);
        QVERIFY(!parsed->feed.articles.isEmpty());
    }

    void pricesAreNotNews()
    {
        auto parsed = NewsDocumentParser::parse(fixtureBytes("prices/stooq-meta-us.csv"), QUrl(QStringLiteral("https://stooq.com/q/d/l/?s=meta.us&i=d")), kFetched);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.errorMessage().contains(QStringLiteral("stooq")), qPrintable(parsed.errorMessage()));
    }

    void rfc3339Dates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime t = utc(2026, 4, 8, 20, 5);
        QTest::newRow("Z") << QStringLiteral("2026-04-08T20:05:00Z") << t;
        QTest::newRow("offset") << QStringLiteral("2026-04-08T16:05:00-04:00") << t;
        QTest::newRow("lower case") << QStringLiteral("2026-04-08t20:05:00z") << t;
        QTest::newRow("space") << QStringLiteral("2026-04-08 20:05:00+00:00") << t;
        QTest::newRow("fraction") << QStringLiteral("2026-04-08T20:05:00.000Z") << t;
        QTest::newRow("no zone reads as UTC") << QStringLiteral("2026-04-08T20:05:00") << t;
        QTest::newRow("garbage") << QStringLiteral("April 8th") << QDateTime();
    }

    void rfc3339Dates()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        QCOMPARE(parseRfc3339Date(text), expected);
    }

    void truncatedDocumentKeepsWhatWasRead()
    {
        QByteArray doc = fixtureBytes("rss/nasdaq-meta.rss");
        doc.truncate(doc.indexOf("AI Spending Race"));
        auto feed = RssParser::parse(doc, QUrl(QStringLiteral("https://www.nasdaq.com/feed")), kFetched);
        QVERIFY(feed.ok());
        QCOMPARE(feed->articles.size(), 1);
        QCOMPARE(feed->skipped.size(), 1);
    }

    // A placeholder year and a year typed wrong would sit on top of every
    // list sorted by time; a few hours ahead (local time labelled GMT) stays.
    void datesAfterTheFetchAreTheFetchTime()
    {
        const QByteArray doc = "<rss version=\"2.0\"><channel><title>Wire</title>"
                               "<item><title>Contoso schedules call</title><link>https://wire.example.com/1</link>"
                               "<pubDate>Fri, 31 Dec 9999 23:59:59 GMT</pubDate></item>"
                               "<item><title>Fabrikam wins contract</title><link>https://wire.example.com/2</link>"
                               "<pubDate>Sat, 10 Apr 2036 09:00:00 GMT</pubDate></item>"
                               "<item><title>Northwind beats estimates</title><link>https://wire.example.com/3</link>"
                               "<pubDate>Fri, 10 Apr 2026 20:00:00 GMT</pubDate></item></channel></rss>";
        auto parsed = NewsDocumentParser::parse(doc, QUrl(QStringLiteral("https://wire.example.com/rss")), kFetched);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.errorMessage()));
        const QList<Article> &items = parsed->feed.articles;
        QCOMPARE(items.size(), 3);
        QCOMPARE(items.at(0).published, kFetched);
        QVERIFY(items.at(0).publishedEstimated);
        QCOMPARE(items.at(1).published, kFetched);
        QCOMPARE(items.at(2).published, utc(2026, 4, 10, 20, 0));
        QVERIFY(!items.at(2).publishedEstimated);
        QVERIFY2(parsed->feed.warnings.contains(QStringLiteral("2 items dated after the fetch (9999-12-31T23:59:59Z): fetch time used")),
                 qPrintable(parsed->feed.warnings.join(QLatin1Char('|'))));
    }

    // The complete items before the cut are kept; the item the cut is in is
    // not, even where a nested array inside it closed before the cut.
    void jsonCutShortKeepsTheCompleteItems()
    {
        const QByteArray whole = fixtureBytes("jsonfeed/microblog.json");
        auto cut = NewsDocumentParser::parse(whole.left(whole.indexOf("H100 rental fees")),
                                             QUrl(QStringLiteral("https://notes.example.com/feed.json")), kFetched);
        QVERIFY2(cut.ok(), qPrintable(cut.ok() ? QString() : cut.errorMessage()));
        QCOMPARE(cut->format, DocumentFormat::JsonFeed);
        QCOMPARE(cut->feed.articles.size(), 1);
        QCOMPARE(cut->feed.articles.at(0).title, QStringLiteral("Muse Spark scores 52 on the Intelligence Index"));
        QVERIFY(cut->feed.lostContent);

        // Cut after the first item's authors closed: no item is complete, and that is an error saying why.
        auto nothing = NewsDocumentParser::parse(whole.left(whole.indexOf("\"tags\": [\"META\"")), QUrl(), kFetched);
        QVERIFY(!nothing.ok());
        QVERIFY2(nothing.errorMessage().startsWith(QStringLiteral("0 items: document cut short")), qPrintable(nothing.errorMessage()));

        // A provider's root array the same.
        const QByteArray news = fixtureBytes("newsapi/finnhub-company-news-meta.json");
        auto finnhub = NewsDocumentParser::parse(news.left(news.indexOf("Meta lifts 2026")), QUrl(), kFetched);
        QVERIFY2(finnhub.ok(), qPrintable(finnhub.ok() ? QString() : finnhub.errorMessage()));
        QCOMPARE(finnhub->format, DocumentFormat::FinnhubNews);
        QCOMPARE(finnhub->feed.articles.size(), 1);
        QVERIFY(finnhub->feed.warnings.value(0).contains(QStringLiteral("document cut short")));
    }
};

QTEST_GUILESS_MAIN(TestNewsParsers)
#include "tst_newsparsers.moc"
