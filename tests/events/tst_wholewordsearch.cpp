#include "models/text/wholewordsearch.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace tw;

namespace {
// What the search stands in for: the pattern the event extractor compiled per product name.
QList<QPair<qsizetype, qsizetype>> byPattern(const QString &text, const QString &word)
{
    QList<QPair<qsizetype, qsizetype>> out;
    const QRegularExpression re(QStringLiteral("(?<![\\w])%1(?![\\w])").arg(QRegularExpression::escape(word)));
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out << qMakePair(m.capturedStart(0), m.capturedLength(0));
    }
    return out;
}

QList<QPair<qsizetype, qsizetype>> bySearch(const QString &text, const QString &word)
{
    QList<QPair<qsizetype, qsizetype>> out;
    for (const WholeWordSearch::Hit &h : WholeWordSearch::all(text, word))
        out << qMakePair(h.start, h.length);
    return out;
}

QString withUnits(std::initializer_list<char16_t> units)
{
    QString s;
    for (char16_t u : units)
        s.append(QChar(u));
    return s;
}

using Starts = QList<qsizetype>;
} // namespace

class TestWholeWordSearch : public QObject {
    Q_OBJECT

private slots:
    void findsWholeWords_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("word");
        QTest::addColumn<Starts>("starts");
        QTest::newRow("alone") << "Muse Spark" << "Muse Spark" << Starts{0};
        QTest::newRow("at start") << "Muse Spark scored 52" << "Muse Spark" << Starts{0};
        QTest::newRow("at end") << "Meta unveiled Muse Spark" << "Muse Spark" << Starts{14};
        QTest::newRow("punctuation") << "(Llama 4), Llama 4." << "Llama 4" << Starts{1, 11};
        QTest::newRow("followed by digit") << "Llama 40 is not Llama 4" << "Llama 4" << Starts{16};
        QTest::newRow("followed by letter") << "Geminis and Gemini" << "Gemini" << Starts{12};
        QTest::newRow("preceded by letter") << "SuperGemini Gemini" << "Gemini" << Starts{12};
        QTest::newRow("underscore before") << "_Gemini Gemini_ Gemini" << "Gemini" << Starts{16};
        QTest::newRow("digit before") << "3Gemini 3 Gemini" << "Gemini" << Starts{10};
        QTest::newRow("hyphen and dot are boundaries") << "Gemini-based Gemini.x" << "Gemini" << Starts{0, 13};
        QTest::newRow("case sensitive") << "gemini GEMINI Gemini" << "Gemini" << Starts{14};
        // Only ASCII letters and digits are \w to QRegularExpression without UseUnicodePropertiesOption.
        QTest::newRow("accented letter is a boundary") << QStringLiteral("éGemini Geminié") << "Gemini" << Starts{1, 8};
        QTest::newRow("non-ASCII digit is a boundary") << QStringLiteral("٣Gemini") << "Gemini" << Starts{1};
        QTest::newRow("surrogate pair around")
            << QStringLiteral("\U0001D400Gemini\U0001D400 \U0001F600Gemini") << "Gemini" << Starts{2, 13};
        QTest::newRow("word with surrogate pair") << QStringLiteral("a \U0001F680Rocket b") << QStringLiteral("\U0001F680Rocket")
                                                  << Starts{2};
        QTest::newRow("non-ASCII word") << QStringLiteral("Café Noir, CaféNoir") << QStringLiteral("Café") << Starts{0};
        QTest::newRow("overlapping: miss then hit") << "AAA AA" << "AA" << Starts{4};
        QTest::newRow("overlapping repeats") << "abab ababab abab" << "abab" << Starts{0, 12};
        QTest::newRow("touching hits") << "X1 X1" << "X1" << Starts{0, 3};
        QTest::newRow("name ending in non-word") << "C++C++ C++ +C++" << "C++" << Starts{3, 7, 12};
        QTest::newRow("absent") << "Meta Platforms" << "Llama" << Starts{};
        QTest::newRow("longer than text") << "Llama" << "Llama 4" << Starts{};
    }

    void findsWholeWords()
    {
        QFETCH(QString, text);
        QFETCH(QString, word);
        QFETCH(Starts, starts);
        Starts found;
        for (const WholeWordSearch::Hit &h : WholeWordSearch::all(text, word)) {
            QCOMPARE(h.length, word.size());
            found << h.start;
        }
        QCOMPARE(found, starts);
        QCOMPARE(bySearch(text, word), byPattern(text, word));
    }

    // PCRE2 rejects a subject that is not UTF-16: the pattern finds nothing in it, nor does the search.
    void loneSurrogateTextHasNoHits()
    {
        const QList<QString> texts{withUnits({u'G', u'o', u' ', 0xD800}), withUnits({0xDC00, u' ', u'G', u'o'}),
                                   withUnits({u'G', u'o', u' ', 0xDC00, 0xD800, u' ', u'G', u'o'})};
        for (const QString &text : texts) {
            QVERIFY(bySearch(text, QStringLiteral("Go")).isEmpty());
            QCOMPARE(bySearch(text, QStringLiteral("Go")), byPattern(text, QStringLiteral("Go")));
        }
        // Valid pairs next to the word are fine.
        QCOMPARE(bySearch(withUnits({0xD83D, 0xDE00, u'G', u'o'}), QStringLiteral("Go")).size(), 1);
    }

    // Texts and words from a small alphabet of word, boundary and surrogate
    // units, many overlapping: the search and the pattern agree on each.
    void agreesWithThePatternOnRandomTexts()
    {
        const char16_t alphabet[] = {u'a', u'b', u'A', u'1', u'_', u' ', u'.', u'-', 0x00E9, 0x0663, 0xD835, 0xDC00};
        QRandomGenerator rng(20260408);
        auto pick = [&] { return alphabet[rng.bounded(int(std::size(alphabet)))]; };
        int compared = 0;
        for (int round = 0; round < 20000; ++round) {
            QString text;
            const int length = rng.bounded(1, 24);
            for (int k = 0; k < length; ++k)
                text.append(QChar(pick()));
            QString word;
            const int wordLength = rng.bounded(1, 4);
            for (int k = 0; k < wordLength; ++k)
                word.append(QChar(rng.bounded(3) == 0 ? pick() : (k % 2 ? u'b' : u'a')));
            if (!word.isValidUtf16())
                continue;   // such a pattern does not compile; the extractor's names are valid
            QCOMPARE(bySearch(text, word), byPattern(text, word));
            ++compared;
        }
        QVERIFY(compared > 10000);
    }
};

QTEST_GUILESS_MAIN(TestWholeWordSearch)
#include "tst_wholewordsearch.moc"
