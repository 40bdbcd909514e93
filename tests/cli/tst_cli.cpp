#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using twtest::runCli;

// The command line as a shell user meets it: exit codes, messages, and what
// lands in the store.
class TestCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_sandbox;

    QString store(const QString &name) const { return m_sandbox.filePath(name); }

private slots:
    void versionPrintsTheProjectVersion()
    {
        const auto run = runCli({QStringLiteral("--version")}, m_sandbox.path());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(QStringLiteral("tickerwire ")), qPrintable(run.out));
        QVERIFY(run.out.contains(QRegularExpression(QStringLiteral("\\d+\\.\\d+\\.\\d+"))));
    }

    void usageMistakesExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown global option") << QStringList{QStringLiteral("--bogus")};
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("unknown command option") << QStringList{QStringLiteral("stats"), QStringLiteral("--bogus")};
        QTest::newRow("missing option value") << QStringList{QStringLiteral("stats"), QStringLiteral("--store")};
        QTest::newRow("ingest without files") << QStringList{QStringLiteral("ingest")};
        QTest::newRow("stats with an argument") << QStringList{QStringLiteral("stats"), QStringLiteral("extra")};
        // `watch META` must not quietly watch every feed.
        QTest::newRow("watch with an argument") << QStringList{QStringLiteral("watch"), QStringLiteral("META")};
    }

    void usageMistakesExitTwo()
    {
        QFETCH(QStringList, args);
        const auto run = runCli(args, m_sandbox.path());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("Usage:")), qPrintable(run.err));
    }

    void demoStoreHasArticlesQuotesAndTickers()
    {
        const auto run = twtest::runDemoStats(store(QStringLiteral("demo.db")), m_sandbox.path());
        QCOMPARE(run.exitCode, 0);
        const auto counts = twtest::parseStats(run.out);
        QVERIFY2(counts.value(QStringLiteral("articles")) >= 25, qPrintable(run.out));
        QVERIFY(counts.value(QStringLiteral("quotes")) > 0);
        QCOMPARE(counts.value(QStringLiteral("tickers")), qint64(5));
        QVERIFY(run.out.contains(QStringLiteral("\narticles: ")));
    }

    void ingestingTheSameFeedTwiceAddsNothing()
    {
        const QString db = store(QStringLiteral("ingest.db"));
        const QString feed = twtest::fixture(QStringLiteral("rss/newsroom-wordpress.rss"));
        auto first = runCli({QStringLiteral("--store"), db, QStringLiteral("ingest"), feed}, m_sandbox.path());
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.out.contains(QStringLiteral("3 new")), qPrintable(first.out));
        auto second = runCli({QStringLiteral("ingest"), feed, QStringLiteral("--store"), db}, m_sandbox.path());
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(second.out.contains(QStringLiteral("0 new")), qPrintable(second.out));
        auto stats = runCli({QStringLiteral("--store"), db, QStringLiteral("stats")}, m_sandbox.path());
        QCOMPARE(twtest::parseStats(stats.out).value(QStringLiteral("articles")), qint64(3));
    }

    void ingestOfAMissingFileFailsWithItsName()
    {
        const QString missing = m_sandbox.filePath(QStringLiteral("nope.rss"));
        auto run = runCli({QStringLiteral("--store"), store(QStringLiteral("m.db")), QStringLiteral("ingest"), missing},
                          m_sandbox.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(missing));
    }

    void foreignFilesAreRefusedUntouched_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("/etc/passwd") << QStringLiteral("/etc/passwd");
        QTest::newRow("copy of /etc/passwd") << QStringLiteral("copy");
    }

    void foreignFilesAreRefusedUntouched()
    {
        QFETCH(QString, path);
        if (path == QLatin1String("copy")) {
            path = store(QStringLiteral("passwd.db"));
            QFile::remove(path);
            QVERIFY(QFile::copy(QStringLiteral("/etc/passwd"), path));
        }
        const QByteArray before = twtest::sha256(path);
        const auto run = runCli({QStringLiteral("--store"), path, QStringLiteral("stats")}, m_sandbox.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(path), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("not a Tickerwire store")));
        QCOMPARE(twtest::sha256(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void truncatedStoreIsRefusedUntouched()
    {
        const QString db = store(QStringLiteral("trunc.db"));
        QCOMPARE(twtest::runDemoStats(db, m_sandbox.path()).exitCode, 0);
        QFile::remove(db + QStringLiteral("-wal"));
        QFile::remove(db + QStringLiteral("-shm"));
        QByteArray bytes = twtest::readAll(db);
        QFile f(db);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes.left(bytes.size() / 3));
        f.close();
        const QByteArray before = twtest::sha256(db);
        const auto run = runCli({QStringLiteral("--store"), db, QStringLiteral("stats")}, m_sandbox.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(db) && run.err.contains(QStringLiteral("damaged")), qPrintable(run.err));
        QCOMPARE(twtest::sha256(db), before);
    }

    void environmentVariableSelectsTheStore()
    {
        const QString db = store(QStringLiteral("env.db"));
        qputenv("TICKERWIRE_STORE", db.toUtf8());
        // A command that only reads never creates the store it is pointed at...
        QProcess p;
        p.start(QStringLiteral(TW_BINARY), {QStringLiteral("stats")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(!QFile::exists(db));
        // ... one that writes does, there.
        p.start(QStringLiteral(TW_BINARY), {QStringLiteral("watchlist"), QStringLiteral("add"), QStringLiteral("META")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        p.start(QStringLiteral(TW_BINARY), {QStringLiteral("stats")});
        QVERIFY(p.waitForFinished(60000));
        qunsetenv("TICKERWIRE_STORE");
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(QFile::exists(db));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
