#include "models/alerts/alertrulestore.h"
#include "models/alerts/firedalertstore.h"
#include "models/pipeline/articleingestor.h"
#include "models/scoring/articlescorer.h"
#include "models/scoring/corporatescorer.h"
#include "models/store/articlescorestore.h"
#include "models/store/articlestore.h"
#include "models/store/corporatescorestore.h"
#include "models/store/eventstore.h"
#include "models/store/sqlexec.h"
#include "models/store/storechangenotifier.h"
#include "models/store/storeconnection.h"
#include "models/store/tickerstore.h"
#include "pgtestcluster.h"
#include "temporarystores.h"

#include <QSignalSpy>
#include <QTest>

using namespace tw;

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

    twtest::SuiteCluster m_cluster;

private slots:
    void initTestCase()
    {
        qRegisterMetaType<tw::StoreChange>();
        QVERIFY2(m_cluster.start(), qPrintable(m_cluster.error()));
    }

    void cleanupTestCase() { m_cluster.stop(); }

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

    // Everything a window shows besides articles is announced too: scores,
    // events and fired alerts each reach the other client, named by table and id.
    void secondClientIsToldOfScoresEventsAndAlerts()
    {
        const QString location = m_cluster->createDatabase();
        auto writer = StoreConnection::open(location, QStringLiteral("writer"));
        QVERIFY2(writer.ok(), qPrintable(writer.ok() ? QString() : writer.errorMessage()));
        auto reader = StoreConnection::attach(location, QStringLiteral("reader"));
        QVERIFY(reader.ok());
        QSqlDatabase db = (*writer)->database();
        TickerInfo meta;
        meta.symbol = QStringLiteral("META");
        meta.name = QStringLiteral("Meta Platforms, Inc.");
        QVERIFY(TickerStore(db).upsert(meta).ok());
        auto stored = ArticleStore(db).upsert(article(QStringLiteral("capex"), QStringLiteral("Meta raises capex")));
        QVERIFY(stored.ok());
        const qint64 articleId = stored->id;

        StoreChangeNotifier notifier((*reader)->database());
        QVERIFY(notifier.start().ok());
        QSignalSpy spy(&notifier, &StoreChangeNotifier::changed);

        ArticleScore score;
        score.ticker = QStringLiteral("META");
        score.score = 0.6;
        score.label = SentimentLabel::Positive;
        score.confidence = 0.8;
        QVERIFY(ArticleScoreStore(db).replace(articleId, QStringLiteral("test-1"), {score}, 1775678700000).ok());

        CorporateScore corporate;
        corporate.ticker = QStringLiteral("META");
        corporate.asOfUtc = 1775678700000;
        corporate.score = 71;
        corporate.label = QStringLiteral("Bullish");
        QVERIFY(CorporateScoreStore(db).save(corporate, QStringLiteral("test-1")).ok());

        ExtractedEvent event;
        event.ticker = QStringLiteral("META");
        event.kind = EventKind::Launch;
        event.date.date = QDate(2026, 4, 8);
        event.title = QStringLiteral("Meta launches Muse Spark");
        event.confidence = 0.9;
        auto eventId = EventStore(db).insert(event);
        QVERIFY(eventId.ok());

        AlertRule rule;
        rule.kind = AlertKind::Event;
        rule.ticker = QStringLiteral("META");
        auto added = AlertRuleStore(db).add(rule);
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.errorMessage()));
        FiredAlert fired;
        fired.ruleId = added->id;
        fired.fired = QDateTime(QDate(2026, 4, 8), QTime(20, 6), Qt::UTC);
        fired.ticker = QStringLiteral("META");
        fired.message = QStringLiteral("META launch: Meta launches Muse Spark");
        fired.causeKey = QStringLiteral("event:%1").arg(*eventId);
        auto firedId = FiredAlertStore(db).record(fired, {articleId});
        QVERIFY(firedId.ok() && firedId->has_value());

        const QHash<QString, qint64> expected{{QStringLiteral("article_scores"), articleId},
                                              {QStringLiteral("corporate_scores"), 0},
                                              {QStringLiteral("events"), *eventId},
                                              {QStringLiteral("fired_alerts"), **firedId}};
        QHash<QString, StoreChange> heard;
        while (heard.size() < expected.size()) {
            if (spy.isEmpty())
                QVERIFY2(spy.wait(30000), qPrintable(QStringLiteral("heard only: ") + heard.keys().join(QLatin1Char(' '))));
            const QList<QVariant> args = spy.takeFirst();
            QCOMPARE(args.at(1).toBool(), false);
            const StoreChange change = args.at(0).value<StoreChange>();
            heard.insert(change.table, change);
        }
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            QVERIFY2(heard.contains(it.key()), qPrintable(it.key()));
            QCOMPARE(heard.value(it.key()).id, it.value());
        }
        QCOMPARE(heard.value(QStringLiteral("events")).action, QStringLiteral("inserted"));
        QCOMPARE(heard.value(QStringLiteral("fired_alerts")).action, QStringLiteral("inserted"));
    }

    void sqliteHasNothingToListenTo()
    {
        twtest::TemporaryStore store;
        QVERIFY2(store.open(QStringLiteral("s.db"), QStringLiteral("lite")), qPrintable(store.errorString()));
        StoreChangeNotifier notifier(store.database());
        const Status started = notifier.start();
        QVERIFY(!started.ok());
        QVERIFY(started.errorMessage().contains(QStringLiteral("PostgreSQL")));
        // Writers may announce unconditionally: on SQLite it is a no-op.
        QVERIFY(StoreChangeNotifier::announce(store.database(), {QStringLiteral("articles"), QStringLiteral("inserted"), 1}).ok());
    }
};

QTEST_GUILESS_MAIN(TestStoreChanges)
#include "tst_storechanges.moc"
