#include "models/export/csvexport.h"
#include "models/export/csvreader.h"
#include "models/export/exportjob.h"
#include "models/store/sqlexec.h"
#include "temporarystores.h"
#include "testsupport.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTimeZone>
#include <QLocale>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace tw;

namespace {
// QVERIFY2 evaluates its message even on success, when a Result has no error to read.
template <typename R>
QByteArray failureOf(const R &result)
{
    return result.ok() ? QByteArray() : result.errorMessage().toUtf8();
}
qint64 utc(int y, int m, int d, int h = 0, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc()).toMSecsSinceEpoch();
}

// Titles that break naive CSV: commas, quotes, line breaks, emoji, RTL, formulas.
const QString kCommaTitle = QStringLiteral("Meta, Alphabet and Microsoft lift 2026 capex");
const QString kQuoteTitle = QStringLiteral("Zuckerberg: \"personal superintelligence\" for everyone");
const QString kNewlineTitle = QStringLiteral("Muse Spark launch\r\nAPI preview opens\nfor partners");
const QString kEmojiTitle = QStringLiteral("META 🚀 after Muse Spark 🤖");
const QString kRtlTitle = QStringLiteral("ميتا تطلق Muse Spark");
const QString kFormulaTitle = QStringLiteral("=HYPERLINK(\"http://evil.example\",\"click\")");

Status exec(QSqlDatabase db, const QString &sql, std::initializer_list<QVariant> values)
{
    QSqlQuery q(db);
    if (!q.prepare(sql))
        return fail(describeSqlError(sql, q));
    return execBound(q, values);
}

// A small store with every table an export reads, written the way the
// ingest, scoring, event and alert stages write them.
Status seed(QSqlDatabase db)
{
    const QStringList titles{kCommaTitle, kQuoteTitle, kNewlineTitle, kEmojiTitle, kRtlTitle, kFormulaTitle};
    for (int i = 0; i < titles.size(); ++i) {
        const qint64 published = utc(2026, 4, 1 + i, 13, 30);
        if (auto s = exec(db,
                          QStringLiteral("INSERT INTO articles (id, guid, url, title, summary, source, published_utc, "
                                         "fetched_utc, content_hash) VALUES (?,?,?,?,?,?,?,?,?)"),
                          {i + 1, QStringLiteral("guid-%1").arg(i), QStringLiteral("https://news.example.com/a/%1").arg(i),
                           titles.at(i), QStringLiteral("Summary, with a comma"), QStringLiteral("Example News"),
                           published, published + 60000, QStringLiteral("h%1").arg(i)});
            !s)
            return s;
    }
    // Article 1 names META and GOOGL; article 2 only META, scored twice (newest wins).
    const QString meta = QStringLiteral("META");
    const QString googl = QStringLiteral("GOOGL");
    const QList<QVariantList> links{{1, meta, 0.9}, {1, googl, 0.4}, {2, meta, 0.8}, {3, meta, 0.7}};
    for (const QVariantList &l : links) {
        if (auto s = exec(db, QStringLiteral("INSERT INTO article_tickers VALUES (?,?,?)"), {l[0], l[1], l[2]}); !s)
            return s;
    }
    auto s = [](const char *text) { return QString::fromLatin1(text); };
    const QList<QVariantList> scores{{1, meta, s("lex-1"), 0.6125, s("bullish"), 0.8, utc(2026, 4, 1, 14)},
                                     {1, googl, s("lex-1"), -0.25, s("bearish"), 0.5, utc(2026, 4, 1, 14)},
                                     {2, meta, s("lex-1"), 0.1, s("neutral"), 0.3, utc(2026, 4, 2, 14)},
                                     {2, meta, s("lex-2"), -0.4, s("bearish"), 0.6, utc(2026, 4, 3, 14)}};
    for (const QVariantList &s : scores) {
        if (auto r = exec(db,
                          QStringLiteral("INSERT INTO article_scores (article_id, ticker, model_version, score, label, "
                                         "confidence, scored_utc) VALUES (?,?,?,?,?,?,?)"),
                          {s[0], s[1], s[2], s[3], s[4], s[5], s[6]});
            !r)
            return r;
    }
    if (auto s = exec(db,
                      QStringLiteral("INSERT INTO corporate_scores (ticker, horizon, as_of_utc, score, label, article_count, "
                                     "confidence, model_version, explanation) VALUES (?,?,?,?,?,?,?,?,?)"),
                      {QStringLiteral("META"), QStringLiteral("7d"), utc(2026, 4, 9), 0.123456789012345678,
                       QStringLiteral("bullish"), 6, 0.7, QStringLiteral("lex-1"),
                       QStringLiteral("{\"top\":[\"Muse Spark\",\"capex\"]}")});
        !s)
        return s;
    for (int d = 0; d < 3; ++d) {
        if (auto s = exec(db,
                          QStringLiteral("INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?)"),
                          {QStringLiteral("META"), QStringLiteral("1d"), utc(2026, 4, 6 + d, 4),
                           QDate(2026, 4, 6 + d).toString(Qt::ISODate), 600.5 + d, 612.25 + d, 598.0 + d,
                           610.35 + d, 48000000 + d, QStringLiteral("demo"), utc(2026, 4, 10)});
            !s)
            return s;
    }
    if (auto s = exec(db,
                      QStringLiteral("INSERT INTO events (id, ticker, event_date, kind, title, metric, amount_low, "
                                     "amount_high, currency, unit, period, confidence, merge_key, created_utc) "
                                     "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
                      {1, QStringLiteral("META"), QStringLiteral("2026-04-29"), QStringLiteral("guidance"),
                       QStringLiteral("2026 capex guidance raised"), QStringLiteral("capex"), 125e9, 145e9,
                       QStringLiteral("USD"), QStringLiteral(""), QStringLiteral("FY2026"), 0.9,
                       QStringLiteral("META|capex|FY2026"), utc(2026, 4, 30)});
        !s)
        return s;
    if (auto s = exec(db,
                      QStringLiteral("INSERT INTO events (id, ticker, event_date, kind, title, confidence, merge_key, "
                                     "created_utc) VALUES (?,?,?,?,?,?,?,?)"),
                      {2, QStringLiteral("META"), QStringLiteral("2026-04-08"), QStringLiteral("product_launch"),
                       QStringLiteral("Muse Spark launch"), 0.8, QStringLiteral("META|launch|muse"),
                       utc(2026, 4, 9)});
        !s)
        return s;
    for (const auto &[event, article] : {std::pair{1, 1}, std::pair{1, 2}, std::pair{2, 3}}) {
        if (auto s = exec(db, QStringLiteral("INSERT INTO event_sources (event_id, article_id) VALUES (?,?)"),
                          {event, article});
            !s)
            return s;
    }
    if (auto s = exec(db,
                      QStringLiteral("INSERT INTO alert_rules (id, name, kind, ticker, created_utc) VALUES (?,?,?,?,?)"),
                      {1, QStringLiteral("META turns bearish"), QStringLiteral("score_threshold"),
                       QStringLiteral("META"), utc(2026, 4, 1)});
        !s)
        return s;
    if (auto s = exec(db,
                      QStringLiteral("INSERT INTO fired_alerts (id, rule_id, fired_utc, ticker, message, cause_key) "
                                     "VALUES (?,?,?,?,?,?)"),
                      {1, 1, utc(2026, 4, 3, 15), QStringLiteral("META"),
                       QStringLiteral("-0.4 < -0.3: score fell, \"sharply\""), QStringLiteral("a2")});
        !s)
        return s;
    return exec(db, QStringLiteral("INSERT INTO fired_alert_articles VALUES (?,?)"), {1, 2});
}

struct Exported {
    QList<QStringList> rows;
    ExportSummary summary;
};
} // namespace

// Exports straight from a store: every kind, its filters, exact round trips,
// locale independence, and the file being all or nothing.
class TestCsvExport : public QObject {
    Q_OBJECT

    twtest::TemporaryStore m_store;

    Exported exportToMemory(ExportKind kind, const ExportFilter &filter = {})
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvExport exporter(m_store.database(), {});
        auto written = exporter.writeTo(&buffer, ExportQuery::build(kind, filter));
        if (!written)
            qFatal("export failed: %s", qPrintable(written.errorMessage()));
        auto rows = CsvReader::parse(buffer.data());
        if (!rows)
            qFatal("parse failed: %s", qPrintable(rows.errorMessage()));
        return {*rows, *written};
    }

    static int column(const QList<QStringList> &rows, const QString &name)
    {
        return int(rows.first().indexOf(name));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_store.open(QStringLiteral("s.db"), QStringLiteral("export")), qPrintable(m_store.errorString()));
        auto seeded = seed(m_store.database());
        QVERIFY2(seeded.ok(), failureOf(seeded).constData());
    }

    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void articlesRoundTripTitlesExactly()
    {
        const Exported e = exportToMemory(ExportKind::Articles);
        // 6 articles; article 1 has two tickers.
        QCOMPARE(e.summary.rows, qint64(7));
        QCOMPARE(e.rows.size(), 8);
        const int title = column(e.rows, QStringLiteral("title"));
        QStringList titles;
        for (int r = 1; r < e.rows.size(); ++r)
            titles << e.rows.at(r).at(title);
        QCOMPARE(titles, (QStringList{kCommaTitle, kCommaTitle, kQuoteTitle, kNewlineTitle, kEmojiTitle, kRtlTitle,
                                      QLatin1Char('\'') + kFormulaTitle}));
    }

    void articlesCarryTheNewestScorePerTicker()
    {
        const Exported e = exportToMemory(ExportKind::Articles, {QStringLiteral("META"), {}, {}});
        QCOMPARE(e.summary.rows, qint64(3));
        const int score = column(e.rows, QStringLiteral("score"));
        const int label = column(e.rows, QStringLiteral("label"));
        const int model = column(e.rows, QStringLiteral("model_version"));
        QCOMPARE(e.rows.at(1).at(score), QStringLiteral("0.6125"));
        QCOMPARE(e.rows.at(2).at(score), QStringLiteral("-0.4"));   // a real negative number, no apostrophe
        QCOMPARE(e.rows.at(2).at(label), QStringLiteral("bearish"));
        QCOMPARE(e.rows.at(2).at(model), QStringLiteral("lex-2"));
        QCOMPARE(e.rows.at(3).at(score), QString());               // linked, not scored yet
        QCOMPARE(e.rows.at(1).at(column(e.rows, QStringLiteral("published_utc"))),
                 QStringLiteral("2026-04-01T13:30:00Z"));
    }

    void sinceAndUntilSelectWholeDays()
    {
        ExportFilter f;
        f.since = parseExportDate(QStringLiteral("2026-04-02"), false).value();
        f.until = parseExportDate(QStringLiteral("2026-04-03"), true).value();
        const Exported e = exportToMemory(ExportKind::Articles, f);
        QCOMPARE(e.summary.rows, qint64(2));
        const int id = column(e.rows, QStringLiteral("article_id"));
        QCOMPARE(e.rows.at(1).at(id), QStringLiteral("2"));
        QCOMPARE(e.rows.at(2).at(id), QStringLiteral("3"));
    }

    void scoresAreWrittenToTheirFourDecimals()
    {
        // A computed score's 16 digits are noise past the fourth decimal.
        const Exported e = exportToMemory(ExportKind::Scores);
        QCOMPARE(e.summary.rows, qint64(1));
        const QString score = e.rows.at(1).at(column(e.rows, QStringLiteral("score")));
        QCOMPARE(score, QStringLiteral("0.1235"));
        QCOMPARE(e.rows.at(1).at(column(e.rows, QStringLiteral("explanation"))),
                 QStringLiteral("{\"top\":[\"Muse Spark\",\"capex\"]}"));
    }

    void germanLocaleStillWritesPoints()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        auto written = CsvExport(m_store.database(), {}).writeTo(&buffer, ExportQuery::build(ExportKind::Quotes, {}));
        QVERIFY(written.ok());
        const QList<QByteArray> lines = buffer.data().split('\n');
        QCOMPARE(lines.at(0), QByteArray("ticker,interval,time_utc,trade_date,open,high,low,close,volume,source\r"));
        QCOMPARE(lines.at(1), QByteArray("META,1d,2026-04-06T04:00:00Z,2026-04-06,600.5,612.25,598,610.35,48000000,demo\r"));
    }

    void eventsHaveOneRowPerSource()
    {
        const Exported e = exportToMemory(ExportKind::Events);
        QCOMPARE(e.summary.rows, qint64(3));
        const int kind = column(e.rows, QStringLiteral("kind"));
        const int low = column(e.rows, QStringLiteral("amount_low"));
        const int url = column(e.rows, QStringLiteral("source_url"));
        QCOMPARE(e.rows.at(1).at(kind), QStringLiteral("product_launch"));   // 2026-04-08 first
        QCOMPARE(e.rows.at(2).at(low), QStringLiteral("125000000000"));
        QCOMPARE(e.rows.at(2).at(url), QStringLiteral("https://news.example.com/a/0"));
        QCOMPARE(e.rows.at(3).at(url), QStringLiteral("https://news.example.com/a/1"));
    }

    void guidanceIsTheGuidanceEvents()
    {
        const Exported e = exportToMemory(ExportKind::Guidance);
        QCOMPARE(e.summary.rows, qint64(2));
        for (int r = 1; r < e.rows.size(); ++r)
            QCOMPARE(e.rows.at(r).at(column(e.rows, QStringLiteral("kind"))), QStringLiteral("guidance"));
        ExportFilter april8;
        april8.since = parseExportDate(QStringLiteral("2026-04-08"), false).value();
        april8.until = parseExportDate(QStringLiteral("2026-04-08"), true).value();
        QCOMPARE(exportToMemory(ExportKind::Events, april8).summary.rows, qint64(1));
    }

    void alertsNameTheirRule()
    {
        const Exported e = exportToMemory(ExportKind::Alerts);
        QCOMPARE(e.summary.rows, qint64(1));
        QCOMPARE(e.rows.at(1).at(column(e.rows, QStringLiteral("rule"))), QStringLiteral("META turns bearish"));
        // Text starting with '-' that is not a plain number is defused.
        QCOMPARE(e.rows.at(1).at(column(e.rows, QStringLiteral("message"))),
                 QStringLiteral("'-0.4 < -0.3: score fell, \"sharply\""));
        QCOMPARE(e.rows.at(1).at(column(e.rows, QStringLiteral("article_count"))), QStringLiteral("1"));
    }

    void emptyExportIsTheHeaderOnly()
    {
        const Exported e = exportToMemory(ExportKind::Quotes, {QStringLiteral("NOPE"), {}, {}});
        QCOMPARE(e.summary.rows, qint64(0));
        QCOMPARE(e.rows.size(), 1);
        QCOMPARE(e.rows.first().first(), QStringLiteral("ticker"));
        QCOMPARE(CsvExport(m_store.database(), {}).countRows(ExportQuery::build(ExportKind::Quotes, {QStringLiteral("NOPE"), {}, {}})).value(), qint64(0));
    }

    void countMatchesTheRowsWritten()
    {
        for (ExportKind kind : {ExportKind::Articles, ExportKind::Scores, ExportKind::Quotes, ExportKind::Events,
                                ExportKind::Guidance, ExportKind::Alerts}) {
            const auto count = CsvExport(m_store.database(), {}).countRows(ExportQuery::build(kind, {}));
            QVERIFY2(count.ok(), failureOf(count).constData());
            QCOMPARE(*count, exportToMemory(kind).summary.rows);
        }
    }

    void fileExportWithBomCommitsOnSuccess()
    {
        const QString path = m_store.filePath(QStringLiteral("articles.csv"));
        QList<qint64> progress;
        ExportControl control;
        control.progressEvery = 2;
        control.progress = [&](qint64 rows) { progress << rows; };
        auto written = CsvExport(m_store.database(), CsvWriter::Options{true})
                           .writeFile(path, ExportQuery::build(ExportKind::Articles, {}), control);
        QVERIFY(written.ok());
        QCOMPARE(progress, (QList<qint64>{2, 4, 6, 7}));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF" "article_id,"));
        QCOMPARE(CsvReader::parse(bytes)->size(), 8);
    }

    void cancelledFileExportLeavesNoFile()
    {
        QTemporaryDir out;
        const QString path = out.filePath(QStringLiteral("cancelled.csv"));
        std::atomic_bool cancel = false;
        ExportControl control;
        control.cancel = &cancel;
        control.progressEvery = 1;
        control.progress = [&](qint64 rows) {
            if (rows == 3)
                cancel = true;
        };
        auto written = CsvExport(m_store.database(), {}).writeFile(path, ExportQuery::build(ExportKind::Articles, {}),
                                                                    control);
        QVERIFY(written.ok());
        QVERIFY(written->cancelled);
        QCOMPARE(written->rows, qint64(3));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(out.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
    }

    void cancelledExportKeepsAnOlderFileUntouched()
    {
        const QString path = m_store.filePath(QStringLiteral("keep.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("previous export\r\n");
        }
        std::atomic_bool cancel = true;
        ExportControl control;
        control.cancel = &cancel;
        auto written = CsvExport(m_store.database(), {}).writeFile(path, ExportQuery::build(ExportKind::Quotes, {}),
                                                                    control);
        QVERIFY(written.ok() && written->cancelled);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("previous export\r\n"));
    }

    void unwritableFileFailsWithThePath()
    {
        const QString path = m_store.filePath(QStringLiteral("no/such/dir/x.csv"));
        auto written = CsvExport(m_store.database(), {}).writeFile(path, ExportQuery::build(ExportKind::Quotes, {}));
        QVERIFY(!written.ok());
        QVERIFY(written.errorMessage().contains(path));
    }

    void jobExportsOnItsOwnThreadAndConnection()
    {
        QTemporaryDir out;
        const QString path = out.filePath(QStringLiteral("job.csv"));
        ExportJob job(m_store.location(), ExportQuery::build(ExportKind::Articles, {}), path, {});
        QSignalSpy progress(&job, &ExportJob::progress);
        QSignalSpy finished(&job, &ExportJob::finished);
        job.start();
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(0).toBool(), true);    // ok
        QCOMPARE(finished.first().at(1).toBool(), false);   // not cancelled
        QCOMPARE(finished.first().at(2).toLongLong(), qint64(7));
        QVERIFY(progress.size() >= 2);
        QCOMPARE(progress.last().at(0).toLongLong(), qint64(7));
        QCOMPARE(progress.last().at(1).toLongLong(), qint64(7));
        QCOMPARE(CsvReader::parse(twtest::readAll(path))->size(), 8);
    }

    void cancelledJobLeavesNoFile()
    {
        QTemporaryDir out;
        const QString path = out.filePath(QStringLiteral("job.csv"));
        ExportJob job(m_store.location(), ExportQuery::build(ExportKind::Articles, {}), path, {});
        QSignalSpy finished(&job, &ExportJob::finished);
        job.cancel();
        job.start();
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(finished.first().at(1).toBool(), true);
        QVERIFY(!QFile::exists(path));
    }

    void datesParse()
    {
        QCOMPARE(parseExportDate(QStringLiteral("2026-04-08"), false).value(),
                 QDateTime(QDate(2026, 4, 8), QTime(0, 0), QTimeZone::utc()));
        QCOMPARE(parseExportDate(QStringLiteral("2026-04-08"), true).value(),
                 QDateTime(QDate(2026, 4, 9), QTime(0, 0), QTimeZone::utc()));
        QCOMPARE(parseExportDate(QStringLiteral("2026-04-08T12:00:00+02:00"), true).value(),
                 QDateTime(QDate(2026, 4, 8), QTime(10, 0), QTimeZone::utc()));
        QCOMPARE(parseExportDate(QStringLiteral("2026-04-08T12:00:00"), false).value(),
                 QDateTime(QDate(2026, 4, 8), QTime(12, 0), QTimeZone::utc()));
        QVERIFY(!parseExportDate(QStringLiteral("08/04/2026"), false).ok());
    }
};

QTEST_GUILESS_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
