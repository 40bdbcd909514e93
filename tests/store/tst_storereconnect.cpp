#include "pipeline/articleingestor.h"
#include "store/articlestore.h"
#include "store/storechangenotifier.h"
#include "store/storeconnection.h"
#include "store/storereconnector.h"
#include "pgtestcluster.h"

#include <QSignalSpy>
#include <QTest>

using namespace tw;

Q_DECLARE_METATYPE(tw::StoreChange)

namespace {
Article article(int n)
{
    Article a;
    a.guid = a.url = QStringLiteral("https://news.example.com/story-%1").arg(n);
    a.title = QStringLiteral("Meta capex story %1").arg(n);
    a.published = QDateTime(QDate(2026, 4, 8), QTime(20, 5), Qt::UTC).addSecs(n * 60);
    return a;
}
} // namespace

// The server goes away under a running client (restart, network cut): the
// client notices, says so once, retries with backoff, and carries on where it
// was once the server is back; nothing it committed is lost.
class TestStoreReconnect : public QObject {
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

    void clientSurvivesAServerRestart()
    {
        const QString location = m_cluster->createDatabase();
        auto store = StoreConnection::open(location, QStringLiteral("client"));
        QVERIFY(store.ok());
        QVERIFY(ArticleIngestor((*store)->database()).ingest({article(1), article(2)}).ok());

        StoreReconnector reconnector(**store, StoreReconnector::Backoff{20, 200});
        QSignalSpy lost(&reconnector, &StoreReconnector::lost);
        QSignalSpy restored(&reconnector, &StoreReconnector::restored);
        QVERIFY(reconnector.check());
        QCOMPARE(lost.size(), 0);

        QVERIFY2(m_cluster->stopServer(), qPrintable(m_cluster->lastCommandOutput()));
        // A write while the server is down fails with a message, not a crash...
        auto failed = ArticleIngestor((*store)->database()).ingest({article(3)});
        QVERIFY(!failed.ok());
        QVERIFY(!failed.errorMessage().isEmpty());
        // ...and the reconnector takes over.
        QVERIFY(!reconnector.check());
        QCOMPARE(lost.size(), 1);
        QVERIFY2(lost.at(0).at(0).toString().contains(location), qPrintable(lost.at(0).at(0).toString()));
        QVERIFY(!reconnector.isConnected());
        QVERIFY(!reconnector.check());  // said once, not on every check
        QCOMPARE(lost.size(), 1);

        QVERIFY2(m_cluster->startServer(), qPrintable(m_cluster->lastCommandOutput()));
        QVERIFY(restored.size() == 1 || restored.wait(60000));
        QVERIFY(reconnector.isConnected());

        // Everything committed before the outage is there; writing works again.
        ArticleStore articles((*store)->database());
        QCOMPARE(*articles.count(), qint64(2));
        QVERIFY(ArticleIngestor((*store)->database()).ingest({article(3)}).ok());
        QCOMPARE(*articles.count(), qint64(3));
    }

    void listenerListensAgainAfterReconnecting()
    {
        const QString location = m_cluster->createDatabase();
        auto writer = StoreConnection::open(location, QStringLiteral("writer"));
        QVERIFY(writer.ok());
        auto listener = StoreConnection::attach(location, QStringLiteral("listener"));
        QVERIFY(listener.ok());
        StoreChangeNotifier notifier((*listener)->database());
        QVERIFY(notifier.start().ok());
        StoreReconnector reconnector(**listener, StoreReconnector::Backoff{20, 200});
        QSignalSpy restored(&reconnector, &StoreReconnector::restored);

        QVERIFY(m_cluster->stopServer());
        QVERIFY(!reconnector.check());
        QVERIFY(m_cluster->startServer());
        QVERIFY(restored.size() == 1 || restored.wait(60000));
        QVERIFY(notifier.restart().ok());

        QVERIFY((*writer)->reconnect().ok());
        QSignalSpy changes(&notifier, &StoreChangeNotifier::changed);
        auto report = ArticleIngestor((*writer)->database()).ingest({article(7)});
        QVERIFY(report.ok());
        QVERIFY(changes.wait(30000));
        QCOMPARE(changes.at(0).at(0).value<StoreChange>().id, report->changedIds.value(0));
    }
};

QTEST_GUILESS_MAIN(TestStoreReconnect)
#include "tst_storereconnect.moc"
