#include "models/alerts/analyststate.h"
#include "models/export/csvexport.h"
#include "models/read/articlepage.h"
#include "models/store/sqldialect.h"
#include "models/store/sqlexec.h"
#include "models/store/storeconnection.h"

#include "sqlfixture.h"
#include "testsupport.h"

#include <QBuffer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace tw;

namespace {
template <typename R>
QByteArray failureOf(const R &result)
{
    return result.ok() ? QByteArray() : result.errorMessage().toUtf8();
}

struct NamedExport {
    QString name;
    ExportQuery query;
    bool byteOrderMark = false;
};

// Every export the CLI and the panels run, over all of a store's rows.
QList<NamedExport> everyExport(SqlDialect dialect)
{
    QList<NamedExport> exports;
    for (const ExportKind kind : {ExportKind::Articles, ExportKind::Scores, ExportKind::Quotes, ExportKind::Events,
                                  ExportKind::Guidance, ExportKind::Alerts})
        exports.append({exportKindName(kind), ExportQuery::build(kind, {})});
    exports.append({QStringLiteral("articles --excel"), ExportQuery::build(ExportKind::Articles, {}), true});
    ExportFilter meta;
    meta.ticker = QStringLiteral("META");
    meta.since = QDateTime(QDate(2026, 4, 2), QTime(0, 0), Qt::UTC);
    meta.until = QDateTime(QDate(2026, 4, 9), QTime(0, 0), Qt::UTC);
    exports.append({QStringLiteral("articles --ticker META --since 2026-04-02 --until 2026-04-08"),
                    ExportQuery::build(ExportKind::Articles, meta)});
    exports.append({QStringLiteral("article 1"), ExportQuery::article(1)});
    exports.append({QStringLiteral("fired alerts"), ExportQuery::firedAlerts({}, AnalystState::Acknowledged())});
    exports.append({QStringLiteral("quote bars"),
                    ExportQuery::quoteBars(QStringLiteral("META"), QDate(2026, 1, 1), QDate(2026, 12, 31))});
    exports.append({QStringLiteral("capex history"), ExportQuery::capexHistory(QStringLiteral("META"))});
    exports.append({QStringLiteral("feeds"), ExportQuery::feeds()});
    for (const bool newestFirst : {true, false}) {
        ArticleFilter filter;
        filter.newestFirst = newestFirst;
        auto list = ExportQuery::articleList(filter, dialect);
        if (!list)
            qFatal("%s", qPrintable(list.errorMessage()));
        exports.append({QStringLiteral("article list, newest first %1").arg(newestFirst), *list});
    }
    return exports;
}

// How the rows are read: the fastest way for the store, through QSqlQuery,
// or through QSqlQuery with the SQL every backend reads.
enum class Reading { Fastest, QtSql, QtSqlPortable };

QByteArray exportAll(QSqlDatabase db, Reading reading = Reading::Fastest)
{
    QByteArray all;
    for (NamedExport &e : everyExport(dialectOf(db))) {
        if (reading == Reading::QtSqlPortable)
            e.query.sqliteSql.clear();
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const CsvExport exporter(db, CsvWriter::Options{e.byteOrderMark},
                                 reading == Reading::Fastest ? ExportReader::Fastest : ExportReader::QtSql);
        auto written = exporter.writeTo(&buffer, e.query);
        if (!written)
            qFatal("%s: %s", qPrintable(e.name), qPrintable(written.errorMessage()));
        all += "## " + e.name.toUtf8() + " (" + QByteArray::number(written->rows) + " rows)\n" + buffer.data();
    }
    return all;
}

// `count` articles a minute apart, published out of id order (every third
// one an hour earlier), a few linked to two companies, scored by two model
// versions now and then: enough rows for many chunks of the export.
QString fillStore(QSqlDatabase db, int count)
{
    const QString rows = QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) ")
                             .arg(count);
    QSqlQuery q(db);
    const QStringList statements{
        rows + QStringLiteral(
            "INSERT INTO articles (id, guid, url, title, summary, author, source, published_utc, fetched_utc, "
            "content_hash) SELECT i, 'g' || i, 'https://news.example.com/a/' || i, "
            "CASE i % 7 WHEN 0 THEN 'Meta, Alphabet: \"capex\" ' || i WHEN 1 THEN '=SUM(' || i || ')' "
            "WHEN 2 THEN 'Zoë’s line' || char(10) || 'two ' || i ELSE 'Headline ' || i END, "
            "'Summary ' || i, CASE WHEN i % 5 = 0 THEN '-' || i ELSE '' END, 'Wire ' || (i % 3), "
            "1775000000000 + i * 60000 - CASE WHEN i % 3 = 0 THEN 3600000 ELSE 0 END + i % 1000, 1, 'h' || i FROM n"),
        rows + QStringLiteral("INSERT INTO article_tickers (article_id, ticker, relevance) "
                              "SELECT i, CASE i % 4 WHEN 0 THEN 'MSFT' ELSE 'META' END, (i % 101) / 1.7 FROM n WHERE i % 9 <> 0"),
        rows + QStringLiteral("INSERT INTO article_tickers (article_id, ticker, relevance) "
                              "SELECT i, 'GOOGL', 40 FROM n WHERE i % 10 = 0"),
        QStringLiteral("INSERT INTO article_scores (article_id, ticker, model_version, score, label, confidence, scored_utc) "
                       "SELECT article_id, ticker, 'lex-1', ((article_id * 7919) % 2001 - 1000) / 1000.0, 'neutral', 0.5, "
                       "1776000000000 FROM article_tickers"),
        QStringLiteral("INSERT INTO article_scores (article_id, ticker, model_version, score, label, confidence, scored_utc) "
                       "SELECT article_id, ticker, 'lex-2', 0.25, 'bullish', 0.75, "
                       "CASE WHEN article_id % 2 = 0 THEN 1776000000000 ELSE 1775999999999 END "
                       "FROM article_tickers WHERE article_id % 6 = 0"),
    };
    for (const QString &sql : statements) {
        if (!q.exec(sql))
            return describeSqlError(sql.left(60), q);
    }
    return {};
}
} // namespace

// The export's bytes do not change when the way it reads and writes does:
// every export of two stores compared with what the build before the
// streaming export wrote for them (tests/fixtures/export/*.golden).
class TestExportStream : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void committedStoreExportsAsBefore()
    {
        // The v4 fixture as a newer build opens it: migrated, rows kept.
        for (const char *suffix : {"", "-wal", "-shm"}) {
            const QString from = twtest::fixture(QStringLiteral("stores/v4.db") + QLatin1String(suffix));
            if (QFile::exists(from))
                QVERIFY(QFile::copy(from, m_dir.filePath(QStringLiteral("v4.db") + QLatin1String(suffix))));
        }
        auto store = StoreConnection::open(m_dir.filePath(QStringLiteral("v4.db")), QStringLiteral("v4"));
        QVERIFY2(store.ok(), failureOf(store).constData());
        const QByteArray written = exportAll((*store)->database());
        QCOMPARE(written, twtest::readAll(twtest::fixture(QStringLiteral("export/v4-exports.golden"))));
    }

    void oddValuesExportAsBefore()
    {
        auto store = StoreConnection::open(m_dir.filePath(QStringLiteral("odd.db")), QStringLiteral("odd"));
        QVERIFY2(store.ok(), failureOf(store).constData());
        const QString applied = twtest::applySqlFixture((*store)->database(), QStringLiteral("export/odd-store.sql"));
        QVERIFY2(applied.isEmpty(), qPrintable(applied));
        const QByteArray written = exportAll((*store)->database());
        QCOMPARE(written, twtest::readAll(twtest::fixture(QStringLiteral("export/odd-exports.golden"))));
        // Every value that leaves SQLite's fast reading (storage classes,
        // bytes its UTF-16 reading changes) reads as QSqlQuery reads it.
        QCOMPARE(exportAll((*store)->database(), Reading::QtSql), written);
        QCOMPARE(exportAll((*store)->database(), Reading::QtSqlPortable), written);
    }

    // Many chunks of rows: the same bytes whichever way they are read, the
    // progress called as before, and a cancel keeping whole rows only.
    void largeExportIsTheSameEitherWay()
    {
        auto store = StoreConnection::open(m_dir.filePath(QStringLiteral("large.db")), QStringLiteral("large"));
        QVERIFY2(store.ok(), failureOf(store).constData());
        QSqlDatabase db = (*store)->database();
        const QString filled = fillStore(db, 30000);
        QVERIFY2(filled.isEmpty(), qPrintable(filled));

        const ExportQuery query = ExportQuery::build(ExportKind::Articles, {});
        QByteArray fastest, qtSql, portable;
        QList<qint64> progress, expectedProgress;
        for (const Reading reading : {Reading::Fastest, Reading::QtSql, Reading::QtSqlPortable}) {
            ExportQuery q = query;
            if (reading == Reading::QtSqlPortable)
                q.sqliteSql.clear();
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            ExportControl control;
            control.progress = [&](qint64 rows) {
                if (reading == Reading::Fastest)
                    progress << rows;
            };
            auto written = CsvExport(db, {}, reading == Reading::Fastest ? ExportReader::Fastest : ExportReader::QtSql)
                               .writeTo(&buffer, q, control);
            QVERIFY2(written.ok(), failureOf(written).constData());
            QCOMPARE(written->rows, *CsvExport(db, {}).countRows(q));
            if (reading == Reading::Fastest) {
                for (qint64 r = 10000; r <= written->rows; r += 10000)
                    expectedProgress << r;
                expectedProgress << written->rows;
            }
            (reading == Reading::Fastest ? fastest : reading == Reading::QtSql ? qtSql : portable) = buffer.data();
        }
        QVERIFY(fastest.size() > 3 * (1 << 20));   // several chunks
        QCOMPARE(qtSql, fastest);
        QCOMPARE(portable, fastest);
        QCOMPARE(progress, expectedProgress);
        QCOMPARE(qint64(fastest.count("\r\n")), expectedProgress.last() + 1);

        std::atomic_bool cancel = false;
        ExportControl control;
        control.progressEvery = 1000;
        control.progress = [&](qint64 rows) {
            if (rows == 12000)
                cancel = true;
        };
        control.cancel = &cancel;
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        auto written = CsvExport(db, {}).writeTo(&buffer, query, control);
        QVERIFY2(written.ok(), failureOf(written).constData());
        QVERIFY(written->cancelled);
        QCOMPARE(written->rows, qint64(12000));
        QVERIFY(fastest.startsWith(buffer.data()));
        QCOMPARE(buffer.data().count("\r\n"), 12001);   // the header and 12,000 whole rows
    }
};

QTEST_GUILESS_MAIN(TestExportStream)
#include "tst_exportstream.moc"
