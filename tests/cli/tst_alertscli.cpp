#include "models/store/storeconnection.h"
#include "models/store/tickerstore.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using twtest::runCli;

// `tickerwire alerts ...` and the alerts that `ingest` prints, as a shell user
// meets them.
class TestAlertsCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_sandbox;

    QString store(const QString &name) const { return m_sandbox.filePath(name); }

    twtest::CliRun alerts(const QString &db, const QStringList &args)
    {
        return runCli(QStringList{QStringLiteral("--store"), db, QStringLiteral("alerts")} + args, m_sandbox.path());
    }

    static QStringList lines(const QString &out) { return out.split(QLatin1Char('\n'), Qt::SkipEmptyParts); }

private slots:
    void initTestCase()
    {
        // A store with the demo's tickers, for rules that name one.
        QCOMPARE(twtest::runDemoStats(store(QStringLiteral("demo.db")), m_sandbox.path()).exitCode, 0);
    }

    void invalidRulesExitTwoWithAReason_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad threshold") << QStringList{QStringLiteral("--kind"), QStringLiteral("score-threshold"),
                                                      QStringLiteral("--ticker"), QStringLiteral("META"),
                                                      QStringLiteral("--threshold"), QStringLiteral("140")}
                                       << QStringLiteral("bad threshold 140");
        QTest::newRow("threshold not a number")
            << QStringList{QStringLiteral("--kind"), QStringLiteral("price-move"), QStringLiteral("--threshold"),
                           QStringLiteral("five")}
            << QStringLiteral("bad threshold 'five'");
        QTest::newRow("unknown ticker") << QStringList{QStringLiteral("--kind"), QStringLiteral("price-move"),
                                                       QStringLiteral("--ticker"), QStringLiteral("XYZQ"),
                                                       QStringLiteral("--threshold"), QStringLiteral("5")}
                                        << QStringLiteral("unknown ticker 'XYZQ'");
        QTest::newRow("malformed query") << QStringList{QStringLiteral("--kind"), QStringLiteral("article-match"),
                                                        QStringLiteral("--query"), QStringLiteral("\"Muse Spark")}
                                         << QStringLiteral("malformed search query");
        QTest::newRow("unknown kind") << QStringList{QStringLiteral("--kind"), QStringLiteral("astrology")}
                                      << QStringLiteral("unknown kind 'astrology'");
        QTest::newRow("no kind") << QStringList{} << QStringLiteral("--kind is required");
        QTest::newRow("bad cooldown") << QStringList{QStringLiteral("--kind"), QStringLiteral("label-change"),
                                                     QStringLiteral("--cooldown"), QStringLiteral("soon")}
                                      << QStringLiteral("bad cooldown 'soon'");
    }

    void invalidRulesExitTwoWithAReason()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const auto run = alerts(store(QStringLiteral("demo.db")), QStringList{QStringLiteral("add")} + args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void usageMistakes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no subcommand") << QStringList{};
        QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("explode")};
        QTest::newRow("ack without id") << QStringList{QStringLiteral("ack")};
        QTest::newRow("ack with a word") << QStringList{QStringLiteral("ack"), QStringLiteral("first")};
        QTest::newRow("export without file") << QStringList{QStringLiteral("export")};
        QTest::newRow("bad since") << QStringList{QStringLiteral("fired"), QStringLiteral("--since"), QStringLiteral("May")};
    }

    void usageMistakes()
    {
        QFETCH(QStringList, args);
        const auto run = alerts(store(QStringLiteral("demo.db")), args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("Usage:")), qPrintable(run.err));
    }

    void demoInstallsTheDefaultRulesOnce()
    {
        const QString db = store(QStringLiteral("demo.db"));
        QCOMPARE(twtest::runDemoStats(db, m_sandbox.path()).exitCode, 0);
        const auto run = alerts(db, {QStringLiteral("list")});
        QCOMPARE(run.exitCode, 0);
        const QStringList rules = lines(run.out);
        QCOMPARE(rules.size(), 4);
        QVERIFY2(run.out.contains(QStringLiteral("label-change\tMETA score label change")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("price-move\tMETA moves 5% or more\tenabled, cooldown 1h")));
        QVERIFY(run.out.contains(QStringLiteral("guidance\tMETA new capex guidance")));
        QVERIFY(run.out.contains(QStringLiteral("article-match\tArticles about Muse Spark")));

        // The demo's own Muse Spark articles fired the article rule, once.
        const auto fired = alerts(db, {QStringLiteral("fired")});
        QCOMPARE(fired.exitCode, 0);
        QStringList muse;
        for (const QString &line : lines(fired.out)) {
            if (line.contains(QStringLiteral("Articles about Muse Spark")))
                muse << line;
        }
        QCOMPARE(muse.size(), 1);
        QVERIFY2(muse.first().contains(QStringLiteral("new articles matching \"Muse Spark\"")), qPrintable(muse.first()));
    }

    void ingestPrintsFiringsOnceAndFiredListsThem()
    {
        const QString db = store(QStringLiteral("ingest.db"));
        const QString feed = twtest::fixture(QStringLiteral("rss/newsroom-wordpress.rss"));
        const auto add = alerts(db, {QStringLiteral("add"), QStringLiteral("--kind"), QStringLiteral("article-match"),
                                     QStringLiteral("--query"), QStringLiteral("infrastructure OR \"Muse Spark\""),
                                     QStringLiteral("--name"), QStringLiteral("Meta AI news")});
        QCOMPARE(add.exitCode, 0);
        QVERIFY2(add.out.startsWith(QStringLiteral("added rule 1\tarticle-match\tMeta AI news")), qPrintable(add.out));

        auto first = runCli({QStringLiteral("--store"), db, QStringLiteral("ingest"), feed}, m_sandbox.path());
        QCOMPARE(first.exitCode, 0);
        const QStringList alertLines = lines(first.out).filter(QStringLiteral("alert "));
        QCOMPARE(alertLines.size(), 1);
        QVERIFY2(alertLines.first().contains(QStringLiteral("3 new articles matching")), qPrintable(first.out));
        QVERIFY(alertLines.first().contains(QStringLiteral("An Update on Our AI Infrastructure")));

        auto second = runCli({QStringLiteral("--store"), db, QStringLiteral("ingest"), feed}, m_sandbox.path());
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(!second.out.contains(QStringLiteral("alert ")), qPrintable(second.out));

        const auto fired = alerts(db, {QStringLiteral("fired")});
        QCOMPARE(fired.exitCode, 0);
        QCOMPARE(lines(fired.out).size(), 1);
        const QStringList fields = lines(fired.out).first().split(QLatin1Char('\t'));
        QCOMPARE(fields.size(), 4);
        QCOMPARE(fields.at(0), QStringLiteral("1"));
        QVERIFY(QDateTime::fromString(fields.at(1), Qt::ISODate).isValid());
        QCOMPARE(fields.at(2), QStringLiteral("Meta AI news"));
        QVERIFY(fields.at(3).contains(QStringLiteral("Introducing Muse Spark, the First Model From Meta Superintelligence Labs")));

        QCOMPARE(alerts(db, {QStringLiteral("fired"), QStringLiteral("--since"), QStringLiteral("2999-01-01")}).out,
                 QString());
        QCOMPARE(alerts(db, {QStringLiteral("ack"), QStringLiteral("1")}).exitCode, 0);
        QVERIFY(alerts(db, {QStringLiteral("fired")}).out.trimmed().endsWith(QStringLiteral("\tacknowledged")));
        const auto missing = alerts(db, {QStringLiteral("ack"), QStringLiteral("99")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QStringLiteral("no fired alert with id 99")));
    }

    void editChangesOnlyTheNamedSettings()
    {
        const QString db = store(QStringLiteral("edit.db"));
        QCOMPARE(twtest::runDemoStats(db, m_sandbox.path()).exitCode, 0);
        const auto edited = alerts(db, {QStringLiteral("edit"), QStringLiteral("2"), QStringLiteral("--threshold"),
                                        QStringLiteral("7.5"), QStringLiteral("--cooldown"), QStringLiteral("30m")});
        QCOMPARE(edited.exitCode, 0);
        QVERIFY2(edited.out.contains(QStringLiteral("2\tprice-move\tMETA moves 5% or more\tenabled, cooldown 30m")),
                 qPrintable(edited.out));
        const auto bad = alerts(db, {QStringLiteral("edit"), QStringLiteral("2"), QStringLiteral("--threshold"),
                                     QStringLiteral("0")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("bad threshold 0")), qPrintable(bad.err));
        QCOMPARE(alerts(db, {QStringLiteral("edit"), QStringLiteral("42")}).exitCode, 1);
        QCOMPARE(alerts(db, {QStringLiteral("disable"), QStringLiteral("2")}).exitCode, 0);
        QVERIFY(alerts(db, {QStringLiteral("list")}).out.contains(QStringLiteral("META moves 5% or more\tdisabled")));
    }

    // A quote update is a trigger too: `quotes import` runs the rules after it.
    void quoteImportFiresAPriceMoveOnce()
    {
        const QString db = store(QStringLiteral("quotes.db"));
        {
            auto opened = tw::StoreConnection::open(db, QStringLiteral("quotes-setup"));
            QVERIFY(opened.ok());
            tw::TickerInfo meta;
            meta.symbol = QStringLiteral("META");
            QVERIFY(tw::TickerStore((*opened)->database()).upsert(meta).ok());
        }
        QCOMPARE(alerts(db, {QStringLiteral("add"), QStringLiteral("--kind"), QStringLiteral("price-move"),
                             QStringLiteral("--ticker"), QStringLiteral("META"), QStringLiteral("--threshold"),
                             QStringLiteral("1.5")})
                     .exitCode,
                 0);
        const QString csv = twtest::fixture(QStringLiteral("prices/stooq-meta-us.csv"));
        const QStringList import{QStringLiteral("--store"), db, QStringLiteral("quotes"), QStringLiteral("import"), csv,
                                 QStringLiteral("--ticker"), QStringLiteral("META")};
        const auto first = runCli(import, m_sandbox.path());
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.out.contains(QStringLiteral(
                     "alert 1: META price move >= 1.5%: META moved +1.8% on 2026-04-09 (close 612.40 against 601.30 on 2026-04-08)")),
                 qPrintable(first.out + first.err));
        const auto second = runCli(import, m_sandbox.path());
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(!second.out.contains(QStringLiteral("alert ")), qPrintable(second.out));
    }

    void exportThenImportIntoAnotherStore()
    {
        const QString from = store(QStringLiteral("demo.db"));
        const QString file = m_sandbox.filePath(QStringLiteral("rules.json"));
        const auto exported = alerts(from, {QStringLiteral("export"), file});
        QCOMPARE(exported.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(twtest::readAll(file)).object();
        QCOMPARE(doc.value(QStringLiteral("rules")).toArray().size(), 4);

        const QString to = store(QStringLiteral("imported.db"));
        QCOMPARE(twtest::runDemoStats(to, m_sandbox.path()).exitCode, 0);
        // The demo already holds these four: importing them adds nothing.
        const auto again = alerts(to, {QStringLiteral("import"), file});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains(QStringLiteral("imported 0 rules (4 already present)")), qPrintable(again.out));

        const QString empty = store(QStringLiteral("empty.db"));
        const auto refused = alerts(empty, {QStringLiteral("import"), file});
        QCOMPARE(refused.exitCode, 2);   // no tickers there: META is unknown
        QVERIFY2(refused.err.contains(QStringLiteral("unknown ticker 'META'")), qPrintable(refused.err));
        QCOMPARE(alerts(empty, {QStringLiteral("list")}).out, QString());
    }
};

QTEST_GUILESS_MAIN(TestAlertsCli)
#include "tst_alertscli.moc"
