#include "feeds/parsers/feedsniffer.h"
#include "feeds/parsers/newsdocumentparser.h"
#include "feeds/parsers/quotedocumentparser.h"
#include "feeds/parsers/quoteparsers.h"
#include "testsupport.h"

#include <QTest>

using namespace tw;

class TestFeedSniffer : public QObject {
    Q_OBJECT

private slots:
    void providerFailuresNameTheCause_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("problem");
        QTest::addColumn<QString>("says");
        QTest::newRow("AV Note") << QStringLiteral("errors/alphavantage-note.json") << int(ProviderProblem::RateLimited)
                                 << QStringLiteral("rate-limited by Alpha Vantage");
        QTest::newRow("AV Information limit") << QStringLiteral("errors/alphavantage-information-ratelimit.json")
                                              << int(ProviderProblem::RateLimited) << QStringLiteral("25 requests per day");
        QTest::newRow("AV Information demo key") << QStringLiteral("errors/alphavantage-information-demokey.json")
                                                 << int(ProviderProblem::BadKey) << QStringLiteral("API key");
        QTest::newRow("AV Error Message") << QStringLiteral("errors/alphavantage-error-message.json")
                                          << int(ProviderProblem::UnknownSymbol) << QStringLiteral("unknown symbol");
        QTest::newRow("Stooq No data") << QStringLiteral("errors/stooq-no-data.txt") << int(ProviderProblem::UnknownSymbol)
                                       << QStringLiteral("No data");
        QTest::newRow("Stooq limit") << QStringLiteral("errors/stooq-daily-limit.txt") << int(ProviderProblem::RateLimited)
                                     << QStringLiteral("daily hits limit");
        QTest::newRow("Yahoo chart.error") << QStringLiteral("errors/yahoo-chart-error.json")
                                           << int(ProviderProblem::UnknownSymbol) << QStringLiteral("delisted");
        QTest::newRow("Yahoo crumb") << QStringLiteral("errors/yahoo-invalid-crumb.json") << int(ProviderProblem::BadKey)
                                     << QStringLiteral("crumb");
        QTest::newRow("Yahoo consent page") << QStringLiteral("errors/yahoo-consent.html") << int(ProviderProblem::Blocked)
                                            << QStringLiteral("consent");
        QTest::newRow("SEC rate threshold") << QStringLiteral("errors/sec-rate-threshold.html")
                                            << int(ProviderProblem::RateLimited) << QStringLiteral("Request Rate Threshold Exceeded");
        QTest::newRow("nginx 502 page") << QStringLiteral("errors/nginx-502.html") << int(ProviderProblem::NotAFeed)
                                        << QStringLiteral("502 Bad Gateway");
        QTest::newRow("Finnhub key") << QStringLiteral("errors/finnhub-invalid-key.json") << int(ProviderProblem::BadKey)
                                     << QStringLiteral("Invalid API key");
        QTest::newRow("JSON error") << QStringLiteral("errors/generic-json-error.json") << int(ProviderProblem::NotAFeed)
                                    << QStringLiteral("JSON");
    }

    void providerFailuresNameTheCause()
    {
        QFETCH(QString, file);
        QFETCH(int, problem);
        QFETCH(QString, says);
        const QByteArray body = twtest::readAll(twtest::fixture(file));
        QVERIFY(!body.isEmpty());
        const SniffResult sniffed = FeedSniffer::sniff(body);
        QCOMPARE(providerProblemId(sniffed.problem), providerProblemId(ProviderProblem(problem)));
        QVERIFY2(sniffed.message.contains(says, Qt::CaseInsensitive), qPrintable(sniffed.message));
        // The parsers report the same cause, never "0 items".
        auto news = NewsDocumentParser::parse(body, QUrl(QStringLiteral("https://example.com/x")), QDateTime::currentDateTimeUtc());
        QVERIFY(!news.ok());
        QCOMPARE(news.errorMessage(), sniffed.message);
        auto prices = QuoteDocumentParser::parse(body, QStringLiteral("META"));
        QVERIFY(!prices.ok());
        QCOMPARE(prices.errorMessage(), sniffed.message);
    }

    void emptyAndGarbage()
    {
        QCOMPARE(FeedSniffer::sniff(QByteArray()).format, DocumentFormat::Empty);
        QCOMPARE(FeedSniffer::sniff("   \r\n").problem, ProviderProblem::NotAFeed);
        QCOMPARE(FeedSniffer::sniff("\x1f\x8b\x08\x00garbage").problem, ProviderProblem::NotAFeed);
        QCOMPARE(FeedSniffer::sniff("<?xml version=\"1.0\"?><opml version=\"2.0\"/>").format, DocumentFormat::OtherXml);
        QCOMPARE(FeedSniffer::sniff("{\"chart\":{\"result\":[").problem, ProviderProblem::NotAFeed);
        QCOMPARE(FeedSniffer::sniff("<html><body><p>unclosed <b>tag soup").format, DocumentFormat::Html);
    }

    void feedsAndPricesAreRecognised_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("format");
        QTest::newRow("stooq") << QStringLiteral("prices/stooq-meta-us.csv") << int(DocumentFormat::StooqCsv);
        QTest::newRow("yahoo") << QStringLiteral("prices/yahoo-chart-meta.json") << int(DocumentFormat::YahooChart);
        QTest::newRow("alphavantage") << QStringLiteral("prices/alphavantage-daily-meta.json") << int(DocumentFormat::AlphaVantageDaily);
        QTest::newRow("utf16 rss") << QStringLiteral("rss/asia-utf16le.rss") << int(DocumentFormat::Rss);
        QTest::newRow("wordpress rss") << QStringLiteral("rss/newsroom-wordpress.rss") << int(DocumentFormat::Rss);
        QTest::newRow("atom latin-1") << QStringLiteral("atom/edgar-meta-8k.atom") << int(DocumentFormat::Atom);
    }

    void feedsAndPricesAreRecognised()
    {
        QFETCH(QString, file);
        QFETCH(int, format);
        const SniffResult sniffed = FeedSniffer::sniff(twtest::readAll(twtest::fixture(file)));
        QVERIFY2(sniffed.ok(), qPrintable(sniffed.message));
        QCOMPARE(documentFormatId(sniffed.format), documentFormatId(DocumentFormat(format)));
    }
};

QTEST_GUILESS_MAIN(TestFeedSniffer)
#include "tst_feedsniffer.moc"
