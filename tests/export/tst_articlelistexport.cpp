#include "models/demo/demoworkspace.h"
#include "models/export/csvexport.h"
#include "models/export/csvreader.h"
#include "models/export/exportjob.h"
#include "pgtestcluster.h"
#include "models/read/articlelistmodel.h"
#include "models/store/articlestore.h"
#include "models/store/sqldialect.h"
#include "models/store/sqlexec.h"
#include "models/store/storeconnection.h"
#include "generatednotes.h"
#include "listexportcheck.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(tw::ArticleFilter)

using namespace tw;

// The article panel's export query on a team store (PostgreSQL: tsquery
// search, string_agg): the file lists the same articles, in the same order,
// as the lazily paged list shows for the same filter. The SQLite side is
// covered with the panels in tests/ui/tst_panelexport.
class TestArticleListExport : public QObject {
    Q_OBJECT

    twtest::SuiteCluster m_cluster;
    std::unique_ptr<StoreConnection> m_store;
    QString m_location;

    QSqlDatabase db() const { return m_store->database(); }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_cluster.start(), qPrintable(m_cluster.error()));
        m_location = m_cluster->createDatabase();
        QVERIFY(!m_location.isEmpty());
        auto store = StoreConnection::open(m_location, QStringLiteral("articlelist"));
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.errorMessage()));
        m_store = std::move(*store);
        QCOMPARE(dialectOf(db()), SqlDialect::Postgres);
        auto loaded = DemoWorkspace::load(db());
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.errorMessage()));

        // More than a page of capex notes, on META or NVDA, scored for their ticker.
        const QString failed = twtest::addGeneratedNotes(db());
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    void cleanupTestCase()
    {
        m_store.reset();
        m_cluster.stop();
    }

    void exportListsWhatThePagesList_data()
    {
        QTest::addColumn<ArticleFilter>("filter");
        ArticleFilter f;
        QTest::newRow("no filter") << f;
        f.ticker = QStringLiteral("META");
        f.search = QStringLiteral("capex");
        QTest::newRow("ticker and search") << f;
        f.newestFirst = false;
        QTest::newRow("ticker and search, oldest first") << f;
        f = {};
        f.label = QStringLiteral("bearish");
        f.ticker = QStringLiteral("NVDA");
        f.source = QStringLiteral("Even Post");
        QTest::newRow("label, ticker and source") << f;
        f = {};
        f.from = QDateTime(QDate(2026, 2, 1), QTime(0, 30), Qt::UTC);
        f.to = QDateTime(QDate(2026, 2, 1), QTime(1, 0), Qt::UTC);
        QTest::newRow("date range") << f;
    }

    void exportListsWhatThePagesList()
    {
        QFETCH(ArticleFilter, filter);
        int listed = 0;
        const QString difference = twtest::compareListWithExport(db(), filter, listed);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        QVERIFY(listed > 0);
    }

    void aWindowExportJobWritesTheFileFromTheServer()
    {
        // The path Ctrl+E takes: a job on its own connection to the same URL.
        QTemporaryDir dir;
        ArticleFilter filter;
        filter.ticker = QStringLiteral("META");
        filter.search = QStringLiteral("capex");
        const ExportQuery query = *ExportQuery::articleList(filter, SqlDialect::Postgres);
        const qint64 expected = *CsvExport(db(), {}).countRows(query);
        QVERIFY(expected > ArticleListModel::kPageSize);
        const QString path = dir.filePath(QStringLiteral("articles.csv"));
        ExportJob job(m_location, query, path, {});
        QSignalSpy finished(&job, &ExportJob::finished);
        job.start();
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(3).toString()));
        QCOMPARE(finished.first().at(2).toLongLong(), expected);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(CsvReader::parse(f.readAll())->size(), expected + 1);
    }
};

QTEST_GUILESS_MAIN(TestArticleListExport)
#include "tst_articlelistexport.moc"
