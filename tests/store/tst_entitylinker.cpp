#include "models/linking/entitylinker.h"

#include <QTest>

using namespace tw;

namespace {
QList<TickerInfo> workspace()
{
    return {
        {QStringLiteral("META"), QStringLiteral("Meta Platforms, Inc."), QStringLiteral("NASDAQ"),
         QStringLiteral("America/New_York"),
         {QStringLiteral("Meta Platforms"), QStringLiteral("Meta"), QStringLiteral("Facebook parent"),
          QStringLiteral("Meta Superintelligence Labs")},
         true, 0},
        {QStringLiteral("GOOGL"), QStringLiteral("Alphabet Inc."), QStringLiteral("NASDAQ"),
         QStringLiteral("America/New_York"), {QStringLiteral("Alphabet"), QStringLiteral("Google")}, true, 1},
    };
}

QStringList tickersIn(const QList<EntityMention> &mentions)
{
    QStringList t;
    for (const auto &m : mentions)
        t << m.ticker;
    return t;
}
} // namespace

class TestEntityLinker : public QObject {
    Q_OBJECT

private slots:
    void findsNamesAliasesCashtagsAndSymbols_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("name") << QStringLiteral("Meta unveiled Muse Spark.") << QStringList{QStringLiteral("META")};
        QTest::newRow("longest alias wins") << QStringLiteral("Meta Platforms guided higher.")
                                            << QStringList{QStringLiteral("META")};
        QTest::newRow("possessive") << QStringLiteral("Meta's capex plan") << QStringList{QStringLiteral("META")};
        QTest::newRow("cashtag") << QStringLiteral("$META up 9% as $googl lags")
                                 << QStringList{QStringLiteral("META"), QStringLiteral("GOOGL")};
        QTest::newRow("symbol in capitals") << QStringLiteral("Shares of META (NASDAQ: META) rose")
                                            << QStringList{QStringLiteral("META"), QStringLiteral("META")};
        QTest::newRow("alias phrase") << QStringLiteral("The Facebook parent said") << QStringList{QStringLiteral("META")};
        QTest::newRow("hyphenated owner") << QStringLiteral("Meta-owned WhatsApp") << QStringList{QStringLiteral("META")};
        QTest::newRow("metadata") << QStringLiteral("The metadata of each photo") << QStringList{};
        QTest::newRow("meta-analysis") << QStringLiteral("A meta-analysis of benchmarks") << QStringList{};
        QTest::newRow("Meta-analysis at sentence start") << QStringLiteral("Meta-analysis shows little.")
                                                         << QStringList{};
        QTest::newRow("metaverse") << QStringLiteral("the Metaverse push") << QStringList{};
        QTest::newRow("lowercase symbol is a word") << QStringLiteral("a meta discussion") << QStringList{};
        QTest::newRow("unknown cashtag") << QStringLiteral("$XYZ jumps") << QStringList{};
        QTest::newRow("url") << QStringLiteral("see https://example.com/Meta") << QStringList{};
    }

    void findsNamesAliasesCashtagsAndSymbols()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        const EntityLinker linker(workspace());
        QCOMPARE(tickersIn(linker.mentions(text)), expected);
    }

    void offsetsPointAtTheMention()
    {
        const EntityLinker linker(workspace());
        const QString text = QStringLiteral("Analysts said Meta Platforms will spend more.");
        const auto found = linker.mentions(text);
        QCOMPARE(found.size(), 1);
        QCOMPARE(text.mid(found[0].start, found[0].length), QStringLiteral("Meta Platforms"));
    }

    void titleAndLeadWeighMoreThanAPassingMention()
    {
        const EntityLinker linker(workspace());
        Article a;
        a.title = QStringLiteral("Meta unveils Muse Spark");
        a.summary = QStringLiteral("Meta Superintelligence Labs shipped its first model.");
        a.body = QStringLiteral("The model trails Google's best on one index. Meta said more is coming.");
        const auto links = linker.link(a);
        QCOMPARE(links.size(), 2);
        QCOMPARE(links[0].ticker, QStringLiteral("META"));
        QCOMPARE(links[1].ticker, QStringLiteral("GOOGL"));
        QVERIFY(links[0].relevance >= 0.8);
        QVERIFY(links[1].relevance < 0.25);
        QCOMPARE(links[0].mentions, 3);
    }

    void providerTagsLinkEvenWithoutATextMatch()
    {
        const EntityLinker linker(workspace());
        Article a;
        a.title = QStringLiteral("Big tech spending roundup");
        a.providerTickers = {QStringLiteral("googl"), QStringLiteral("TSLA")};
        const auto links = linker.link(a);
        QCOMPARE(links.size(), 1);
        QCOMPARE(links[0].ticker, QStringLiteral("GOOGL"));
        QCOMPARE(links[0].relevance, 0.5);
    }
};

QTEST_GUILESS_MAIN(TestEntityLinker)
#include "tst_entitylinker.moc"
