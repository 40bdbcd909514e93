#include "models/directory/companydirectory.h"
#include "models/directory/watchlistentry.h"
#include "models/linking/entitylinker.h"
#include "models/linking/linkingevaluation.h"
#include "models/linking/texttokens.h"
#include "testsupport.h"

#include <QRandomGenerator>
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

// The bundled watchlist plus COST, NET, F and AAPL, named as `watchlist add` names them.
QList<TickerInfo> wideWatchlist()
{
    QList<TickerInfo> out;
    const QList<TickerInfo> curated = WatchlistEntry::curated();
    for (const char *t : {"META", "GOOGL", "MSFT", "NVDA", "AMZN", "COST", "NET", "F", "AAPL"}) {
        const CompanyRecord *c = CompanyDirectory::builtIn().byTicker(QString::fromLatin1(t));
        if (c)
            out << WatchlistEntry::fromDirectory(*c, QString::fromLatin1(t), curated);
    }
    return out;
}

QStringList linkedIn(const EntityLinker &linker, const QString &title, const QString &lead = {})
{
    Article a;
    a.title = title;
    a.summary = lead;
    QStringList t;
    for (const TickerLink &l : linker.link(a))
        t << l.ticker;
    t.sort();
    return t;
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

    void sensesAndOtherCompanies_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QStringList>("expected");
        auto row = [](const char *name, const char *title, QStringList expected) {
            QTest::newRow(name) << QString::fromUtf8(title) << expected;
        };
        // Another listed company's longer name, or another organisation's.
        row("directory name", "Apple Hospitality REIT raises its monthly distribution", {});
        row("organisation word", "Meta Financial Group posts record deposits", {});
        row("industry word", "Meta Materials shares halted pending news", {});
        row("foundation", "Ford Foundation pledges new grants", {});
        // Another sense of the word.
        row("river", "Amazon rainforest deforestation falls to a ten-year low", {});
        row("the Amazon", "Scientists map carbon loss across the Amazon basin", {});
        row("sky", "Azure skies expected for the weekend", {});
        row("crypto exchange", "Gemini crypto exchange files for IPO", {});
        row("rover", "NASA's MSL rover finds organic molecules", {});
        row("recipe", "Apple pie recipe for a crowd", {});
        row("person", "Harrison Ford to receive honorary award", {});
        // Tickers that are words.
        row("cost", "Cost of living rises again", {});
        row("NET in capitals", "NET ZERO: the firms that missed their targets", {});
        row("F", "Temperatures hit 104 degrees F in Phoenix", {});
        row("cashtag", "$COST slips after sales miss", {QStringLiteral("COST")});
        row("exchange tag", "Ford Motor Co. (NYSE: F) reports results", {QStringLiteral("F")});
        row("Reuters code", "COST.O falls 2% in early trading", {QStringLiteral("COST")});
        row("beside the name", "NET stock: Cloudflare beats estimates", {QStringLiteral("NET")});
        // The company itself.
        row("the company acts", "Ford recalls 1.9 million vehicles", {QStringLiteral("F")});
        row("business words", "EU fines Apple over App Store rules", {QStringLiteral("AAPL")});
        row("two names vouch", "Google's Gemini tops coding benchmark", {QStringLiteral("GOOGL")});
        row("share class", "GOOG shares outperform", {QStringLiteral("GOOGL")});
        row("company and river", "Amazon pledges $1 billion to protect the Amazon rainforest", {QStringLiteral("AMZN")});
        row("list", "Nvidia, Apple and Microsoft lead Nasdaq to record close",
            {QStringLiteral("AAPL"), QStringLiteral("MSFT"), QStringLiteral("NVDA")});
    }

    void sensesAndOtherCompanies()
    {
        QFETCH(QString, title);
        QFETCH(QStringList, expected);
        static const EntityLinker linker(wideWatchlist());
        QCOMPARE(linkedIn(linker, title), expected);
    }

    // EDGAR writes possessive brands without the apostrophe ("MCDONALDS CORP",
    // "MOODYS CORP", "KOHLS Corp") or with it inside a longer name ("DICK'S
    // Sporting Goods"); the news writes "McDonald's", "Dick's Sporting Goods".
    void possessiveBrandNames_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QStringList>("expected");
        auto row = [](const char *title, QStringList expected) {
            QTest::newRow(title) << QString::fromUtf8(title) << expected;
        };
        row("McDonald's sales fall as diners pull back", {QStringLiteral("MCD")});
        row("McDonald\u2019s to raise menu prices", {QStringLiteral("MCD")});
        row("Moody's cuts US credit rating", {QStringLiteral("MCO")});
        row("Kohl's shares jump on earnings", {QStringLiteral("KSS")});
        row("Dick's Sporting Goods beats estimates", {QStringLiteral("DKS")});
        row("BJ's Wholesale Club raises membership fees", {QStringLiteral("BJ")});
        // Still not the bare word, nor another person's.
        row("Ronald McDonald House opens in Denver", {});
        row("Kohl said the talks would resume", {});
    }

    void possessiveBrandNames()
    {
        QFETCH(QString, title);
        QFETCH(QStringList, expected);
        static const EntityLinker linker = [] {
            QList<TickerInfo> watch;
            for (const char *t : {"MCD", "MCO", "KSS", "DKS", "BJ"})
                watch << WatchlistEntry::fromDirectory(*CompanyDirectory::builtIn().byTicker(QString::fromLatin1(t)),
                                                       QString::fromLatin1(t), {});
            return EntityLinker(watch);
        }();
        QCOMPARE(linkedIn(linker, title), expected);
    }

    void aHeadlineAloneIsAllAboutItsCompany()
    {
        const EntityLinker linker(wideWatchlist());
        Article a;
        a.title = QStringLiteral("Costco raises membership fees");
        const auto links = linker.link(a);
        QCOMPARE(links.size(), 1);
        QCOMPARE(links[0].relevancePercent(), 100);
        a.summary = QStringLiteral("Walmart and Target lag behind the warehouse club.");
        a.body = QStringLiteral("Analysts compared it with Amazon's grocery push.");
        const auto more = linker.link(a);
        QCOMPARE(more.size(), 2);
        QVERIFY(more[0].relevancePercent() >= 60);
        QCOMPARE(more[1].ticker, QStringLiteral("AMZN"));
        QVERIFY(more[1].relevancePercent() <= 20);   // a passing mention
    }

    // The words the linker matches names against, with their flags.
    void tokenizerSplitsWordsAndFlagsThem()
    {
        const QString text = QStringLiteral("META'S AT&T deal: Amazon’s U.S. unit, investors' Meta-owned İstanbul Café's x—Meta's— "
                                            "see https://x.com/Meta @Meta and Amazon.com");
        const TokenizedText tt = TextTokenizer::tokenize(text);
        QStringList words;
        QStringList lowers;
        for (const TextToken &t : tt.tokens) {
            words << t.text.toString();
            lowers << t.lower.toString();
        }
        QCOMPARE(words, (QStringList{QStringLiteral("META"), QStringLiteral("AT&T"), QStringLiteral("deal"), QStringLiteral("Amazon"),
                                     QStringLiteral("U.S"), QStringLiteral("unit"), QStringLiteral("investors"), QStringLiteral("Meta"),
                                     QStringLiteral("owned"), QStringLiteral("İstanbul"), QStringLiteral("Café"), QStringLiteral("x"),
                                     QStringLiteral("Meta"), QStringLiteral("see"), QStringLiteral("and"), QStringLiteral("Amazon.com")}));
        QCOMPARE(lowers, (QStringList{QStringLiteral("meta"), QStringLiteral("at&t"), QStringLiteral("deal"), QStringLiteral("amazon"),
                                      QStringLiteral("u.s"), QStringLiteral("unit"), QStringLiteral("investors"), QStringLiteral("meta"),
                                      QStringLiteral("owned"), QStringLiteral("İstanbul").toLower(), QStringLiteral("café"),
                                      QStringLiteral("x"), QStringLiteral("meta"), QStringLiteral("see"), QStringLiteral("and"),
                                      QStringLiteral("amazon.com")}));
        auto token = [&](int k) { return tt.tokens.at(k); };
        QVERIFY(token(0).possessive && token(0).allCaps && token(0).capitalized);
        QVERIFY(token(3).possessive && !token(3).allCaps && token(3).capitalized);   // "Amazon’s"
        QVERIFY(token(6).possessive);                                                // "investors' "
        QVERIFY(token(7).hyphenAfter && token(8).hyphenBefore);
        QVERIFY(token(10).possessive);                                               // "Café's"
        QVERIFY(token(12).possessive && !token(12).hyphenBefore);                    // "Meta's" after a dash
        QVERIFY(!token(2).possessive && !token(2).capitalized);
    }

    // Whatever the text, every token's lower case and hash are its word's, and
    // the folded copy differs from the text only inside the tokens.
    void tokensAgreeWithTheirWords()
    {
        const char16_t pieces[] = {u'a', u'S', u's', u'M', u'z', u'1', u'\'', 0x2019, u'.', u'&', u'-', u' ', u' ', u'/',
                                   u'@', u'_', 0x00E9, 0x0130, 0x00C9, 0x2014, u'\n', u'!', 0xD835, 0xDC00};
        QRandomGenerator rng(19);
        for (int round = 0; round < 3000; ++round) {
            QString text;
            const int length = rng.bounded(0, 40);
            for (int k = 0; k < length; ++k)
                text.append(QChar(pieces[rng.bounded(int(std::size(pieces)))]));
            const TokenizedText tt = TextTokenizer::tokenize(text);
            QString outside = tt.folded;
            for (const TextToken &t : tt.tokens) {
                QCOMPARE(t.text, QStringView(text).mid(t.start, t.length));
                QVERIFY(!t.text.isEmpty() && t.text.front().isLetterOrNumber());
                QCOMPARE(t.lower.toString(), t.text.toString().toLower());
                QCOMPARE(t.lowerHash, wordHash(t.lower));
                QCOMPARE(t.capitalized, t.text.front().isUpper());
                bool anyLetter = false;
                bool allUpper = true;
                for (QChar c : t.text) {
                    if (c.isLetter()) {
                        anyLetter = true;
                        allUpper = allUpper && c.isUpper();
                    }
                }
                QCOMPARE(t.allCaps, anyLetter && allUpper);
                if (t.lower.size() == t.length)
                    std::copy(text.cbegin() + t.start, text.cbegin() + t.start + t.length, outside.begin() + t.start);
            }
            QCOMPARE(outside, text);
        }
    }

    // The labelled set under tests/fixtures meets the targets.
    void labelledSetMeetsTheTargets()
    {
        auto set = LabelledSet::parse(QString::fromUtf8(twtest::readAll(twtest::fixture(QStringLiteral("linking/headlines.tsv")))));
        QVERIFY(set.ok());
        QVERIFY(set->items.size() >= 250);
        const LinkingScores scores = LinkingScores::measure(EntityLinker(wideWatchlist()), set->items);
        QVERIFY(scores.traps * 3 >= scores.items);
        QVERIFY2(scores.precision() >= 0.97 && scores.recall() >= 0.98,
                 qPrintable(QStringLiteral("precision %1 recall %2").arg(scores.precision()).arg(scores.recall())));
    }
};

QTEST_GUILESS_MAIN(TestEntityLinker)
#include "tst_entitylinker.moc"
