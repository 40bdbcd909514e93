#include "feeds/parsers/rssparser.h"
#include "feeds/parsers/textnormalizer.h"
#include "testsupport.h"

#include <QTest>

using namespace tw;

class TestRssParser : public QObject {
    Q_OBJECT

private slots:
    void readsAWordPressFeed()
    {
        const QDateTime fetched(QDate(2026, 4, 22), QTime(9, 0), Qt::UTC);
        auto feed = RssParser::parse(twtest::readAll(twtest::fixture(QStringLiteral("rss/newsroom-wordpress.rss"))),
                                     QUrl(QStringLiteral("https://newsroom.example.com/news/feed/")), fetched);
        QVERIFY(feed.ok());
        QCOMPARE(feed->title, QStringLiteral("Example Newsroom"));
        QCOMPARE(feed->articles.size(), 3);
        const Article &first = feed->articles.first();
        QCOMPARE(first.guid, QStringLiteral("https://newsroom.example.com/news/?p=51234"));
        QCOMPARE(first.published, QDateTime(QDate(2026, 4, 8), QTime(17, 0), Qt::UTC));
        QVERIFY(first.summary.startsWith(QStringLiteral("Today we\u2019re introducing Muse Spark")));
        QVERIFY(!first.summary.contains(QLatin1Char('<')));
        QCOMPARE(first.source, QStringLiteral("Example Newsroom"));
        // -0400 is converted to UTC; &#160; and &amp; become characters.
        QCOMPARE(feed->articles[2].published, QDateTime(QDate(2026, 4, 8), QTime(17, 5), Qt::UTC));
        QVERIFY(feed->articles[2].summary.contains(QStringLiteral("$115\u00A0billion")) ||
                feed->articles[2].summary.contains(QStringLiteral("$115 billion")));
        QVERIFY(feed->articles[1].summary.contains(QStringLiteral("follow & more")));
    }

    void notRssIsAnError()
    {
        auto html = RssParser::parse("<!DOCTYPE html><html><body>Service unavailable</body></html>",
                                     QUrl(QStringLiteral("https://example.com/feed")), QDateTime::currentDateTimeUtc());
        QVERIFY(!html.ok());
        QVERIFY(html.errorMessage().contains(QStringLiteral("Not an RSS document")));
    }

    void missingDatesAndGuidsFallBack()
    {
        const QByteArray doc = R"(<rss version="2.0"><channel><title>T</title>
            <item><title>No date, no guid</title><link>/a/relative</link></item>
            <item><description>Only a description</description></item>
            <item></item>
            </channel></rss>)";
        const QDateTime fetched(QDate(2026, 4, 9), QTime(8, 0), Qt::UTC);
        auto feed = RssParser::parse(doc, QUrl(QStringLiteral("https://example.com/feeds/x.xml")), fetched);
        QVERIFY(feed.ok());
        QCOMPARE(feed->articles.size(), 2);
        QCOMPARE(feed->articles[0].url, QStringLiteral("https://example.com/a/relative"));
        QCOMPARE(feed->articles[0].guid, feed->articles[0].url);
        QVERIFY(feed->articles[0].publishedEstimated);
        QCOMPARE(feed->articles[0].published, fetched);
        QVERIFY(feed->articles[1].guid.startsWith(QStringLiteral("sha1:")));
        QCOMPARE(feed->skipped.size(), 1);
    }

    void rfc822Dates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime t(QDate(2026, 4, 8), QTime(20, 5), Qt::UTC);
        QTest::newRow("GMT") << QStringLiteral("Wed, 08 Apr 2026 20:05:00 GMT") << t;
        QTest::newRow("offset") << QStringLiteral("Wed, 08 Apr 2026 16:05:00 -0400") << t;
        QTest::newRow("EDT") << QStringLiteral("Wed, 08 Apr 2026 16:05:00 EDT") << t;
        QTest::newRow("no weekday, no seconds") << QStringLiteral("8 Apr 2026 20:05 +0000") << t;
        QTest::newRow("two-digit year") << QStringLiteral("Wed, 08 Apr 26 20:05:00 Z") << t;
        QTest::newRow("ISO in pubDate") << QStringLiteral("2026-04-08T20:05:00Z") << t;
        QTest::newRow("garbage") << QStringLiteral("yesterday") << QDateTime();
    }

    void rfc822Dates()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        QCOMPARE(parseRfc822Date(text), expected);
    }
};

QTEST_GUILESS_MAIN(TestRssParser)
#include "tst_rssparser.moc"
