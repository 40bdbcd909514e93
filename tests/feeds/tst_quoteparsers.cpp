#include "feeds/ingest/quoteimporter.h"
#include "feeds/parsers/quotedocumentparser.h"
#include "feeds/parsers/quoteparsers.h"
#include "models/store/quotestore.h"
#include "temporarystores.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace tw;

namespace {
QByteArray fixtureBytes(const char *path)
{
    return twtest::fixtureBytes(QString::fromLatin1(path));
}

// New York midnight of the day, in UTC: 04:00Z while daylight saving lasts.
QDateTime nyMidnight(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(4, 0), Qt::UTC);
}
} // namespace

// Registered with TZ=Europe/Berlin so a parser that used the system zone
// would shift US bars (the last Yahoo bar is 22:30Z: 00:30 next day in Berlin).
class TestQuoteParsers : public QObject {
    Q_OBJECT

private slots:
    void runsInAEuropeanZone()
    {
        QCOMPARE(qgetenv("TZ"), QByteArray("Europe/Berlin"));
        QCOMPARE(QDateTime(QDate(2026, 4, 9), QTime(22, 30), Qt::UTC).toLocalTime().date(), QDate(2026, 4, 10));
    }

    void yahooChart()
    {
        auto parsed = YahooChartParser::parse(fixtureBytes("prices/yahoo-chart-meta.json"), QString());
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.errorMessage()));
        QCOMPARE(parsed->ticker, QStringLiteral("META"));
        QCOMPARE(parsed->bars.size(), 3);   // the null bar of 2026-04-07 is skipped
        QCOMPARE(parsed->skipped.size(), 1);
        QCOMPARE(parsed->bars[0].tradingDate, QDate(2026, 4, 6));
        QCOMPARE(parsed->bars[1].tradingDate, QDate(2026, 4, 8));
        QCOMPARE(parsed->bars[2].tradingDate, QDate(2026, 4, 9));   // not the 10th, though Berlin says so
        QCOMPARE(parsed->bars[2].timestamp, nyMidnight(2026, 4, 9));
        QCOMPARE(parsed->bars[1].close, 601.3);
        QCOMPARE(parsed->bars[1].volume, qint64(41234500));
        QCOMPARE(parsed->bars[1].source, QStringLiteral("yahoo"));
    }

    // An intraday chart (a yahoo-chart feed or a saved file asked with
    // interval=1m) is one daily bar per session: not the last minute's bar.
    void yahooIntradayChartMakesTheSessionsDailyBar()
    {
        auto parsed = YahooChartParser::parse(fixtureBytes("prices/yahoo-chart-aapl-1m.json"), QString());
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.errorMessage()));
        QCOMPARE(parsed->ticker, QStringLiteral("AAPL"));
        QCOMPARE(parsed->bars.size(), 1);
        const QuoteBar &day = parsed->bars.first();
        QCOMPARE(day.tradingDate, QDate(2025, 2, 20));
        QCOMPARE(day.timestamp, QDateTime(QDate(2025, 2, 20), QTime(0, 0), QTimeZone("America/New_York")).toUTC());
        QCOMPARE(day.open, 244.47);    // 09:30, not the pre-market 09:28
        QCOMPARE(day.high, 245.12);
        QCOMPARE(day.low, 244.31);
        QCOMPARE(day.close, 244.87);   // 15:59, not the post-market 16:00
        QCOMPARE(day.volume, qint64(1203412 + 402311 + 310877 + 1874215));
    }

    void yahooWeeklyChartIsRefused()
    {
        QJsonDocument doc = QJsonDocument::fromJson(fixtureBytes("prices/yahoo-chart-meta.json"));
        QJsonObject root = doc.object();
        QJsonObject chart = root.value(QStringLiteral("chart")).toObject();
        QJsonArray results = chart.value(QStringLiteral("result")).toArray();
        QJsonObject result = results.first().toObject();
        QJsonObject meta = result.value(QStringLiteral("meta")).toObject();
        meta.insert(QStringLiteral("dataGranularity"), QStringLiteral("1wk"));
        result.insert(QStringLiteral("meta"), meta);
        results.replace(0, result);
        chart.insert(QStringLiteral("result"), results);
        root.insert(QStringLiteral("chart"), chart);
        auto parsed = YahooChartParser::parse(QJsonDocument(root), QString());
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.errorMessage().contains(QStringLiteral("1wk")), qPrintable(parsed.errorMessage()));
    }

    void stooqCsv()
    {
        auto parsed = StooqCsvParser::parse(fixtureBytes("prices/stooq-meta-us.csv"), QStringLiteral("META"),
                                            QTimeZone("America/New_York"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->bars.size(), 4);
        QCOMPARE(parsed->bars[3].tradingDate, QDate(2026, 4, 9));
        QCOMPARE(parsed->bars[3].timestamp, nyMidnight(2026, 4, 9));
        QCOMPARE(parsed->bars[1].open, 551.0);
        QVERIFY(parsed->skipped.isEmpty());
    }

    void stooqBadRowsAreSkipped()
    {
        auto parsed = StooqCsvParser::parse(QByteArray("Date,Open,High,Low,Close,Volume\n2026-04-06,550.1,556.4,545.2,551.7,1\n"
                                            "2026-13-01,1,1,1,1,1\n2026-04-08,abc,1,1,1,1\n2026-04-09,1,2,1,1.5\n"),
                                            QStringLiteral("META"), QTimeZone("America/New_York"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->bars.size(), 2);   // a missing volume (indices) is fine
        QCOMPARE(parsed->skipped.size(), 2);
    }

    void alphaVantageDaily()
    {
        auto parsed = AlphaVantageDailyParser::parse(fixtureBytes("prices/alphavantage-daily-meta.json"), QString());
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->ticker, QStringLiteral("META"));
        QCOMPARE(parsed->bars.size(), 4);
        QCOMPARE(parsed->bars.first().tradingDate, QDate(2026, 4, 6));   // oldest first
        QCOMPARE(parsed->bars.last().timestamp, nyMidnight(2026, 4, 9));
        QCOMPARE(parsed->bars.last().close, 612.4);
    }

    void providersAgreeOnTheRowForADay()
    {
        auto yahoo = QuoteDocumentParser::parse(fixtureBytes("prices/yahoo-chart-meta.json"), QStringLiteral("META"));
        auto stooq = QuoteDocumentParser::parse(fixtureBytes("prices/stooq-meta-us.csv"), QStringLiteral("META"));
        auto av = QuoteDocumentParser::parse(fixtureBytes("prices/alphavantage-daily-meta.json"), QStringLiteral("META"));
        QVERIFY(yahoo.ok() && stooq.ok() && av.ok());
        QCOMPARE(yahoo->bars.last().timestamp, stooq->bars.last().timestamp);
        QCOMPARE(av->bars.last().timestamp, stooq->bars.last().timestamp);
    }

    void wrongShapeForTheExpectedFormat()
    {
        auto parsed = QuoteDocumentParser::parse(fixtureBytes("prices/stooq-meta-us.csv"), QStringLiteral("META"),
                                                 QTimeZone("America/New_York"), DocumentFormat::YahooChart);
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.errorMessage().contains(QStringLiteral("expected yahoo-chart")));
    }

    void importIsIdempotent()
    {
        twtest::TemporaryStore store;
        QVERIFY2(store.open(QStringLiteral("q.db"), QStringLiteral("quotes-test")), qPrintable(store.errorString()));
        auto parsed = QuoteDocumentParser::parse(fixtureBytes("prices/stooq-meta-us.csv"), QStringLiteral("META"));
        QVERIFY(parsed.ok());
        QuoteImporter importer(store.database());
        auto first = importer.import(*parsed);
        QVERIFY(first.ok());
        QCOMPARE(first->changed, 4);
        auto again = importer.import(*parsed);
        QVERIFY(again.ok());
        QCOMPARE(again->changed, 0);
        QCOMPARE(again->unchanged, 4);
        QuoteStore quotes(store.database());
        QCOMPARE(*quotes.count(), qint64(4));
        auto bars = quotes.bars(QStringLiteral("META"), QDate(2026, 4, 9), QDate(2026, 4, 9));
        QVERIFY(bars.ok());
        QCOMPARE(bars->size(), 1);
        QCOMPARE(bars->first().close, 612.4);
    }
};

QTEST_GUILESS_MAIN(TestQuoteParsers)
#include "tst_quoteparsers.moc"
