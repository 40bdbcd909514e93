#include "feeds/keys/secretstore.h"
#include "pgtestcluster.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace tw;

// The command line opens a server store with the password the keychain keeps
// under SecretStore::storePasswordEntry(USER@HOST:PORT/DB) when libpq has none.
// Needs a session bus with an unlocked Secret Service, like tst_secretstore
// (scripts/setup.sh runs ctest inside dbus-run-session with gnome-keyring).
class TestStoreKeychain : public QObject {
    Q_OBJECT

    twtest::SuiteCluster m_cluster;
    QTemporaryDir m_empty;
    QString m_service;

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("no D-Bus session bus (run under dbus-run-session with gnome-keyring, as scripts/setup.sh test does)");
        QVERIFY2(m_cluster.start(), qPrintable(m_cluster.error()));
        qputenv("PGPASSFILE", QFile::encodeName(m_empty.filePath(QStringLiteral("no-pgpass"))));
        // A service of its own: a developer's real keychain entries are never touched.
        m_service = QStringLiteral("tickerwire-test-store-%1").arg(QCoreApplication::applicationPid());
        qputenv("TICKERWIRE_KEYCHAIN_SERVICE", m_service.toUtf8());
    }

    void cleanupTestCase() { m_cluster.stop(); }

    void cliReadsTheStorePasswordFromTheKeychain()
    {
        const QString location = m_cluster->createDatabase();
        QVERIFY(!location.isEmpty());
        const QString entry = SecretStore::storePasswordEntry(location.mid(QStringLiteral("postgresql://").size()));
        QVERIFY(entry.startsWith(QStringLiteral("store-password:tickerwire@127.0.0.1:")));
        SecretStore secrets(m_service);
        QTemporaryDir sandbox;
        const QStringList stats{QStringLiteral("--store"), location, QStringLiteral("stats")};

        // Nothing anywhere: refused, with the server named.
        QVERIFY(secrets.remove(entry).ok());
        auto none = twtest::runCli(stats, sandbox.path());
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains(location), qPrintable(none.err));

        const Status stored = secrets.write(entry, QString::fromLatin1(twtest::PgTestCluster::kPassword));
        QVERIFY2(stored.ok(), qPrintable(stored.errorMessage()));
        auto opened = twtest::runCli(stats, sandbox.path());
        QVERIFY2(opened.exitCode == 0, qPrintable(opened.err));
        QVERIFY2(opened.out.contains(QStringLiteral("articles")), qPrintable(opened.out));

        const QString wrong = QStringLiteral("stale-password-77");
        QVERIFY(secrets.write(entry, wrong).ok());
        auto refused = twtest::runCli(stats, sandbox.path());
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(location), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QStringLiteral("refused the password")), qPrintable(refused.err));
        QVERIFY(!refused.err.contains(wrong));
        QVERIFY(!refused.out.contains(wrong));
        QVERIFY(secrets.remove(entry).ok());
    }
};

QTEST_GUILESS_MAIN(TestStoreKeychain)
#include "tst_storekeychain.moc"
