#include "models/alerts/alertrulestore.h"
#include "models/alerts/analyststate.h"
#include "models/alerts/firedalertstore.h"
#include "models/export/csvexport.h"
#include "models/export/exportquery.h"
#include "models/read/alertreader.h"
#include "models/store/storeconnection.h"
#include "models/store/tickerstore.h"
#include "pgtestcluster.h"
#include "testsupport.h"

#include <QBuffer>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace tw;

// Two analysts on one shared PostgreSQL store see the same rules and firings,
// but what each acknowledged or muted is theirs alone (AnalystState, in each
// analyst's own settings), through the stores' usual API and through the CLI.
class TestAnalystState : public QObject {
    Q_OBJECT

    twtest::SuiteCluster m_cluster;
    QTemporaryDir m_dir;

    struct Desk {
        QString location;
        std::unique_ptr<StoreConnection> store;
        qint64 ruleId = 0;
        QList<qint64> firedIds;
    };

    // A shared store with one event rule that fired twice.
    Desk openDesk(const QString &connectionName)
    {
        Desk desk;
        desk.location = m_cluster->createDatabase();
        auto opened = StoreConnection::open(desk.location, connectionName);
        if (!opened)
            qFatal("cannot open %s: %s", qPrintable(desk.location), qPrintable(opened.errorMessage()));
        desk.store = std::move(opened.value());
        QSqlDatabase db = desk.store->database();
        TickerInfo meta;
        meta.symbol = QStringLiteral("META");
        meta.name = QStringLiteral("Meta Platforms, Inc.");
        if (!TickerStore(db).upsert(meta).ok())
            qFatal("cannot add META");
        AlertRule rule;
        rule.kind = AlertKind::Event;
        rule.ticker = QStringLiteral("META");
        auto added = AlertRuleStore(db).add(rule);
        if (!added)
            qFatal("cannot add a rule: %s", qPrintable(added.errorMessage()));
        desk.ruleId = added->id;
        for (int i = 0; i < 2; ++i) {
            FiredAlert a;
            a.ruleId = desk.ruleId;
            a.fired = QDateTime(QDate(2026, 4, 8), QTime(20, 6 + i), Qt::UTC);
            a.ticker = QStringLiteral("META");
            a.message = QStringLiteral("META launch %1").arg(i);
            a.causeKey = QStringLiteral("event:%1").arg(i + 1);
            auto id = FiredAlertStore(db).record(a, {});
            if (!id || !id->has_value())
                qFatal("cannot record a firing");
            desk.firedIds << **id;
        }
        return desk;
    }

    QString settingsOf(const QString &analyst) const
    {
        return m_dir.filePath(analyst + QStringLiteral(".conf"));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_cluster.start(), qPrintable(m_cluster.error()));
    }

    void cleanupTestCase() { m_cluster.stop(); }

    void acknowledgingIsPerAnalyst()
    {
        Desk desk = openDesk(QStringLiteral("ack"));
        QSqlDatabase db = desk.store->database();
        FiredAlertStore alice(db, AnalystState::forStore(db, settingsOf(QStringLiteral("alice-ack"))));
        FiredAlertStore bob(db, AnalystState::forStore(db, settingsOf(QStringLiteral("bob-ack"))));
        QCOMPARE(*alice.unacknowledgedCount(), qint64(2));
        QCOMPARE(*bob.unacknowledgedCount(), qint64(2));

        QVERIFY(*alice.acknowledge(desk.firedIds.first()));
        QVERIFY(!*alice.acknowledge(9999));
        QCOMPARE(*alice.unacknowledgedCount(), qint64(1));
        QVERIFY((*alice.byId(desk.firedIds.first()))->acknowledged);
        // Bob still has it to look at.
        QCOMPARE(*bob.unacknowledgedCount(), qint64(2));
        QVERIFY(!(*bob.byId(desk.firedIds.first()))->acknowledged);
        // The shared store was not written.
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM fired_alerts WHERE acknowledged <> 0")) && q.next());
        QCOMPARE(q.value(0).toLongLong(), qint64(0));
        // What a restart reads back (a new store object on the same settings).
        FiredAlertStore aliceAgain(db, AnalystState::forStore(db, settingsOf(QStringLiteral("alice-ack"))));
        QCOMPARE(*aliceAgain.unacknowledgedCount(), qint64(1));

        // Each analyst's export of the alerts says what they acknowledged.
        auto exported = [&](const QString &analyst) {
            QBuffer out;
            out.open(QIODevice::WriteOnly);
            const auto query = ExportQuery::firedAlerts({}, AnalystState::forStore(db, settingsOf(analyst)).acknowledged());
            const auto written = CsvExport(db, CsvWriter::Options{}).writeTo(&out, query);
            if (!written)
                qFatal("export failed: %s", qPrintable(written.errorMessage()));
            QStringList acknowledged;   // per row, in fired order
            const QStringList lines = QString::fromUtf8(out.data()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
            const int column = int(lines.first().split(u',').indexOf(QStringLiteral("acknowledged")));
            for (const QString &line : lines.mid(1))
                acknowledged << line.split(u',').at(column);
            return acknowledged;
        };
        QCOMPARE(exported(QStringLiteral("alice-ack")), (QStringList{QStringLiteral("1"), QStringLiteral("0")}));
        QCOMPARE(exported(QStringLiteral("bob-ack")), (QStringList{QStringLiteral("0"), QStringLiteral("0")}));
    }

    void mutingIsPerAnalyst()
    {
        Desk desk = openDesk(QStringLiteral("mute"));
        QSqlDatabase db = desk.store->database();
        AlertRuleStore alice(db, AnalystState::forStore(db, settingsOf(QStringLiteral("alice-mute"))));
        AlertRuleStore bob(db, AnalystState::forStore(db, settingsOf(QStringLiteral("bob-mute"))));
        QVERIFY(alice.setMuted(desk.ruleId, true).ok());
        QVERIFY((*alice.byId(desk.ruleId))->muted);
        QVERIFY(!(*bob.byId(desk.ruleId))->muted);
        // Firings carry the reader's own mute (the desktop notifier skips muted ones).
        FiredAlertStore aliceFired(db, AnalystState::forStore(db, settingsOf(QStringLiteral("alice-mute"))));
        FiredAlertStore bobFired(db, AnalystState::forStore(db, settingsOf(QStringLiteral("bob-mute"))));
        QVERIFY(aliceFired.list()->first().ruleMuted);
        QVERIFY(!bobFired.list()->first().ruleMuted);
        // Editing the rule keeps each analyst's choice.
        AlertRule edited = **alice.byId(desk.ruleId);
        edited.cooldownSeconds = 600;
        QVERIFY(bob.update(**bob.byId(desk.ruleId)).ok());
        QVERIFY(alice.update(edited).ok());
        QVERIFY((*alice.byId(desk.ruleId))->muted);
        QVERIFY(!(*bob.byId(desk.ruleId))->muted);
        QVERIFY(alice.setMuted(desk.ruleId, false).ok());
        QVERIFY(!alice.all()->first().muted);
        QVERIFY(!alice.setMuted(4242, true).ok());
    }

    // What older builds stored in the shared columns still counts, as the
    // default each analyst's own choice overrides.
    void sharedStateOfOlderBuildsIsTheDefault()
    {
        Desk desk = openDesk(QStringLiteral("legacy"));
        QSqlDatabase db = desk.store->database();
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("UPDATE alert_rules SET muted = 1")));
        QVERIFY(q.exec(QStringLiteral("UPDATE fired_alerts SET acknowledged = 1 WHERE id = %1").arg(desk.firedIds.first())));
        AlertRuleStore carol(db, AnalystState::forStore(db, settingsOf(QStringLiteral("carol"))));
        FiredAlertStore carolFired(db, AnalystState::forStore(db, settingsOf(QStringLiteral("carol"))));
        QVERIFY((*carol.byId(desk.ruleId))->muted);
        QCOMPARE(*carolFired.unacknowledgedCount(), qint64(1));
        QVERIFY(carol.setMuted(desk.ruleId, false).ok());
        QVERIFY(!(*carol.byId(desk.ruleId))->muted);
    }

    void storeKeyNamesTheServerWithoutPassword()
    {
        Desk desk = openDesk(QStringLiteral("key"));
        QCOMPARE(AnalystState::storeKey(desk.store->database()), desk.location);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.db"));
        auto lite = StoreConnection::open(path, QStringLiteral("lite-key"));
        QVERIFY(lite.ok());
        QCOMPARE(AnalystState::storeKey((*lite)->database()), QFileInfo(path).absoluteFilePath());
    }

    // Do-not-disturb and pop-ups are per store; the global switches of older
    // builds become each store's own value the first time it is read.
    void quietSwitchesArePerStoreAndKeepTheOldGlobalOnes()
    {
        QTemporaryDir dir;
        const QString conf = dir.filePath(QStringLiteral("analyst.conf"));
        {
            QSettings old(conf, QSettings::IniFormat);
            old.setValue(QStringLiteral("alerts/doNotDisturb"), true);
            old.setValue(QStringLiteral("alerts/popups"), false);
        }
        auto a = StoreConnection::open(dir.filePath(QStringLiteral("a.db")), QStringLiteral("quiet-a"));
        auto b = StoreConnection::open(dir.filePath(QStringLiteral("b.db")), QStringLiteral("quiet-b"));
        QVERIFY(a.ok() && b.ok());
        AnalystState first = AnalystState::forStore((*a)->database(), conf);
        QVERIFY(first.doNotDisturb());
        QVERIFY(!first.popups());
        QVERIFY(!first.mayPopUp());
        first.setDoNotDisturb(false);
        first.setPopups(true);
        QVERIFY(first.mayPopUp());
        // The other store still starts from the old global switches…
        AnalystState second = AnalystState::forStore((*b)->database(), conf);
        QVERIFY(second.doNotDisturb());
        QVERIFY(!second.popups());
        // …and each keeps its own from then on.
        {
            QSettings old(conf, QSettings::IniFormat);
            old.setValue(QStringLiteral("alerts/doNotDisturb"), false);
        }
        QVERIFY(AnalystState::forStore((*b)->database(), conf).doNotDisturb());
        QVERIFY(AnalystState::forStore((*a)->database(), conf).mayPopUp());

        // A fresh analyst: pop-ups on, do-not-disturb off.
        AnalystState fresh = AnalystState::forStore((*a)->database(), dir.filePath(QStringLiteral("fresh.conf")));
        QVERIFY(!fresh.doNotDisturb());
        QVERIFY(fresh.popups());
    }

    // The same through the command line: two analysts, two home folders.
    void cliAcknowledgesForTheAnalystAtTheKeyboard()
    {
        Desk desk = openDesk(QStringLiteral("cli"));
        QTemporaryDir aliceHome;
        QTemporaryDir bobHome;
        const QString id = QString::number(desk.firedIds.first());
        auto ack = twtest::runCli({QStringLiteral("--store"), desk.location, QStringLiteral("alerts"),
                                   QStringLiteral("ack"), id}, aliceHome.path());
        QVERIFY2(ack.exitCode == 0, qPrintable(ack.err));
        QCOMPARE(ack.out.trimmed(), QStringLiteral("acknowledged ") + id);
        auto mute = twtest::runCli({QStringLiteral("--store"), desk.location, QStringLiteral("alerts"),
                                    QStringLiteral("mute"), QString::number(desk.ruleId)}, aliceHome.path());
        QVERIFY2(mute.exitCode == 0, qPrintable(mute.err));

        const QStringList fired{QStringLiteral("--store"), desk.location, QStringLiteral("alerts"), QStringLiteral("fired")};
        const QStringList rules{QStringLiteral("--store"), desk.location, QStringLiteral("alerts"), QStringLiteral("list")};
        auto aliceFired = twtest::runCli(fired, aliceHome.path());
        auto bobFired = twtest::runCli(fired, bobHome.path());
        QVERIFY2(aliceFired.exitCode == 0 && bobFired.exitCode == 0, qPrintable(aliceFired.err + bobFired.err));
        QCOMPARE(aliceFired.out.count(QStringLiteral("\tacknowledged")), 1);
        QCOMPARE(bobFired.out.count(QStringLiteral("\tacknowledged")), 0);
        auto aliceRules = twtest::runCli(rules, aliceHome.path());
        auto bobRules = twtest::runCli(rules, bobHome.path());
        QVERIFY2(aliceRules.out.contains(QStringLiteral("muted")), qPrintable(aliceRules.out));
        QVERIFY2(!bobRules.out.contains(QStringLiteral("muted")), qPrintable(bobRules.out));
    }
};

QTEST_GUILESS_MAIN(TestAnalystState)
#include "tst_analyststate.moc"
