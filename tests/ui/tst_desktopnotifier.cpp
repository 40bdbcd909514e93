#include "models/alerts/alertrulestore.h"
#include "ui/notify/alertdelivery.h"
#include "ui/notify/desktopnotifier.h"
#include "models/pipeline/articleingestor.h"
#include "models/store/storeconnection.h"
#include "testsupport.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tw;

// A stand-in for the desktop's notification daemon: it implements the part of
// org.freedesktop.Notifications that Tickerwire uses and remembers what it got.
class NotificationServerStub : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Received {
        QString appName;
        QString summary;
        QString body;
        QStringList actions;
    };
    QList<Received> received;

public slots:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int expireTimeout)
    {
        Q_UNUSED(replacesId);
        Q_UNUSED(appIcon);
        Q_UNUSED(hints);
        Q_UNUSED(expireTimeout);
        received << Received{appName, summary, body, actions};
        return uint(received.size()) + 100;
    }
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }

signals:
    void ActionInvoked(uint id, const QString &action_key);
    void NotificationClosed(uint id, uint reason);
};

// Delivery over a real session bus that the test starts itself (its own
// dbus-daemon), with the stub above registered as the notification service.
class TestDesktopNotifier : public QObject {
    Q_OBJECT

    QProcess m_daemon;
    QString m_address;
    NotificationServerStub m_stub;
    QTemporaryDir m_sandbox;

    QDBusConnection clientBus() const { return QDBusConnection(QStringLiteral("tw-client")); }
    QDBusConnection serverBus() const { return QDBusConnection(QStringLiteral("tw-server")); }

    static FiredAlert sampleAlert(qint64 id, bool muted = false)
    {
        FiredAlert a;
        a.id = id;
        a.ruleId = 4;
        a.ruleName = QStringLiteral("Articles about Muse Spark");
        a.ruleMuted = muted;
        a.message = QStringLiteral("New article matching \"Muse Spark\": Meta unveils Muse Spark");
        return a;
    }

    bool registerServer()
    {
        return serverBus().registerService(QString::fromLatin1(DesktopNotifier::kService));
    }

private slots:
    void initTestCase()
    {
        m_daemon.start(QStringLiteral("dbus-daemon"),
                       {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
        if (!m_daemon.waitForStarted(10000))
            QSKIP("dbus-daemon is not installed");
        while (!m_daemon.canReadLine() && m_daemon.waitForReadyRead(10000)) {
        }
        m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
        QVERIFY2(!m_address.isEmpty(), "dbus-daemon printed no address");

        QVERIFY(QDBusConnection::connectToBus(m_address, QStringLiteral("tw-server")).isConnected());
        QVERIFY(QDBusConnection::connectToBus(m_address, QStringLiteral("tw-client")).isConnected());
        QVERIFY(serverBus().registerObject(QString::fromLatin1(DesktopNotifier::kPath), &m_stub,
                                           QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
        QVERIFY(registerServer());
    }

    void cleanupTestCase()
    {
        QDBusConnection::disconnectFromBus(QStringLiteral("tw-client"));
        QDBusConnection::disconnectFromBus(QStringLiteral("tw-server"));
        if (m_daemon.state() != QProcess::NotRunning) {
            m_daemon.terminate();
            m_daemon.waitForFinished(10000);
        }
    }

    void init() { m_stub.received.clear(); }

    void deliversSummaryAndBodyToTheServer()
    {
        DesktopNotifier notifier(clientBus());
        QVERIFY(notifier.serverAvailable());
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
        QCOMPARE(notifier.notify(sampleAlert(7)), DesktopNotifier::Route::Bus);
        QVERIFY(delivered.wait(20000));
        QCOMPARE(delivered.first().at(0).toLongLong(), qint64(7));
        QCOMPARE(m_stub.received.size(), 1);
        const auto &got = m_stub.received.first();
        QCOMPARE(got.appName, QStringLiteral("Tickerwire"));
        QCOMPARE(got.summary, QStringLiteral("Articles about Muse Spark"));
        QCOMPARE(got.body, QStringLiteral("New article matching \"Muse Spark\": Meta unveils Muse Spark"));
        QVERIFY(got.actions.contains(QStringLiteral("default")));
    }

    void clickingANotificationNamesItsAlert()
    {
        DesktopNotifier notifier(clientBus());
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
        QSignalSpy activated(&notifier, &DesktopNotifier::activated);
        notifier.notify(sampleAlert(11));
        QVERIFY(delivered.wait(20000));
        const uint notificationId = delivered.first().at(1).toUInt();
        emit m_stub.ActionInvoked(notificationId + 1000, QStringLiteral("default"));   // someone else's
        emit m_stub.ActionInvoked(notificationId, QStringLiteral("default"));
        QVERIFY(activated.wait(20000));
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(0).toLongLong(), qint64(11));
    }

    void mutedRulesAndDoNotDisturbDeliverNothing()
    {
        DesktopNotifier notifier(clientBus());
        QCOMPARE(notifier.notify(sampleAlert(1, true)), DesktopNotifier::Route::Muted);
        notifier.setDoNotDisturb(true);
        QCOMPARE(notifier.notify(sampleAlert(2)), DesktopNotifier::Route::DoNotDisturb);
        notifier.setDoNotDisturb(false);
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
        QCOMPARE(notifier.notify(sampleAlert(3)), DesktopNotifier::Route::Bus);
        QVERIFY(delivered.wait(20000));
        QCOMPARE(m_stub.received.size(), 1);   // only the third
    }

    void withoutAServerThereIsNoBusDelivery()
    {
        QVERIFY(serverBus().unregisterService(QString::fromLatin1(DesktopNotifier::kService)));
        DesktopNotifier notifier(clientBus());
        QVERIFY(!notifier.serverAvailable());
        // No window, so no tray either: the firing stays in the store and the panel.
        QCOMPARE(notifier.notify(sampleAlert(5)), DesktopNotifier::Route::Unavailable);
        QVERIFY(registerServer());
        QVERIFY(m_stub.received.isEmpty());
    }

    // `tickerwire ingest` from a script: firings printed, and delivered over
    // the session bus it finds in the environment.
    void headlessIngestDeliversTheFirings()
    {
        const QString store = m_sandbox.filePath(QStringLiteral("cli.db"));
        const auto add = twtest::runCli({QStringLiteral("--store"), store, QStringLiteral("alerts"), QStringLiteral("add"),
                                         QStringLiteral("--kind"), QStringLiteral("article-match"),
                                         QStringLiteral("--query"), QStringLiteral("\"Muse Spark\"")},
                                        m_sandbox.path());
        QCOMPARE(add.exitCode, 0);

        // The CLI waits for the stub's answer, and the stub answers from this
        // thread's event loop: wait without blocking it.
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);
        env.insert(QStringLiteral("HOME"), m_sandbox.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_sandbox.filePath(QStringLiteral("config")));
        cli.setProcessEnvironment(env);
        QSignalSpy finished(&cli, &QProcess::finished);
        cli.start(QStringLiteral(TW_BINARY), {QStringLiteral("--store"), store, QStringLiteral("ingest"),
                                              twtest::fixture(QStringLiteral("rss/newsroom-wordpress.rss"))});
        QVERIFY(finished.wait(60000));
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        QCOMPARE(cli.exitCode(), 0);
        QVERIFY2(out.contains(QStringLiteral("2 new articles matching \"Muse Spark\"")), qPrintable(out));
        QCOMPARE(m_stub.received.size(), 1);
        QVERIFY(m_stub.received.first().body.contains(QStringLiteral("Muse Spark Comes to WhatsApp and Instagram")));

        // Do not disturb: still printed and stored, not delivered.
        m_stub.received.clear();
        const QString db2 = m_sandbox.filePath(QStringLiteral("cli2.db"));
        QCOMPARE(twtest::runCli({QStringLiteral("--store"), db2, QStringLiteral("alerts"), QStringLiteral("add"),
                                 QStringLiteral("--kind"), QStringLiteral("article-match"), QStringLiteral("--query"),
                                 QStringLiteral("Muse")},
                                m_sandbox.path())
                     .exitCode,
                 0);
        // The switch is the analyst's own, per store.
        QCOMPARE(twtest::runCli({QStringLiteral("--store"), db2, QStringLiteral("alerts"), QStringLiteral("dnd"),
                                 QStringLiteral("on")},
                                m_sandbox.path())
                     .exitCode,
                 0);
        QSignalSpy finished2(&cli, &QProcess::finished);
        cli.start(QStringLiteral(TW_BINARY), {QStringLiteral("--store"), db2, QStringLiteral("ingest"),
                                              twtest::fixture(QStringLiteral("rss/newsroom-wordpress.rss"))});
        QVERIFY(finished2.wait(60000));
        QVERIFY(QString::fromUtf8(cli.readAllStandardOutput()).contains(QStringLiteral("2 new articles matching")));
        QVERIFY(m_stub.received.isEmpty());
        QCOMPARE(twtest::runCli({QStringLiteral("--store"), db2, QStringLiteral("alerts"), QStringLiteral("dnd"),
                                 QStringLiteral("off")},
                                m_sandbox.path())
                     .exitCode,
                 0);
    }

    // The window's path: rules run on the worker thread, firings reach the
    // bus and the panel, and a click comes back as the alert to open.
    void windowDeliveryFromTheWorkerThread()
    {
        const QString location = m_sandbox.filePath(QStringLiteral("window.db"));
        auto opened = StoreConnection::open(location, QStringLiteral("window-test"));
        QVERIFY(opened.ok());
        std::unique_ptr<StoreConnection> store = std::move(opened.value());
        AlertRule rule;
        rule.kind = AlertKind::ArticleMatch;
        rule.query = QStringLiteral("\"Muse Spark\"");
        rule.name = QStringLiteral("Muse Spark news");
        QVERIFY(AlertRuleStore(store->database()).add(rule).ok());
        Article a;
        a.guid = QStringLiteral("https://news.example.com/muse");
        a.title = QStringLiteral("Meta unveils Muse Spark");
        a.body = QStringLiteral("Muse Spark is Meta's new model.");
        a.published = QDateTime(QDate(2026, 4, 8), QTime(20, 0), Qt::UTC);
        a.fetched = a.published;
        QVERIFY(ArticleIngestor(store->database()).ingest({a}).ok());

        AlertDelivery delivery(location, clientBus());
        QSignalSpy fired(&delivery, &AlertDelivery::alertsFired);
        QSignalSpy open(&delivery, &AlertDelivery::openRequested);
        QSignalSpy delivered(delivery.notifier(), &DesktopNotifier::delivered);
        delivery.evaluate();
        QVERIFY(fired.wait(30000));
        const auto alerts = fired.first().at(0).value<QList<FiredAlert>>();
        QCOMPARE(alerts.size(), 1);
        QVERIFY(delivered.count() > 0 || delivered.wait(20000));
        QCOMPARE(m_stub.received.size(), 1);
        QCOMPARE(m_stub.received.first().summary, QStringLiteral("Muse Spark news"));
        QCOMPARE(m_stub.received.first().body, QStringLiteral("New article matching \"Muse Spark\": Meta unveils Muse Spark"));
        emit m_stub.ActionInvoked(delivered.first().at(1).toUInt(), QStringLiteral("default"));
        QVERIFY(open.wait(20000));
        QCOMPARE(open.first().at(0).toLongLong(), alerts.first().id);
    }
};

QTEST_GUILESS_MAIN(TestDesktopNotifier)
#include "tst_desktopnotifier.moc"
