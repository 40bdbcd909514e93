#include "models/alerts/analyststate.h"
#include "models/export/csvexport.h"
#include "models/read/articlepage.h"
#include "models/store/sqldialect.h"
#include "models/store/storeconnection.h"

#include "sqlfixture.h"
#include "testsupport.h"

#include <QBuffer>
#include <QFile>
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

QByteArray exportAll(QSqlDatabase db)
{
    QByteArray all;
    for (const NamedExport &e : everyExport(dialectOf(db))) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const CsvExport exporter(db, CsvWriter::Options{e.byteOrderMark});
        auto written = exporter.writeTo(&buffer, e.query);
        if (!written)
            qFatal("%s: %s", qPrintable(e.name), qPrintable(written.errorMessage()));
        all += "## " + e.name.toUtf8() + " (" + QByteArray::number(written->rows) + " rows)\n" + buffer.data();
    }
    return all;
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
    }
};

QTEST_GUILESS_MAIN(TestExportStream)
#include "tst_exportstream.moc"
