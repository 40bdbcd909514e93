#include "feeds/keys/secretstore.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace tw;

// Needs a session bus with an unlocked Secret Service: scripts/setup.sh runs
// ctest inside dbus-run-session with gnome-keyring. Without one it skips.
class TestSecretStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("no D-Bus session bus (run under dbus-run-session with gnome-keyring, as scripts/setup.sh test does)");
    }

    void roundTrip()
    {
        // A service name of its own, so a developer's real keys are never touched.
        SecretStore secrets(QStringLiteral("tickerwire-test-%1").arg(QCoreApplication::applicationPid()));
        QVERIFY(secrets.remove(QStringLiteral("alphavantage")).ok());
        auto missing = secrets.read(QStringLiteral("alphavantage"));
        QVERIFY2(missing.ok(), qPrintable(missing.ok() ? QString() : missing.errorMessage()));
        QVERIFY(missing->isEmpty());
        auto written = secrets.write(QStringLiteral("alphavantage"), QStringLiteral("TESTKEY123"));
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.errorMessage()));
        auto read = secrets.read(QStringLiteral("alphavantage"));
        QVERIFY(read.ok());
        QCOMPARE(*read, QStringLiteral("TESTKEY123"));
        QVERIFY(secrets.remove(QStringLiteral("alphavantage")).ok());
        QVERIFY(secrets.read(QStringLiteral("alphavantage"))->isEmpty());
    }

    void cliReadsTheKeyFromStdinAndNeverPrintsIt()
    {
        qputenv("TICKERWIRE_KEYCHAIN_SERVICE", QByteArray("tickerwire-test-cli-") + QByteArray::number(QCoreApplication::applicationPid()));
        QTemporaryDir sandbox;
        auto set = twtest::runCli({QStringLiteral("keys"), QStringLiteral("set"), QStringLiteral("finnhub")}, sandbox.path(),
                                  "FINNHUBKEY42\n");
        QCOMPARE(set.exitCode, 0);
        QVERIFY(!set.out.contains(QStringLiteral("FINNHUBKEY42")));
        auto list = twtest::runCli({QStringLiteral("keys"), QStringLiteral("list")}, sandbox.path());
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(list.out.contains(QStringLiteral("finnhub: set")), qPrintable(list.out));
        QVERIFY(!list.out.contains(QStringLiteral("FINNHUBKEY42")));
        QCOMPARE(twtest::runCli({QStringLiteral("keys"), QStringLiteral("remove"), QStringLiteral("finnhub")}, sandbox.path()).exitCode, 0);
        QVERIFY(twtest::runCli({QStringLiteral("keys"), QStringLiteral("list")}, sandbox.path()).out.contains(QStringLiteral("finnhub: not set")));
        QCOMPARE(twtest::runCli({QStringLiteral("keys"), QStringLiteral("set"), QStringLiteral("nosuchprovider")}, sandbox.path(), "x").exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
