#include "streamingserver.h"
#include "testhttpserver.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <sys/stat.h>

using twtest::CliRun;
using twtest::HttpRequest;
using twtest::HttpResponse;
using twtest::httpResponse;
using twtest::StreamingServer;

// The command line against hostile input (#16): pipes and URLs that never
// end, titles that carry terminal escapes and bidi overrides, feed rows and
// servers that try to read local files or echo keys. Deadlines are passed
// short (--timeout) so the suite takes seconds.
namespace {
const QByteArray kMarker = "PRIVATE-MARKER-8c1f0b";
const QString kUrlKey = QStringLiteral("URLKEY5150QWERTY");

// What the child sees: the sandbox of runCli and a test keychain service.
QProcessEnvironment sandboxEnvironment(const QString &sandbox)
{
    QProcessEnvironment env = twtest::sandboxEnvironment(sandbox);
    env.insert(QStringLiteral("TICKERWIRE_KEYCHAIN_SERVICE"),
               QStringLiteral("tickerwire-test-hostile-%1").arg(QCoreApplication::applicationPid()));
    return env;
}

// Runs the binary while this process's event loop keeps serving the test servers.
struct TimedRun {
    CliRun run;
    qint64 ms = 0;
};

TimedRun runServed(const QStringList &args, const QString &sandbox, const QByteArray &stdinData = {})
{
    QProcess p;
    p.setProcessEnvironment(sandboxEnvironment(sandbox));
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &p, &QProcess::kill);
    QElapsedTimer clock;
    clock.start();
    p.start(QStringLiteral(TW_BINARY), args);
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    guard.start(60000);
    loop.exec();
    TimedRun t;
    t.ms = clock.elapsed();
    t.run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    t.run.out = QString::fromUtf8(p.readAllStandardOutput());
    t.run.err = QString::fromUtf8(p.readAllStandardError());
    return t;
}

// Nothing a terminal would act on: C0 controls other than tab and newline
// (CR and BS included), DEL, C1 controls, bidi formatting characters.
QString terminalProblem(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = text[i].unicode();
        const bool bidi = (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069) || u == 0x200E || u == 0x200F || u == 0x061C;
        if ((u < 0x20 && u != u'\t' && u != u'\n') || (u >= 0x7F && u <= 0x9F) || bidi)
            return QStringLiteral("U+%1 at %2 in: %3").arg(int(u), 4, 16, QLatin1Char('0')).arg(i).arg(text.mid(std::max<qsizetype>(0, i - 40), 80));
    }
    return {};
}

#define VERIFY_TERMINAL_CLEAN(text)                                                                                                \
    do {                                                                                                                           \
        const QString problem = terminalProblem(text);                                                                             \
        QVERIFY2(problem.isEmpty(), qPrintable(problem));                                                                          \
    } while (false)
} // namespace

class TestHostileInput : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_sandbox.isValid());
        QVERIFY(m_server.listening());
        m_markerFile = twtest::writePrivateFile(m_sandbox, kMarker);
        QVERIFY(!m_markerFile.isEmpty());
        // A provider that echoes the key it was sent, in the reason phrase,
        // with terminal escapes around it.
        m_server.route("/echo", [](const HttpRequest &r) {
            const QByteArray key = QUrlQuery(QUrl::fromEncoded("http://h" + r.path)).queryItemValue(QStringLiteral("apikey")).toLatin1();
            return HttpResponse{httpResponse(401, "\x1b]0;PWNED\x07\x1b[2JThe API key " + key + " is invalid", "no"), 0, false};
        });
        m_server.route("/query", [](const HttpRequest &) {
            return HttpResponse{httpResponse(200, "OK", twtest::readAll(twtest::fixture(QStringLiteral("errors/alphavantage-note.json"))),
                                             {{"Content-Type", "application/json"}}),
                                0, false};
        });
    }

    // --- bounded ingest ------------------------------------------------------

    void ingestOfAFifoFedFromDevZeroStopsAtTheCap()
    {
        const QString fifo = m_sandbox.filePath(QStringLiteral("zero.fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QProcess writer;   // ends with SIGPIPE once the reader is gone
        writer.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("exec cat /dev/zero > '%1'").arg(fifo)});
        QVERIFY(writer.waitForStarted());
        const TimedRun t = runServed({QStringLiteral("--store"), db(QStringLiteral("fifo")), QStringLiteral("ingest"), fifo}, m_sandbox.path());
        QCOMPARE(t.run.exitCode, 1);
        QVERIFY2(t.run.err.contains(QStringLiteral("larger than the 20 MiB cap")), qPrintable(t.run.err));
        QVERIFY2(t.ms < 15000, qPrintable(QString::number(t.ms)));
        if (!writer.waitForFinished(5000))
            writer.kill();
        writer.waitForFinished();
    }

    void ingestOfAFifoNobodyWritesToEndsAtTheDeadline()
    {
        const QString fifo = m_sandbox.filePath(QStringLiteral("silent.fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const TimedRun t = runServed({QStringLiteral("--store"), db(QStringLiteral("fifo2")), QStringLiteral("ingest"), fifo,
                                      QStringLiteral("--timeout"), QStringLiteral("1")},
                                     m_sandbox.path());
        QCOMPARE(t.run.exitCode, 1);
        QVERIFY2(t.run.err.contains(QStringLiteral("not read to its end within 1 s")), qPrintable(t.run.err));
        QVERIFY2(t.ms >= 900 && t.ms < 8000, qPrintable(QString::number(t.ms)));
    }

    void ingestOfAnEndlessUrlStopsAtTheCap()
    {
        StreamingServer endless(StreamingServer::Mode::Endless);
        const TimedRun t = runServed({QStringLiteral("--store"), db(QStringLiteral("endless")), QStringLiteral("ingest"),
                                      endless.url().toString()},
                                     m_sandbox.path());
        QCOMPARE(t.run.exitCode, 1);
        QVERIFY2(t.run.err.contains(QStringLiteral("over the 20 MiB cap")), qPrintable(t.run.err));
        QVERIFY2(t.ms < 15000, qPrintable(QString::number(t.ms)));
        // Through the fetch path: our User-Agent, not Qt's default.
        QVERIFY2(endless.heads().value(0).contains("User-Agent: Tickerwire/"), endless.heads().value(0).constData());
    }

    void ingestOfADribblingUrlEndsAtTheDeadline()
    {
        StreamingServer dribble(StreamingServer::Mode::Dribble, 250);
        const TimedRun t = runServed({QStringLiteral("--store"), db(QStringLiteral("dribble")), QStringLiteral("ingest"),
                                      dribble.url().toString(), QStringLiteral("--timeout"), QStringLiteral("2")},
                                     m_sandbox.path());
        QCOMPARE(t.run.exitCode, 1);
        QVERIFY2(t.run.err.contains(QStringLiteral("no complete answer within the 2 s deadline")), qPrintable(t.run.err));
        QVERIFY2(t.ms >= 1900 && t.ms < 8000, qPrintable(QString::number(t.ms)));
    }

    void ingestRefusesBadLimits()
    {
        const TimedRun t = runServed({QStringLiteral("--store"), db(QStringLiteral("limits")), QStringLiteral("ingest"),
                                      QStringLiteral("x.rss"), QStringLiteral("--timeout"), QStringLiteral("soon")},
                                     m_sandbox.path());
        QCOMPARE(t.run.exitCode, 2);
    }

    // --- what the CLI prints -------------------------------------------------

    // A title with an OSC window title, a clear-screen CSI, an 8-bit CSI and
    // a right-to-left override: every command that prints it prints it clean,
    // and the store keeps it as it came.
    void hostileTitlesArePrintedClean()
    {
        const QString store = db(QStringLiteral("titles"));
        auto cli = [&](const QStringList &args) { return runServed(QStringList{QStringLiteral("--store"), store} + args, m_sandbox.path()).run; };
        QCOMPARE(cli({QStringLiteral("--demo"), QStringLiteral("stats")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("alerts"), QStringLiteral("add"), QStringLiteral("--kind"), QStringLiteral("article-match"),
                      QStringLiteral("--query"), QStringLiteral("Meta")})
                     .exitCode,
                 0);
        const CliRun ingest = cli({QStringLiteral("ingest"), twtest::fixture(QStringLiteral("jsonfeed/hostile-title.json"))});
        QCOMPARE(ingest.exitCode, 0);
        const QList<CliRun> shown = {
            ingest,
            cli({QStringLiteral("alerts"), QStringLiteral("fired")}),
            cli({QStringLiteral("score"), QStringLiteral("--ticker"), QStringLiteral("META"), QStringLiteral("--explain")}),
            cli({QStringLiteral("events"), QStringLiteral("--sources")}),
            cli({QStringLiteral("guidance")}),
        };
        QString all;
        for (const CliRun &r : shown) {
            QCOMPARE(r.exitCode, 0);
            VERIFY_TERMINAL_CLEAN(r.out);
            VERIFY_TERMINAL_CLEAN(r.err);
            all += r.out;
        }
        // It was printed (the visible words), not dropped, and without the escape's payload.
        QVERIFY2(all.contains(QStringLiteral("Meta Platforms  raises 2026 capex guidance etaroproc to $70 billion")), qPrintable(all));
        QVERIFY(!all.contains(QStringLiteral("PWNED")));
        QVERIFY(all.contains(QStringLiteral("Wire desk")));

        // Stored as it came: only what is shown is made safe.
        QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("titles-check"));
        sql.setDatabaseName(store);
        QVERIFY(sql.open());
        {
            QSqlQuery q(sql);
            QVERIFY(q.exec(QStringLiteral("SELECT title FROM articles WHERE guid LIKE '%meta-capex-hostile%'")));
            QVERIFY(q.next());
            const QString title = q.value(0).toString();
            QVERIFY(title.contains(QStringLiteral("\x1b]0;PWNED\x07")));
            QVERIFY(title.contains(QChar(0x202E)));
        }
        sql.close();
        sql = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("titles-check"));
    }

    // A shared store's feeds table with a file:// row and a keyed feed whose
    // server echoes the key inside terminal escapes: `fetch` and `feeds list`
    // show neither the file, nor the key, nor the escapes.
    void hostileFeedRowsAndServersThroughFetchAndFeedsList()
    {
        const QString store = db(QStringLiteral("rows"));
        auto cli = [&](const QStringList &args) { return runServed(QStringList{QStringLiteral("--store"), store} + args, m_sandbox.path()).run; };
        QCOMPARE(cli({QStringLiteral("feeds"), QStringLiteral("add"),
                      m_server.url(QStringLiteral("/echo")).toString() + QStringLiteral("?function=TIME_SERIES_DAILY&apikey=") + kUrlKey,
                      QStringLiteral("--kind"), QStringLiteral("alphavantage-daily"), QStringLiteral("--ticker"), QStringLiteral("META")})
                     .exitCode,
                 0);
        {
            QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("rows-insert"));
            sql.setDatabaseName(store);
            QVERIFY(sql.open());
            QSqlQuery q(sql);
            QVERIFY(q.exec(QStringLiteral("INSERT INTO feeds (url, kind, title, created_utc) VALUES ('%1', 'news', "
                                          "'Desk \x1b]0;PWNED\x07 feed', 0)")
                               .arg(QUrl::fromLocalFile(m_markerFile).toString())));
            q.finish();
            sql.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("rows-insert"));

        const CliRun fetch = cli({QStringLiteral("fetch")});
        QCOMPARE(fetch.exitCode, 0);
        const CliRun list = cli({QStringLiteral("feeds"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        for (const CliRun &r : {fetch, list}) {
            VERIFY_TERMINAL_CLEAN(r.out);
            VERIFY_TERMINAL_CLEAN(r.err);
            for (const QString &text : {r.out, r.err}) {
                QVERIFY2(!text.contains(QString::fromLatin1(kMarker)), qPrintable(text));
                QVERIFY2(!text.contains(kUrlKey.left(8)), qPrintable(text));
                QVERIFY(!text.contains(QStringLiteral("PWNED")));
            }
        }
        QVERIFY2(fetch.out.contains(QStringLiteral("refused: only http and https")), qPrintable(fetch.out));
        QVERIFY2(fetch.out.contains(QStringLiteral("HTTP 401")) && fetch.out.contains(QStringLiteral("The API key *** is invalid")),
                 qPrintable(fetch.out));
        QVERIFY2(list.out.contains(QStringLiteral("refused: only http and https")), qPrintable(list.out));
    }

    // With a real keychain: the stored key never goes to a plain-http host,
    // and `feeds list` redacts it from errors written before (an older build,
    // another analyst's machine).
    void keychainKeyStaysWithItsProvider()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("no D-Bus session bus (run under dbus-run-session with gnome-keyring, as scripts/setup.sh test does)");
        const QString key = QStringLiteral("KEYCHAINKEY31337ZZ");
        const QString store = db(QStringLiteral("keychain"));
        auto cli = [&](const QStringList &args, const QByteArray &in = {}) {
            return runServed(QStringList{QStringLiteral("--store"), store} + args, m_sandbox.path(), in).run;
        };
        QCOMPARE(cli({QStringLiteral("keys"), QStringLiteral("set"), QStringLiteral("alphavantage")}, key.toLatin1() + '\n').exitCode, 0);
        QCOMPARE(cli({QStringLiteral("feeds"), QStringLiteral("add"),
                      m_server.url(QStringLiteral("/query")).toString() + QStringLiteral("?function=TIME_SERIES_DAILY&symbol=META"),
                      QStringLiteral("--kind"), QStringLiteral("alphavantage-daily"), QStringLiteral("--ticker"), QStringLiteral("META")})
                     .exitCode,
                 0);
        const qsizetype before = m_server.requests().size();
        const CliRun fetch = cli({QStringLiteral("fetch")});
        QCOMPARE(fetch.exitCode, 0);
        QCOMPARE(m_server.requests().size(), before + 1);
        QVERIFY2(!m_server.requests().last().path.contains(key.toLatin1()), m_server.requests().last().path.constData());
        QVERIFY2(fetch.out.contains(QStringLiteral("the alphavantage key was not sent")), qPrintable(fetch.out));

        {
            QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("keychain-old-error"));
            sql.setDatabaseName(store);
            QVERIFY(sql.open());
            QSqlQuery q(sql);
            QVERIFY(q.exec(QStringLiteral("UPDATE feeds SET last_error = 'HTTP 401 key %1 is invalid'").arg(key)));
            q.finish();
            sql.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("keychain-old-error"));
        const CliRun list = cli({QStringLiteral("feeds"), QStringLiteral("list")});
        QVERIFY2(!list.out.contains(key.left(8)), qPrintable(list.out));
        QVERIFY2(list.out.contains(QStringLiteral("HTTP 401 key *** is invalid")), qPrintable(list.out));
        QCOMPARE(cli({QStringLiteral("keys"), QStringLiteral("remove"), QStringLiteral("alphavantage")}).exitCode, 0);
    }

private:
    QString db(const QString &name) const { return m_sandbox.filePath(name + QStringLiteral(".db")); }

    QTemporaryDir m_sandbox;
    QString m_markerFile;
    twtest::TestHttpServer m_server;
};

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"
