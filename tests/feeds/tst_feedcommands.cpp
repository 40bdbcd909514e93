#include "testhttpserver.h"
#include "testsupport.h"

#include <QEventLoop>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using twtest::HttpRequest;
using twtest::HttpResponse;
using twtest::httpResponse;

namespace {
// runCli() blocks the test's event loop, and with it the test HTTP server:
// this runs the binary while the loop keeps serving.
twtest::CliRun runServed(const QStringList &args, const QString &sandbox)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), sandbox);
    env.insert(QStringLiteral("XDG_DATA_HOME"), sandbox + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), sandbox + QStringLiteral("/config"));
    env.remove(QStringLiteral("TICKERWIRE_STORE"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("TICKERWIRE_USER_AGENT"), QStringLiteral("Tickerwire-cli-test (tests@tickerwire.invalid)"));
    p.setProcessEnvironment(env);
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    p.start(QStringLiteral(TW_BINARY), args);
    p.closeWriteChannel();
    loop.exec();
    twtest::CliRun run;
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}
} // namespace

class TestFeedCommands : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_sandbox.isValid());
        const QByteArray rss = twtest::readAll(twtest::fixture(QStringLiteral("rss/nasdaq-meta.rss")));
        m_server.route("/nasdaq.rss", [rss](const HttpRequest &r) {
            if (r.headers.value("if-none-match") == "\"n1\"")
                return HttpResponse{"HTTP/1.1 304 Not Modified\r\nETag: \"n1\"\r\nConnection: close\r\n\r\n", 0, false};
            return HttpResponse{httpResponse(200, "OK", rss, {{"ETag", "\"n1\""}}), 0, false};
        });
        const QByteArray chart = twtest::readAll(twtest::fixture(QStringLiteral("prices/yahoo-chart-meta.json")));
        m_server.route("/v8/finance/chart/META", [chart](const HttpRequest &) {
            return HttpResponse{httpResponse(200, "OK", chart, {{"Content-Type", "application/json"}}), 0, false};
        });
        const QByteArray note = twtest::readAll(twtest::fixture(QStringLiteral("errors/alphavantage-note.json")));
        const QByteArray consent = twtest::readAll(twtest::fixture(QStringLiteral("errors/yahoo-consent.html")));
        m_server.route("/v8/finance/chart/GATED", [consent](const HttpRequest &) {
            return HttpResponse{httpResponse(200, "OK", consent, {{"Content-Type", "text/html"}}), 0, false};
        });
        const QByteArray csv = twtest::readAll(twtest::fixture(QStringLiteral("prices/stooq-meta-us.csv")));
        m_server.route("/q/d/l/", [csv](const HttpRequest &) {
            return HttpResponse{httpResponse(200, "OK", csv, {{"Content-Type", "text/csv"}}), 0, false};
        });
        m_server.route("/query", [note](const HttpRequest &) {
            return HttpResponse{httpResponse(200, "OK", note, {{"Content-Type", "application/json"}}), 0, false};
        });
    }

    void addListFetchRemove()
    {
        const QString db = m_sandbox.filePath(QStringLiteral("feeds.db"));
        auto add = [&](const QStringList &args) { return runServed(QStringList{QStringLiteral("--store"), db, QStringLiteral("feeds"), QStringLiteral("add")} + args, m_sandbox.path()); };
        QCOMPARE(add({m_server.url(QStringLiteral("/nasdaq.rss")).toString(), QStringLiteral("--ticker"), QStringLiteral("meta")}).exitCode, 0);
        QCOMPARE(add({m_server.url(QStringLiteral("/v8/finance/chart/META")).toString() + QStringLiteral("?interval=1d&range=5d"),
                      QStringLiteral("--kind"), QStringLiteral("yahoo-chart"), QStringLiteral("--ticker"), QStringLiteral("META")})
                     .exitCode,
                 0);
        auto keyed = add({m_server.url(QStringLiteral("/query")).toString() + QStringLiteral("?function=TIME_SERIES_DAILY&symbol=META&apikey=SECRETKEY"),
                          QStringLiteral("--kind"), QStringLiteral("alphavantage-daily"), QStringLiteral("--ticker"), QStringLiteral("META")});
        QCOMPARE(keyed.exitCode, 0);
        QVERIFY2(!keyed.out.contains(QStringLiteral("SECRETKEY")), qPrintable(keyed.out));
        QCOMPARE(add({QStringLiteral("ftp://example.com/feed")}).exitCode, 2);
        QCOMPARE(add({QStringLiteral("https://example.com/feed"), QStringLiteral("--kind"), QStringLiteral("podcast")}).exitCode, 2);
        QCOMPARE(add({QStringLiteral("https://example.com/q"), QStringLiteral("--kind"), QStringLiteral("stooq")}).exitCode, 2);

        auto fetch = runServed({QStringLiteral("--store"), db, QStringLiteral("fetch")}, m_sandbox.path());
        QCOMPARE(fetch.exitCode, 0);   // one feed failing does not fail the run
        QVERIFY2(fetch.out.contains(QStringLiteral("fetched 3 feeds: 2 ok, 0 not modified, 1 failed")), qPrintable(fetch.out));
        QVERIFY2(fetch.out.contains(QStringLiteral("rate-limited by Alpha Vantage")), qPrintable(fetch.out));
        QVERIFY(!fetch.out.contains(QStringLiteral("SECRETKEY")));
        QCOMPARE(m_server.requests().first().headers.value("user-agent"), QByteArray("Tickerwire-cli-test (tests@tickerwire.invalid)"));

        auto again = runServed({QStringLiteral("--store"), db, QStringLiteral("fetch")}, m_sandbox.path());
        QVERIFY2(again.out.contains(QStringLiteral("1 not modified")), qPrintable(again.out));
        auto due = runServed({QStringLiteral("--store"), db, QStringLiteral("refresh"), QStringLiteral("--due")}, m_sandbox.path());
        QVERIFY2(due.out.contains(QStringLiteral("fetched 0 feeds")), qPrintable(due.out));

        auto list = runServed({QStringLiteral("--store"), db, QStringLiteral("feeds"), QStringLiteral("list")}, m_sandbox.path());
        QCOMPARE(list.exitCode, 0);
        const QStringList lines = list.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY2(lines[1].startsWith(QStringLiteral("1\tnews\tMETA\tnot-modified\t0\t")), qPrintable(lines[1]));
        QVERIFY2(lines[3].contains(QStringLiteral("\tprovider\t2\t")), qPrintable(lines[3]));
        QVERIFY(!list.out.contains(QStringLiteral("SECRETKEY")));

        auto stats = runServed({QStringLiteral("--store"), db, QStringLiteral("stats")}, m_sandbox.path());
        const auto counts = twtest::parseStats(stats.out);
        QCOMPARE(counts.value(QStringLiteral("articles")), qint64(2));
        QCOMPARE(counts.value(QStringLiteral("quotes")), qint64(3));
        QCOMPARE(counts.value(QStringLiteral("feeds")), qint64(3));

        QCOMPARE(runServed({QStringLiteral("--store"), db, QStringLiteral("feeds"), QStringLiteral("remove"), QStringLiteral("1")}, m_sandbox.path()).exitCode, 0);
        QCOMPARE(runServed({QStringLiteral("--store"), db, QStringLiteral("feeds"), QStringLiteral("remove"), QStringLiteral("99")}, m_sandbox.path()).exitCode, 1);
        const auto after = twtest::parseStats(runServed({QStringLiteral("--store"), db, QStringLiteral("stats")}, m_sandbox.path()).out);
        QCOMPARE(after.value(QStringLiteral("feeds")), qint64(2));
        QCOMPARE(after.value(QStringLiteral("articles")), qint64(2));   // removing a feed keeps its articles
    }

    void failedPriceFeedFallsBackToTheNextProvider()
    {
        const QString db = m_sandbox.filePath(QStringLiteral("failover.db"));
        auto add = [&](const QStringList &args) { return runServed(QStringList{QStringLiteral("--store"), db, QStringLiteral("feeds"), QStringLiteral("add")} + args, m_sandbox.path()); };
        QCOMPARE(add({m_server.url(QStringLiteral("/v8/finance/chart/GATED")).toString(), QStringLiteral("--kind"), QStringLiteral("yahoo-chart"),
                      QStringLiteral("--ticker"), QStringLiteral("META")}).exitCode, 0);
        QCOMPARE(add({m_server.url(QStringLiteral("/q/d/l/")).toString() + QStringLiteral("?s=meta.us&i=d"), QStringLiteral("--kind"), QStringLiteral("stooq"),
                      QStringLiteral("--ticker"), QStringLiteral("META")}).exitCode, 0);
        QCOMPARE(runServed({QStringLiteral("--store"), db, QStringLiteral("fetch")}, m_sandbox.path()).exitCode, 0);
        {
            // Make only the Yahoo feed due again, as cron would find it later.
            QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("failover"));
            sql.setDatabaseName(db);
            QVERIFY(sql.open());
            QSqlQuery q(sql);
            QVERIFY(q.exec(QStringLiteral("UPDATE feeds SET next_due_utc = 0 WHERE kind = 'yahoo-chart'")));
            sql.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("failover"));
        auto due = runServed({QStringLiteral("--store"), db, QStringLiteral("fetch"), QStringLiteral("--due")}, m_sandbox.path());
        QCOMPARE(due.exitCode, 0);
        QVERIFY2(due.out.contains(QStringLiteral("cookie-consent")), qPrintable(due.out));
        QVERIFY2(due.out.contains(QStringLiteral("trying feed 2 (stooq) for META")), qPrintable(due.out));
        // The CSV route sends no validators, so the stand-in is fetched in full.
        QVERIFY2(due.out.contains(QStringLiteral("fetched 2 feeds: 1 ok, 0 not modified, 1 failed")), qPrintable(due.out));
    }

    // META's defaults are one case of every company's (see tst_watchlistcli for others).
    void defaultFeedsForMeta()
    {
        const QString db = m_sandbox.filePath(QStringLiteral("defaults.db"));
        auto none = twtest::runCli({QStringLiteral("--store"), db, QStringLiteral("feeds"), QStringLiteral("add-defaults")}, m_sandbox.path());
        QCOMPARE(none.exitCode, 1);   // an empty watchlist has no companies to add feeds for
        QVERIFY2(none.err.contains(QStringLiteral("watchlist add")), qPrintable(none.err));
        QCOMPARE(twtest::runCli({QStringLiteral("--store"), db, QStringLiteral("watchlist"), QStringLiteral("add"), QStringLiteral("META")}, m_sandbox.path()).exitCode, 0);
        auto added = twtest::runCli({QStringLiteral("--store"), db, QStringLiteral("feeds"), QStringLiteral("add-defaults")}, m_sandbox.path());
        QCOMPARE(added.exitCode, 0);
        QCOMPARE(added.out.count(QLatin1Char('\n')), 8);
        // The SEC feeds: the 8-K filings (hourly) and the company facts (weekly).
        QVERIFY2(added.out.contains(QStringLiteral("(sec-filings)")), qPrintable(added.out));
        QVERIFY2(added.out.contains(QStringLiteral("(sec-companyfacts)")), qPrintable(added.out));
        auto list = twtest::runCli({QStringLiteral("--store"), db, QStringLiteral("feeds"), QStringLiteral("list")}, m_sandbox.path());
        QVERIFY(list.out.contains(QStringLiteral("CIK=0001326801")));
        QVERIFY(list.out.contains(QStringLiteral("companyfacts/CIK0001326801.json")));
        QCOMPARE(list.out.count(QStringLiteral("\tdisabled\t")), 2);
        QCOMPARE(twtest::runCli({QStringLiteral("--store"), db, QStringLiteral("feeds"), QStringLiteral("disable"), QStringLiteral("1")}, m_sandbox.path()).exitCode, 0);
        list = twtest::runCli({QStringLiteral("--store"), db, QStringLiteral("feeds"), QStringLiteral("list")}, m_sandbox.path());
        QCOMPARE(list.out.count(QStringLiteral("\tdisabled\t")), 3);
        // Adding them again changes nothing.
        twtest::runCli({QStringLiteral("--store"), db, QStringLiteral("feeds"), QStringLiteral("add-defaults")}, m_sandbox.path());
        const auto counts = twtest::parseStats(twtest::runCli({QStringLiteral("--store"), db, QStringLiteral("stats")}, m_sandbox.path()).out);
        QCOMPARE(counts.value(QStringLiteral("feeds")), qint64(8));
    }

    void secFeedsAndTheirContact()
    {
        QTemporaryDir home;   // its own settings
        const QString db = home.filePath(QStringLiteral("sec.db"));
        const auto cli = [&](const QStringList &args) { return twtest::runCli(QStringList{QStringLiteral("--store"), db} + args, home.path()); };
        auto none = cli({QStringLiteral("feeds"), QStringLiteral("contact")});
        QCOMPARE(none.exitCode, 0);
        QVERIFY2(none.out.contains(QStringLiteral("no contact address set")), qPrintable(none.out));
        auto added = cli({QStringLiteral("feeds"), QStringLiteral("add-sec"), QStringLiteral("googl"), QStringLiteral("1652044")});
        QCOMPARE(added.exitCode, 0);
        QCOMPARE(added.out.count(QLatin1Char('\n')), 2);
        QVERIFY2(added.err.contains(QStringLiteral("contact e-mail")), qPrintable(added.err));   // said once, before any fetch
        auto list = cli({QStringLiteral("feeds"), QStringLiteral("list")});
        QVERIFY2(list.out.contains(QStringLiteral("CIK=0001652044&type=8-K")), qPrintable(list.out));
        QVERIFY2(list.out.contains(QStringLiteral("companyfacts/CIK0001652044.json")), qPrintable(list.out));
        QCOMPARE(cli({QStringLiteral("feeds"), QStringLiteral("add-sec"), QStringLiteral("GOOGL"), QStringLiteral("x")}).exitCode, 2);
        // Without a CIK: the SEC's list knows Costco's (909832); an unlisted symbol is refused with why.
        auto costco = cli({QStringLiteral("feeds"), QStringLiteral("add-sec"), QStringLiteral("cost")});
        QVERIFY2(costco.exitCode == 0, qPrintable(costco.err));
        QVERIFY2(cli({QStringLiteral("feeds"), QStringLiteral("list")}).out.contains(QStringLiteral("CIK=0000909832&type=8-K")),
                 qPrintable(costco.out));
        auto unknown = cli({QStringLiteral("feeds"), QStringLiteral("add-sec"), QStringLiteral("NOSUCHCO")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QStringLiteral("no SEC CIK known for NOSUCHCO")), qPrintable(unknown.err));
        QCOMPARE(cli({QStringLiteral("feeds"), QStringLiteral("contact"), QStringLiteral("nobody")}).exitCode, 2);
        auto set = cli({QStringLiteral("feeds"), QStringLiteral("contact"), QStringLiteral("analyst@example.com")});
        QCOMPARE(set.exitCode, 0);
        QVERIFY2(set.out.contains(QStringLiteral("User-Agent: Tickerwire/")), qPrintable(set.out));
        QCOMPARE(cli({QStringLiteral("feeds"), QStringLiteral("contact")}).out.trimmed(), QStringLiteral("analyst@example.com"));
    }

    void ingestAcceptsEveryNewsFormat_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::newRow("atom") << QStringLiteral("atom/blog-xmlbase.atom") << QStringLiteral("atom");
        // EDGAR's filing feeds are Atom too, read as filings rather than news.
        QTest::newRow("edgar atom") << QStringLiteral("atom/edgar-meta-8k.atom") << QStringLiteral("sec-filing-feed");
        QTest::newRow("rdf") << QStringLiteral("rdf/rss1-slashcode.rdf") << QStringLiteral("rss1-rdf");
        QTest::newRow("json feed") << QStringLiteral("jsonfeed/microblog.json") << QStringLiteral("jsonfeed");
        QTest::newRow("google news") << QStringLiteral("rss/googlenews-search.rss") << QStringLiteral("rss");
        QTest::newRow("finnhub") << QStringLiteral("newsapi/finnhub-company-news-meta.json") << QStringLiteral("finnhub-news");
    }

    void ingestAcceptsEveryNewsFormat()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        auto run = twtest::runCli({QStringLiteral("--store"), m_sandbox.filePath(QStringLiteral("ingest.db")), QStringLiteral("ingest"),
                                   twtest::fixture(file)},
                                  m_sandbox.path());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral(": %1, ").arg(format)), qPrintable(run.out));
    }

    void providerScoresAreKeptBesideOurs()
    {
        const QString db = m_sandbox.filePath(QStringLiteral("provider.db"));
        auto run = twtest::runCli({QStringLiteral("--store"), db, QStringLiteral("ingest"),
                                   twtest::fixture(QStringLiteral("newsapi/alphavantage-news-sentiment-meta.json"))},
                                  m_sandbox.path());
        QCOMPARE(run.exitCode, 0);
        const auto counts = twtest::parseStats(twtest::runCli({QStringLiteral("--store"), db, QStringLiteral("stats")}, m_sandbox.path()).out);
        QCOMPARE(counts.value(QStringLiteral("articles")), qint64(2));
        QCOMPARE(counts.value(QStringLiteral("provider_scores")), qint64(5));   // 1 overall + 2 tickers, 1 overall + 1 ticker
    }

    void ingestOfAnErrorPageNamesTheCause()
    {
        auto run = twtest::runCli({QStringLiteral("--store"), m_sandbox.filePath(QStringLiteral("ingest.db")), QStringLiteral("ingest"),
                                   twtest::fixture(QStringLiteral("errors/yahoo-consent.html"))},
                                  m_sandbox.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("cookie-consent")), qPrintable(run.err));
    }

    // #18: a document nothing could be recovered from fails the command; a
    // repaired one succeeds and says what was wrong.
    void ingestSaysWhatItRecovered()
    {
        QTemporaryDir files;
        QFile cut(files.filePath(QStringLiteral("cut.rss")));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write("<rss version=\"2.0\"><channel><title>W</title><item><title>Contoso raises guid");
        cut.close();
        const QString db = m_sandbox.filePath(QStringLiteral("recovered.db"));
        auto failed = twtest::runCli({QStringLiteral("--store"), db, QStringLiteral("ingest"), cut.fileName()}, m_sandbox.path());
        QCOMPARE(failed.exitCode, 1);
        QVERIFY2(failed.err.contains(QStringLiteral(": 0 items: ")), qPrintable(failed.err));

        auto repaired = twtest::runCli({QStringLiteral("--store"), db, QStringLiteral("ingest"),
                                        twtest::fixture(QStringLiteral("feeds-broken/entity-in-channel.rss"))}, m_sandbox.path());
        QCOMPARE(repaired.exitCode, 0);
        QVERIFY2(repaired.out.contains(QStringLiteral("rss, 3 items, 3 new")), qPrintable(repaired.out));
        QVERIFY2(repaired.err.contains(QStringLiteral("warning: 3 items recovered from a damaged document (2 HTML entities")),
                 qPrintable(repaired.err));
    }

    void quotesImportIsIdempotent()
    {
        const QString db = m_sandbox.filePath(QStringLiteral("quotes.db"));
        const QString csv = twtest::fixture(QStringLiteral("prices/stooq-meta-us.csv"));
        auto first = twtest::runCli({QStringLiteral("--store"), db, QStringLiteral("quotes"), QStringLiteral("import"), csv,
                                     QStringLiteral("--ticker"), QStringLiteral("META"), QStringLiteral("--format"), QStringLiteral("stooq")},
                                    m_sandbox.path());
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.out.contains(QStringLiteral("4 bars, 4 new or changed")), qPrintable(first.out));
        auto second = twtest::runCli({QStringLiteral("--store"), db, QStringLiteral("quotes"), QStringLiteral("import"), csv,
                                      QStringLiteral("--ticker"), QStringLiteral("META")},
                                     m_sandbox.path());
        QVERIFY2(second.out.contains(QStringLiteral("0 new or changed, 4 unchanged")), qPrintable(second.out));
        auto wrong = twtest::runCli({QStringLiteral("--store"), db, QStringLiteral("quotes"), QStringLiteral("import"), csv,
                                     QStringLiteral("--format"), QStringLiteral("yahoo")},
                                    m_sandbox.path());
        QCOMPARE(wrong.exitCode, 1);
        auto noData = twtest::runCli({QStringLiteral("--store"), db, QStringLiteral("quotes"), QStringLiteral("import"),
                                      twtest::fixture(QStringLiteral("errors/stooq-no-data.txt")), QStringLiteral("--ticker"), QStringLiteral("XYZ")},
                                     m_sandbox.path());
        QCOMPARE(noData.exitCode, 1);
        QVERIFY(noData.err.contains(QStringLiteral("unknown symbol")));
        QCOMPARE(twtest::runCli({QStringLiteral("--store"), db, QStringLiteral("quotes")}, m_sandbox.path()).exitCode, 2);
    }

private:
    QTemporaryDir m_sandbox;
    twtest::TestHttpServer m_server;
};

QTEST_GUILESS_MAIN(TestFeedCommands)
#include "tst_feedcommands.moc"
