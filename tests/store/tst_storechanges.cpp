#include "pipeline/articleingestor.h"
#include "store/articlestore.h"
#include "store/sqlexec.h"
#include "store/storechangenotifier.h"
#include "store/storeconnection.h"
#include "pgtestcluster.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tw;

Q_DECLARE_METATYPE(tw::StoreChange)

namespace {
Article article(const QString &slug, const QString &title)
{
    Article a;
    a.guid = a.url = QStringLiteral("https://news.example.com/") + slug;
    a.title = title;
    a.summary = QStringLiteral("Meta Platforms news.");
    a.source = QStringLiteral("Example News");
    a.published = QDateTime(QDate(2026, 4, 8), QTime(20, 5), Qt::UTC);
    return a;
}
} // namespace

// Clients of one shared store hear about each other's committed changes
// (LISTEN/NOTIFY), so a window refreshes without polling the server.
class TestStoreChanges : public QObject {
    Q_OBJECT

    std::unique_ptr<twtest::PgTestCluster> m_cluster;

private slots:
    void initTestCase()
    {
        qRegisterMetaType<tw::StoreChange>();
        m_cluster = std::make_unique<twtest::PgTestCluster>();
        QVERIFY2(m_cluster->ok(), qPrintable(m_cluster->error()));
    }

    void cleanupTestCase() { m_cluster.reset(); }

    void payloadRoundTrips()
    {
        const StoreChange c{QStringLiteral("article_scores"), QStringLiteral("inserted"), 42};
        const StoreChange back = StoreChange::fromPayload(c.payload());
        QCOMPARE(back.table, c.table);
        QCOMPARE(back.action, c.action);
        QCOMPARE(back.id, c.id);
    }

    void secondClientIsToldOfAnArticleTheFirstStored()
    {
        const QString location = m_cluster->createDatabase();
        auto writer = StoreConnection::open(location, QStringLiteral("writer"));
        QVERIFY2(writer.ok(), qPrintable(writer.ok() ? QString() : writer.errorMessage()));
        auto reader = StoreConnection::attach(location, QStringLiteral("reader"));
        QVERIFY2(reader.ok(), qPrintable(reader.ok() ? QString() : reader.errorMessage()));

        StoreChangeNotifier notifier((*reader)->database());
        QVERIFY(notifier.start().ok());
        QSignalSpy spy(&notifier, &StoreChangeNotifier::changed);

        // A transaction that rolls back announces nothing.
        {
            Transaction tx((*writer)->database());
            ArticleStore store((*writer)->database());
            QVERIFY(store.upsert(article(QStringLiteral("withdrawn"), QStringLiteral("Withdrawn story"))).ok());
        }
        ArticleIngestor ingestor((*writer)->database());
        auto report = ingestor.ingest({article(QStringLiteral("muse-spark"), QStringLiteral("Meta unveils Muse Spark"))});
        QVERIFY(report.ok());
        QCOMPARE(report->changedIds.size(), 1);
        const qint64 id = report->changedIds.first();

        QVERIFY(spy.wait(30000));
        QCOMPARE(spy.size(), 1);
        const StoreChange change = spy.at(0).at(0).value<StoreChange>();
        QCOMPARE(change.table, QStringLiteral("articles"));
        QCOMPARE(change.action, QStringLiteral("inserted"));
        QCOMPARE(change.id, id);
        QCOMPARE(spy.at(0).at(1).toBool(), false);  // another connection did it
        // What the notification names is readable by the listener right away.
        auto seen = ArticleStore((*reader)->database()).byId(change.id);
        QVERIFY(seen.ok() && seen->has_value());
        QCOMPARE((*seen)->title, QStringLiteral("Meta unveils Muse Spark"));

        // Storing the same article again changes nothing and says nothing; a
        // correction is announced as an update.
        QVERIFY(ingestor.ingest({article(QStringLiteral("muse-spark"), QStringLiteral("Meta unveils Muse Spark"))}).ok());
        QVERIFY(ingestor.ingest({article(QStringLiteral("muse-spark"), QStringLiteral("Meta unveils Muse Spark model"))}).ok());
        QVERIFY(spy.wait(30000));
        QCOMPARE(spy.size(), 2);
        QCOMPARE(spy.at(1).at(0).value<StoreChange>().action, QStringLiteral("updated"));
        QCOMPARE(spy.at(1).at(0).value<StoreChange>().id, id);
    }

    void sqliteHasNothingToListenTo()
    {
        QTemporaryDir dir;
        auto store = StoreConnection::open(dir.filePath(QStringLiteral("s.db")), QStringLiteral("lite"));
        QVERIFY(store.ok());
        StoreChangeNotifier notifier((*store)->database());
        const Status started = notifier.start();
        QVERIFY(!started.ok());
        QVERIFY(started.errorMessage().contains(QStringLiteral("PostgreSQL")));
        // Writers may announce unconditionally: on SQLite it is a no-op.
        QVERIFY(StoreChangeNotifier::announce((*store)->database(), {QStringLiteral("articles"), QStringLiteral("inserted"), 1}).ok());
    }
};

QTEST_GUILESS_MAIN(TestStoreChanges)
#include "tst_storechanges.moc"
