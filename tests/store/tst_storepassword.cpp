#include "models/store/storeconnection.h"
#include "pgtestcluster.h"

#include <QTemporaryDir>
#include <QTest>

using namespace tw;

// A server store whose password is in no libpq source (no PGPASSFILE entry)
// gets it from the caller's lookup (the keychain in the app), only when the
// server asks; a wrong one fails with the server named and the password never shown.
class TestStorePassword : public QObject {
    Q_OBJECT

    twtest::SuiteCluster m_cluster;
    QByteArray m_passFile;
    QTemporaryDir m_empty;

private slots:
    void initTestCase()
    {
        QVERIFY2(m_cluster.start(), qPrintable(m_cluster.error()));
        // From here on libpq finds no password of its own (scram-sha-256 over TCP).
        m_passFile = qgetenv("PGPASSFILE");
        qputenv("PGPASSFILE", QFile::encodeName(m_empty.filePath(QStringLiteral("no-pgpass"))));
    }

    void cleanupTestCase()
    {
        qputenv("PGPASSFILE", m_passFile);
        m_cluster.stop();
    }

    void passwordComesFromTheLookupOnlyWhenTheServerAsks()
    {
        const QString location = m_cluster->createDatabase();
        QVERIFY2(!location.isEmpty(), qPrintable(m_cluster->lastSqlError()));
        const QString server = location.mid(QStringLiteral("postgresql://").size());  // USER@HOST:PORT/DB

        // No source at all: a clear error naming the server.
        auto none = StoreConnection::open(location, QStringLiteral("no-lookup"));
        QVERIFY(!none.ok());
        QVERIFY2(none.errorMessage().contains(location), qPrintable(none.errorMessage()));
        QVERIFY2(none.errorMessage().contains(QStringLiteral("keychain")), qPrintable(none.errorMessage()));

        // A wrong password from the keychain: refused, and never repeated back.
        const QString wrong = QStringLiteral("not-the-password-913");
        QStringList asked;
        auto refused = StoreConnection::open(location, QStringLiteral("wrong"), [&](const QString &s) -> Result<QString> {
            asked << s;
            return wrong;
        });
        QVERIFY(!refused.ok());
        QCOMPARE(asked, QStringList{server});
        QVERIFY2(refused.errorMessage().contains(location), qPrintable(refused.errorMessage()));
        QVERIFY2(refused.errorMessage().contains(QStringLiteral("refused the password")), qPrintable(refused.errorMessage()));
        QVERIFY(!refused.errorMessage().contains(wrong));

        // The keychain cannot be read: said, next to the server's refusal.
        auto unreadable = StoreConnection::open(location, QStringLiteral("unreadable"), [](const QString &) -> Result<QString> {
            return fail(QStringLiteral("no secret service running"));
        });
        QVERIFY(!unreadable.ok());
        QVERIFY2(unreadable.errorMessage().contains(QStringLiteral("no secret service running")),
                 qPrintable(unreadable.errorMessage()));

        // A password written into the URL is never shown either.
        const QString inUrl = QStringLiteral("postgresql://%1:url-secret-55@%2")
                                  .arg(QLatin1String(twtest::PgTestCluster::kUser), server.section(QLatin1Char('@'), 1));
        auto urlRefused = StoreConnection::open(inUrl, QStringLiteral("in-url"));
        QVERIFY(!urlRefused.ok());
        QVERIFY(!urlRefused.errorMessage().contains(QStringLiteral("url-secret-55")));
        QVERIFY2(urlRefused.errorMessage().contains(location), qPrintable(urlRefused.errorMessage()));

        // The right one: the store opens (and is migrated)...
        asked.clear();
        auto opened = StoreConnection::open(location, QStringLiteral("right"), [&](const QString &s) -> Result<QString> {
            asked << s;
            return QString::fromLatin1(twtest::PgTestCluster::kPassword);
        });
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.errorMessage()));
        QCOMPARE(asked, QStringList{server});
        QVERIFY((*opened)->isAlive());
        // ...and the process's other connections to it (threads, reconnects)
        // need no second lookup.
        auto attached = StoreConnection::attach(location, QStringLiteral("attached"));
        QVERIFY2(attached.ok(), qPrintable(attached.ok() ? QString() : attached.errorMessage()));
        QVERIFY((*opened)->reconnect().ok());
        QVERIFY((*opened)->isAlive());
    }
};

QTEST_GUILESS_MAIN(TestStorePassword)
#include "tst_storepassword.moc"
