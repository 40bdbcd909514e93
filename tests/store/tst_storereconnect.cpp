#include "models/pipeline/articleingestor.h"
#include "models/store/articlestore.h"
#include "models/store/storechangenotifier.h"
#include "models/store/storeconnection.h"
#include "models/store/storereconnector.h"
#include "pgtestcluster.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <future>
#include <thread>

using namespace tw;

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

    twtest::SuiteCluster m_cluster;

private slots:
    void initTestCase()
    {
        qRegisterMetaType<tw::StoreChange>();
        QVERIFY2(m_cluster.start(), qPrintable(m_cluster.error()));
    }

    void cleanupTestCase() { m_cluster.stop(); }

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

    // A colleague's session holds a lock on a shared table (an open
    // transaction left in a console): a write waits as long as the store's
    // wait policy says, as on SQLite, and then fails with a message saying
    // so, instead of hanging without a word; nothing committed is lost and
    // the same write succeeds once the lock is gone.
    void aColleaguesLockIsWaitedForThenAClearError()
    {
        const QString location = m_cluster->createDatabase();
        const QString database = location.section(QLatin1Char('/'), -1);
        const StoreWaitPolicy saved = SqliteLockWait::policy();
        const auto restore = qScopeGuard([&] { StoreConnection::setWaitPolicy(saved); });
        StoreWaitPolicy policy;
        policy.timeoutMs = 1500;
        StoreConnection::setWaitPolicy(policy);
        auto store = StoreConnection::open(location, QStringLiteral("waiter"));
        QVERIFY(store.ok());
        QVERIFY(ArticleIngestor((*store)->database()).ingest({article(1), article(2)}).ok());

        auto holder = std::async(std::launch::async, [&] {
            return m_cluster->exec(database, QStringLiteral("BEGIN; LOCK TABLE articles IN ACCESS EXCLUSIVE MODE; "
                                                            "SELECT pg_sleep(10); COMMIT"));
        });
        QSqlQuery held((*store)->database());
        QTRY_VERIFY_WITH_TIMEOUT(held.exec(QStringLiteral("SELECT count(*) FROM pg_locks WHERE granted AND "
                                                          "mode = 'AccessExclusiveLock' AND relation = 'articles'::regclass"))
                                     && held.next() && held.value(0).toInt() == 1,
                                 10000);
        held.finish();

        QElapsedTimer waited;
        waited.start();
        auto blocked = ArticleIngestor((*store)->database()).ingest({article(3)});
        QVERIFY2(!blocked.ok(), qPrintable(QString::number(waited.elapsed())));
        QVERIFY2(waited.elapsed() >= 1000 && waited.elapsed() < 8000, qPrintable(QString::number(waited.elapsed())));
        QVERIFY2(blocked.errorMessage().contains(QStringLiteral("held a lock on the store for longer than this one waits")),
                 qPrintable(blocked.errorMessage()));

        QVERIFY(holder.get());
        ArticleStore articles((*store)->database());
        QCOMPARE(*articles.count(), qint64(2));
        QVERIFY(ArticleIngestor((*store)->database()).ingest({article(3)}).ok());
        QCOMPARE(*articles.count(), qint64(3));
    }

    // The network cut lands inside a batch of a multi-batch ingest: the
    // connection is killed from another session (pg_terminate_backend) while
    // the batch's transaction is open. The batch fails with a message naming
    // the store; committed batches are there exactly once; once the
    // reconnector is back, running the whole ingest again completes it without
    // a single duplicate.
    void networkCutInTheMiddleOfAnIngest()
    {
        constexpr int kBatches = 5;
        constexpr int kPerBatch = 20;
        constexpr int kCutBatch = 2;
        const QString location = m_cluster->createDatabase();
        const QString database = twtest::PgTestCluster::databaseOf(location);
        auto store = StoreConnection::open(location, QStringLiteral("ingesting"));
        QVERIFY(store.ok());

        QList<QList<Article>> batches;
        for (int b = 0; b < kBatches; ++b) {
            QList<Article> batch;
            for (int i = 0; i < kPerBatch; ++i)
                batch << article(100 + b * kPerBatch + i);
            batches << batch;
        }
        // Halfway through the cut batch the writer waits on a lock the other
        // session holds: a fixed point inside the open transaction.
        const QString cutUrl = batches[kCutBatch][kPerBatch / 2].url;
        QVERIFY2(m_cluster->exec(database, QStringLiteral(
                     "CREATE FUNCTION tw_wait_for_cut() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                     "PERFORM pg_advisory_xact_lock(4242); RETURN NEW; END $$")),
                 qPrintable(m_cluster->lastSqlError()));
        QVERIFY2(m_cluster->exec(database, QStringLiteral(
                     "CREATE TRIGGER tw_cut BEFORE INSERT ON articles FOR EACH ROW WHEN (NEW.url = '%1') "
                     "EXECUTE FUNCTION tw_wait_for_cut()").arg(cutUrl)),
                 qPrintable(m_cluster->lastSqlError()));

        // The other session: holds the lock, waits until the writer blocks on
        // it, then cuts the writer's connection.
        std::promise<void> holding;
        std::promise<QString> outcome;
        std::thread cutter([&] {
            const QString name = QStringLiteral("cutter");
            QString result;
            {
                QSqlDatabase db = m_cluster->openSuperuserConnection(name, database);
                QSqlQuery q(db);
                const bool locked = db.isOpen() && q.exec(QStringLiteral("SELECT pg_advisory_lock(4242)"));
                holding.set_value();
                if (!locked) {
                    result = QStringLiteral("cannot take the lock: ") + q.lastError().text();
                } else {
                    qint64 victim = 0;
                    // Bounded wait for the writer to arrive at the lock (not a timed assertion).
                    for (int i = 0; i < 6000 && victim == 0; ++i) {
                        if (q.exec(QStringLiteral("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"))
                            && q.next())
                            victim = q.value(0).toLongLong();
                        else
                            std::this_thread::sleep_for(std::chrono::milliseconds(10));
                    }
                    if (victim == 0)
                        result = QStringLiteral("the writer never reached the lock");
                    else if (!q.exec(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(victim)) || !q.next()
                             || !q.value(0).toBool())
                        result = QStringLiteral("pg_terminate_backend failed: ") + q.lastError().text();
                    q.exec(QStringLiteral("SELECT pg_advisory_unlock_all()"));
                }
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
            outcome.set_value(result);
        });
        holding.get_future().wait();

        ArticleIngestor ingestor((*store)->database());
        QString cutError;
        int committed = 0;
        for (const QList<Article> &batch : std::as_const(batches)) {
            auto report = ingestor.ingest(batch);
            if (!report) {
                cutError = report.errorMessage();
                break;
            }
            ++committed;
        }
        cutter.join();
        const QString cutterResult = outcome.get_future().get();
        QVERIFY2(cutterResult.isEmpty(), qPrintable(cutterResult));
        QCOMPARE(committed, kCutBatch);
        QVERIFY(!cutError.isEmpty());
        qInfo().noquote() << "the cut batch failed with:" << cutError;
        QVERIFY2(cutError.contains(QStringLiteral("the connection to the store was lost")), qPrintable(cutError));
        QVERIFY2(cutError.contains(QStringLiteral("terminating connection")), qPrintable(cutError));

        // Seen from another session: the batches before the cut, each article once.
        QVERIFY(m_cluster->exec(database, QStringLiteral("DROP TRIGGER tw_cut ON articles")));
        auto observer = StoreConnection::attach(location, QStringLiteral("observer"));
        QVERIFY(observer.ok());
        auto countRows = [&](const QString &sql) {
            QSqlQuery q((*observer)->database());
            return q.exec(sql) && q.next() ? q.value(0).toLongLong() : qint64(-1);
        };
        QCOMPARE(countRows(QStringLiteral("SELECT count(*) FROM articles")), qint64(kCutBatch * kPerBatch));
        QCOMPARE(countRows(QStringLiteral("SELECT count(DISTINCT guid) FROM articles")), qint64(kCutBatch * kPerBatch));

        // The reconnector notices the dead session and restores it; the whole
        // ingest is simply run again.
        StoreReconnector reconnector(**store, StoreReconnector::Backoff{20, 200});
        QSignalSpy lost(&reconnector, &StoreReconnector::lost);
        QSignalSpy restored(&reconnector, &StoreReconnector::restored);
        QVERIFY(!reconnector.check());
        QCOMPARE(lost.size(), 1);
        QVERIFY(restored.size() == 1 || restored.wait(60000));
        int inserted = 0;
        int unchanged = 0;
        for (const QList<Article> &batch : std::as_const(batches)) {
            auto report = ingestor.ingest(batch);
            QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.errorMessage()));
            inserted += report->inserted;
            unchanged += report->unchanged;
        }
        QCOMPARE(unchanged, kCutBatch * kPerBatch);
        QCOMPARE(inserted, (kBatches - kCutBatch) * kPerBatch);
        QCOMPARE(countRows(QStringLiteral("SELECT count(*) FROM articles")), qint64(kBatches * kPerBatch));
        QCOMPARE(countRows(QStringLiteral("SELECT count(DISTINCT guid) FROM articles")), qint64(kBatches * kPerBatch));
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
