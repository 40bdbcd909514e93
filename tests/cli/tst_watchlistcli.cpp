#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using twtest::runCli;

// A new analyst's first minutes from the shell: a watchlist of any listed
// company, its usual feeds, its news linked and scored; the demo kept apart
// from their store; commands that only read never create a store.
class TestWatchlistCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_sandbox;

    QString store(const QString &name) const { return m_sandbox.filePath(name); }
    QStringList on(const QString &db, QStringList args) const
    {
        return QStringList{QStringLiteral("--store"), db} + args;
    }

private slots:
    void addListsNamesAliasesAndExchanges()
    {
        const QString db = store(QStringLiteral("fresh.db"));
        const auto add = runCli(on(db, {QStringLiteral("watchlist"), QStringLiteral("add"), QStringLiteral("META"),
                                        QStringLiteral("COST"), QStringLiteral("net")}),
                                m_sandbox.path());
        QVERIFY2(add.exitCode == 0, qPrintable(add.err + add.out));
        const auto list = runCli(on(db, {QStringLiteral("watchlist"), QStringLiteral("list")}), m_sandbox.path());
        QCOMPARE(list.exitCode, 0);
        const QStringList lines = list.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);   // header + 3
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("META\tMeta Platforms\tNasdaq\t")), qPrintable(lines.at(1)));
        QVERIFY(lines.at(1).contains(QStringLiteral("Meta")));
        QVERIFY(lines.at(1).contains(QStringLiteral("Facebook parent")));   // the workspace's own names come along
        QVERIFY2(lines.at(2).startsWith(QStringLiteral("COST\tCostco Wholesale\tNasdaq\tCostco Wholesale, Costco")),
                 qPrintable(lines.at(2)));
        QVERIFY2(lines.at(3).startsWith(QStringLiteral("NET\tCloudflare\tNYSE\tCloudflare")), qPrintable(lines.at(3)));

        // A second share class is the same company.
        const auto again = runCli(on(db, {QStringLiteral("watchlist"), QStringLiteral("add"), QStringLiteral("COST")}),
                                  m_sandbox.path());
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.contains(QStringLiteral("is on the watchlist")));

        // Order, aliases, removal.
        QCOMPARE(runCli(on(db, {QStringLiteral("watchlist"), QStringLiteral("move"), QStringLiteral("NET"),
                                QStringLiteral("--to"), QStringLiteral("1")}),
                        m_sandbox.path())
                     .out.trimmed(),
                 QStringLiteral("NET META COST"));
        const auto aliases = runCli(on(db, {QStringLiteral("watchlist"), QStringLiteral("aliases"), QStringLiteral("COST"),
                                            QStringLiteral("--add"), QStringLiteral("Kirkland Signature"),
                                            QStringLiteral("--remove"), QStringLiteral("Costco Wholesale")}),
                                    m_sandbox.path());
        QCOMPARE(aliases.exitCode, 0);
        QVERIFY2(aliases.out.startsWith(QStringLiteral("COST\tCostco, Kirkland Signature")), qPrintable(aliases.out));
        QCOMPARE(runCli(on(db, {QStringLiteral("watchlist"), QStringLiteral("remove"), QStringLiteral("META")}),
                        m_sandbox.path())
                     .exitCode,
                 0);
        const auto after = runCli(on(db, {QStringLiteral("watchlist"), QStringLiteral("list")}), m_sandbox.path());
        QVERIFY(!after.out.contains(QStringLiteral("META\t")));
    }

    void unknownTickersAreRefusedWithTheClosestMatches()
    {
        const QString db = store(QStringLiteral("typo.db"));
        const auto run = runCli(on(db, {QStringLiteral("watchlist"), QStringLiteral("add"), QStringLiteral("COSTT")}),
                                m_sandbox.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("Did you mean")) && run.err.contains(QStringLiteral("COST (Costco Wholesale")),
                 qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(db));   // refused before the store was touched
    }

    void addByNameOrCik()
    {
        const QString db = store(QStringLiteral("byname.db"));
        const auto add = runCli(on(db, {QStringLiteral("watchlist"), QStringLiteral("add"), QStringLiteral("Costco Wholesale Corp."),
                                        QStringLiteral("0000320193"), QStringLiteral("CIK1318605")}),
                                m_sandbox.path());
        QVERIFY2(add.exitCode == 0, qPrintable(add.err + add.out));
        const auto list = runCli(on(db, {QStringLiteral("watchlist"), QStringLiteral("list")}), m_sandbox.path());
        const QStringList lines = list.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("COST\tCostco Wholesale\t")), qPrintable(lines.at(1)));
        QVERIFY2(lines.at(2).startsWith(QStringLiteral("AAPL\tApple\t")), qPrintable(lines.at(2)));
        QVERIFY2(lines.at(3).startsWith(QStringLiteral("TSLA\tTesla\t")), qPrintable(lines.at(3)));

        // Taken off by any of its names too.
        const auto remove = runCli(on(db, {QStringLiteral("watchlist"), QStringLiteral("remove"), QStringLiteral("costco")}),
                                   m_sandbox.path());
        QVERIFY2(remove.exitCode == 0 && remove.out.contains(QStringLiteral("removed COST")), qPrintable(remove.err));
        const auto after = runCli(on(db, {QStringLiteral("watchlist"), QStringLiteral("list")}), m_sandbox.path());
        QVERIFY(!after.out.contains(QStringLiteral("COST\t")));
    }

    // A ticker wins over a name, and the analyst is told whose name it also is.
    void aTickerThatIsAlsoAnotherCompanysNameSaysSo()
    {
        const QString db = store(QStringLiteral("hp.db"));
        const auto run = runCli(on(db, {QStringLiteral("watchlist"), QStringLiteral("add"), QStringLiteral("HP")}),
                                m_sandbox.path());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(QStringLiteral("added HP: Helmerich & Payne"))
                     && run.out.contains(QStringLiteral("'HP' is also the name of HP (HPQ)")),
                 qPrintable(run.out));
        // Also when the other company goes by it as a shorter name.
        const auto iron = runCli(on(store(QStringLiteral("iron.db")), {QStringLiteral("watchlist"), QStringLiteral("add"),
                                                                      QStringLiteral("iron")}),
                                 m_sandbox.path());
        QCOMPARE(iron.exitCode, 0);
        QVERIFY2(iron.out.startsWith(QStringLiteral("added IRON")) && iron.out.contains(QStringLiteral("(IRM)")),
                 qPrintable(iron.out));
    }

    void anAmbiguousNameIsRefusedWithItsCompanies()
    {
        const QString db = store(QStringLiteral("ambiguous.db"));
        const auto run = runCli(on(db, {QStringLiteral("watchlist"), QStringLiteral("add"), QStringLiteral("First Bancorp")}),
                                m_sandbox.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("3 listed companies")) && run.err.contains(QStringLiteral("FBP ("))
                     && run.err.contains(QStringLiteral("FBNC (")) && run.err.contains(QStringLiteral("by its ticker")),
                 qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(db));   // refused before the store was touched
    }

    void defaultFeedsUseTheCompanysCikAndName()
    {
        const QString db = store(QStringLiteral("feeds.db"));
        QCOMPARE(runCli(on(db, {QStringLiteral("watchlist"), QStringLiteral("add"), QStringLiteral("COST"),
                                QStringLiteral("NET")}),
                        m_sandbox.path())
                     .exitCode,
                 0);
        const auto add = runCli(on(db, {QStringLiteral("feeds"), QStringLiteral("add-defaults")}), m_sandbox.path());
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        QVERIFY2(add.err.contains(QStringLiteral("contact")), qPrintable(add.err));   // SEC needs an address first
        const auto list = runCli(on(db, {QStringLiteral("feeds"), QStringLiteral("list")}), m_sandbox.path());
        QVERIFY2(list.out.contains(QStringLiteral("CIK=0000909832")), qPrintable(list.out));
        QVERIFY(list.out.contains(QStringLiteral("CIK=0001477333")));
        QVERIFY(list.out.contains(QStringLiteral("q=%22Costco%20Wholesale%22")) || list.out.contains(QStringLiteral("q=%22Costco+Wholesale%22")));
        QVERIFY(list.out.contains(QStringLiteral("chart/COST?")));
        QVERIFY(list.out.contains(QStringLiteral("headline?s=NET")));
        const QRegularExpression disabledKeyed(QStringLiteral("alphavantage-daily\\tCOST\\tdisabled"));
        QVERIFY2(list.out.contains(disabledKeyed), qPrintable(list.out));

        const auto one = runCli(on(db, {QStringLiteral("feeds"), QStringLiteral("add-defaults"), QStringLiteral("--ticker"),
                                        QStringLiteral("AAPL")}),
                                m_sandbox.path());
        QCOMPARE(one.exitCode, 1);
        QVERIFY(one.err.contains(QStringLiteral("watchlist add AAPL")));

        // SEC EDGAR is never asked without a contact address; the feed says why.
        // (Only the SEC feeds stay enabled: nothing here goes to the network.)
        for (const QString &line : list.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(1)) {
            if (!line.contains(QStringLiteral("sec.gov")))
                runCli(on(db, {QStringLiteral("feeds"), QStringLiteral("disable"), line.section(QLatin1Char('\t'), 0, 0)}),
                       m_sandbox.path());
        }
        const auto fetch = runCli(on(db, {QStringLiteral("fetch")}), m_sandbox.path());
        QCOMPARE(fetch.exitCode, 0);
        QVERIFY2(fetch.out.contains(QStringLiteral("SEC EDGAR requires")), qPrintable(fetch.out));
        const auto after = runCli(on(db, {QStringLiteral("feeds"), QStringLiteral("list")}), m_sandbox.path());
        for (const QString &line : after.out.split(QLatin1Char('\n'))) {
            if (line.contains(QStringLiteral("sec.gov")))
                QVERIFY2(line.contains(QStringLiteral("SEC EDGAR requires")), qPrintable(line));
        }
        QCOMPARE(runCli({QStringLiteral("feeds"), QStringLiteral("contact"), QStringLiteral("not-an-address")},
                        m_sandbox.path())
                     .exitCode,
                 2);
        QCOMPARE(runCli({QStringLiteral("feeds"), QStringLiteral("contact"), QStringLiteral("analyst@example.com")},
                        m_sandbox.path())
                     .exitCode,
                 0);
        QCOMPARE(runCli({QStringLiteral("feeds"), QStringLiteral("contact")}, m_sandbox.path()).out.trimmed(),
                 QStringLiteral("analyst@example.com"));
    }

    void ingestedHeadlinesLinkAndScore()
    {
        const QString db = store(QStringLiteral("ingest.db"));
        QCOMPARE(runCli(on(db, {QStringLiteral("watchlist"), QStringLiteral("add"), QStringLiteral("META"),
                                QStringLiteral("COST"), QStringLiteral("NET")}),
                        m_sandbox.path())
                     .exitCode,
                 0);
        const auto ingest = runCli(on(db, {QStringLiteral("ingest"), twtest::fixture(QStringLiteral("linking/costco-cloudflare.rss"))}),
                                   m_sandbox.path());
        QVERIFY2(ingest.exitCode == 0, qPrintable(ingest.err));
        const auto stats = twtest::parseStats(runCli(on(db, {QStringLiteral("stats")}), m_sandbox.path()).out);
        QCOMPARE(stats.value(QStringLiteral("articles")), qint64(5));
        QCOMPARE(stats.value(QStringLiteral("article_tickers")), qint64(4));   // not "cost of living"
        const auto score = runCli(on(db, {QStringLiteral("score"), QStringLiteral("--ticker"), QStringLiteral("COST")}),
                                  m_sandbox.path());
        QVERIFY2(score.exitCode == 0, qPrintable(score.err));
        QVERIFY2(score.out.contains(QRegularExpression(QStringLiteral("^COST: \\d+ "))), qPrintable(score.out));
        // Both Cloudflare stories (19 days apart) count in the long term.
        const auto net = runCli(on(db, {QStringLiteral("score"), QStringLiteral("--ticker"), QStringLiteral("NET"),
                                        QStringLiteral("--horizon"), QStringLiteral("long")}),
                                m_sandbox.path());
        QVERIFY2(net.out.contains(QStringLiteral("(2 stories")), qPrintable(net.out));
    }

    void addingATickerLinksArticlesAlreadyStored()
    {
        const QString db = store(QStringLiteral("later.db"));
        QCOMPARE(runCli(on(db, {QStringLiteral("ingest"), twtest::fixture(QStringLiteral("linking/costco-cloudflare.rss"))}),
                        m_sandbox.path())
                     .exitCode,
                 0);
        QCOMPARE(twtest::parseStats(runCli(on(db, {QStringLiteral("stats")}), m_sandbox.path()).out)
                     .value(QStringLiteral("article_tickers")),
                 qint64(0));
        const auto add = runCli(on(db, {QStringLiteral("watchlist"), QStringLiteral("add"), QStringLiteral("COST")}),
                                m_sandbox.path());
        QVERIFY2(add.out.contains(QStringLiteral("linked stored articles: 2 of")), qPrintable(add.out));
        QCOMPARE(twtest::parseStats(runCli(on(db, {QStringLiteral("stats")}), m_sandbox.path()).out)
                     .value(QStringLiteral("article_tickers")),
                 qint64(2));
        QVERIFY(runCli(on(db, {QStringLiteral("score"), QStringLiteral("--ticker"), QStringLiteral("COST")}), m_sandbox.path())
                    .out.startsWith(QStringLiteral("COST: ")));
    }

    void readingCommandsRefuseAStoreThatDoesNotExist_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("stats") << QStringList{QStringLiteral("stats")};
        QTest::newRow("export") << QStringList{QStringLiteral("export"), QStringLiteral("articles")};
        QTest::newRow("events") << QStringList{QStringLiteral("events")};
        QTest::newRow("guidance") << QStringList{QStringLiteral("guidance")};
        QTest::newRow("score") << QStringList{QStringLiteral("score"), QStringLiteral("--ticker"), QStringLiteral("META")};
        QTest::newRow("alerts list") << QStringList{QStringLiteral("alerts"), QStringLiteral("list")};
        QTest::newRow("feeds list") << QStringList{QStringLiteral("feeds"), QStringLiteral("list")};
        QTest::newRow("watchlist list") << QStringList{QStringLiteral("watchlist"), QStringLiteral("list")};
    }

    void readingCommandsRefuseAStoreThatDoesNotExist()
    {
        QFETCH(QStringList, args);
        const QString typo = store(QStringLiteral("tpyo.db"));
        const auto run = runCli(on(typo, args), m_sandbox.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("there is no store at")), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(typo));
    }

    void theDemoNeverTouchesTheDefaultStore()
    {
        QTemporaryDir home;
        const auto demo = runCli({QStringLiteral("--demo"), QStringLiteral("stats")}, home.path());
        QCOMPARE(demo.exitCode, 0);
        QVERIFY(twtest::parseStats(demo.out).value(QStringLiteral("articles")) >= 25);
        const QString dataDir = home.path() + QStringLiteral("/data/tickerwire/tickerwire");
        QVERIFY2(QFileInfo::exists(dataDir + QStringLiteral("/demo.db")), qPrintable(demo.err));
        QVERIFY(!QFileInfo::exists(dataDir + QStringLiteral("/store.db")));
        // The default store, opened afterwards, is empty.
        const auto own = runCli({QStringLiteral("stats")}, home.path());
        QCOMPARE(own.exitCode, 0);
        for (qint64 rows : twtest::parseStats(own.out))
            QCOMPARE(rows, qint64(0));
        // A second --demo reuses the demo store as built.
        const auto again = runCli({QStringLiteral("--demo"), QStringLiteral("stats")}, home.path());
        QVERIFY(!again.err.contains(QStringLiteral("built")));
        QCOMPARE(twtest::parseStats(again.out), twtest::parseStats(demo.out));
    }

    void removeDemoTakesOnlyTheDemoRows()
    {
        const QString db = store(QStringLiteral("mixed.db"));
        // What an older build left: the demo loaded into the analyst's store,
        // beside their own company, news, prices and rule.
        QCOMPARE(twtest::runDemoStats(db, m_sandbox.path()).exitCode, 0);
        QCOMPARE(runCli(on(db, {QStringLiteral("watchlist"), QStringLiteral("add"), QStringLiteral("COST"), QStringLiteral("NET")}),
                        m_sandbox.path())
                     .exitCode,
                 0);
        QCOMPARE(runCli(on(db, {QStringLiteral("ingest"), twtest::fixture(QStringLiteral("linking/costco-cloudflare.rss"))}),
                        m_sandbox.path())
                     .exitCode,
                 0);
        QCOMPARE(runCli(on(db, {QStringLiteral("quotes"), QStringLiteral("import"),
                                twtest::fixture(QStringLiteral("prices/stooq-meta-us.csv")), QStringLiteral("--ticker"),
                                QStringLiteral("META")}),
                        m_sandbox.path())
                     .exitCode,
                 0);
        QCOMPARE(runCli(on(db, {QStringLiteral("alerts"), QStringLiteral("add"), QStringLiteral("--kind"),
                                QStringLiteral("article-match"), QStringLiteral("--query"), QStringLiteral("outage")}),
                        m_sandbox.path())
                     .exitCode,
                 0);
        const auto before = twtest::parseStats(runCli(on(db, {QStringLiteral("stats")}), m_sandbox.path()).out);

        const auto refused = runCli(on(db, {QStringLiteral("store"), QStringLiteral("remove-demo")}), m_sandbox.path());
        QCOMPARE(refused.exitCode, 2);   // no terminal to confirm on, and no --yes
        QCOMPARE(twtest::parseStats(runCli(on(db, {QStringLiteral("stats")}), m_sandbox.path()).out), before);

        const auto removed = runCli(on(db, {QStringLiteral("store"), QStringLiteral("remove-demo"), QStringLiteral("--yes")}),
                                    m_sandbox.path());
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        const auto after = twtest::parseStats(runCli(on(db, {QStringLiteral("stats")}), m_sandbox.path()).out);
        QCOMPARE(after.value(QStringLiteral("articles")), qint64(5));        // the analyst's five
        QCOMPARE(after.value(QStringLiteral("alert_rules")), qint64(1));     // theirs
        QCOMPARE(after.value(QStringLiteral("tickers")), before.value(QStringLiteral("tickers")));
        QCOMPARE(after.value(QStringLiteral("feeds")), before.value(QStringLiteral("feeds")));
        QVERIFY(after.value(QStringLiteral("quotes")) > 0);                  // their imported bars
        QVERIFY(after.value(QStringLiteral("quotes")) < before.value(QStringLiteral("quotes")));
        QCOMPARE(after.value(QStringLiteral("article_tickers")), qint64(4));
        const auto export_ = runCli(on(db, {QStringLiteral("export"), QStringLiteral("quotes")}), m_sandbox.path());
        QVERIFY(!export_.out.contains(QStringLiteral(",demo")));
        const auto rules = runCli(on(db, {QStringLiteral("alerts"), QStringLiteral("list")}), m_sandbox.path());
        QVERIFY(rules.out.contains(QStringLiteral("outage")));
        QVERIFY(!rules.out.contains(QStringLiteral("Muse Spark")));
        // META's running score state counted the demo's stories: it is built
        // again from what is left, so no story of the demo still counts.
        const auto meta = runCli(on(db, {QStringLiteral("score"), QStringLiteral("--ticker"), QStringLiteral("META")}),
                                 m_sandbox.path());
        QCOMPARE(meta.exitCode, 0);
        QCOMPARE(meta.out.count(QStringLiteral("(0 stories, evidence 0.00")), 3);
        // Nothing left to remove.
        QVERIFY(runCli(on(db, {QStringLiteral("store"), QStringLiteral("remove-demo"), QStringLiteral("--yes")}), m_sandbox.path())
                    .out.contains(QStringLiteral("no demo rows")));
    }
};

QTEST_GUILESS_MAIN(TestWatchlistCli)
#include "tst_watchlistcli.moc"
