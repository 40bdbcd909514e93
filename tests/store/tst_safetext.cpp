#include "models/text/articlebounds.h"
#include "models/text/articletext.h"
#include "models/text/safetext.h"

#include <QTest>

using namespace tw;

// Text strangers wrote, made safe to show (terminal and window), and the
// bounded prefix of an article that the analysis stages read.
namespace {
const QString kEsc = QStringLiteral("\x1b");
const QString kRlo = QString(QChar(0x202E));
const QString kPdf = QString(QChar(0x202C));

// Nothing a terminal acts on: C0 but tab and newline, DEL, C1, bidi controls.
bool terminalClean(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\t' && u != u'\n') || (u >= 0x7F && u <= 0x9F) || isBidiControl(u))
            return false;
    }
    return true;
}
} // namespace

class TestSafeText : public QObject {
    Q_OBJECT

private slots:
    void terminalDropsEscapeSequencesWhole()
    {
        const QString title = QStringLiteral("Meta \x1b]0;PWNED\x07\x1b[2J beats \x1b[31mestimates\x1b[0m");
        QCOMPARE(terminalSafe(title), QStringLiteral("Meta  beats estimates"));
        // OSC ended by ST, a DCS string, a charset switch, an 8-bit CSI, a lone ESC.
        QCOMPARE(terminalSafe(QStringLiteral("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b")), QStringLiteral("alinkb"));
        QCOMPARE(terminalSafe(QStringLiteral("a\x1bPq#0;2;0;0;0\x1b\\b")), QStringLiteral("ab"));
        QCOMPARE(terminalSafe(QStringLiteral("a\x1b(Bb")), QStringLiteral("ab"));
        QCOMPARE(terminalSafe(QString(QStringLiteral("a") + QChar(0x9B) + QStringLiteral("31mb"))), QStringLiteral("ab"));
        QCOMPARE(terminalSafe(QStringLiteral("end\x1b")), QStringLiteral("end"));
    }

    void terminalDropsControlsAndBidiKeepsTextTabsAndNewlines()
    {
        const QString text = QStringLiteral("line\tone\r\nback\x08space bell\x07 del\x7f ") + kRlo + QStringLiteral("desrever") + kPdf
                           + QStringLiteral(" \u2066iso\u2069 \u200Emark\u200F \u061Calm\nnext Übergröße 株式 📈");
        const QString safe = terminalSafe(text);
        QVERIFY(terminalClean(safe));
        QCOMPARE(safe, QStringLiteral("line\tone\nbackspace bell del desrever iso mark alm\nnext Übergröße 株式 📈"));
    }

    // The CLI's streams are filtered piece by piece: a sequence split across
    // writes is still swallowed whole, and never eats the next line.
    void filterCarriesSequencesAcrossPieces()
    {
        TerminalTextFilter filter;
        QString out;
        for (const QString &piece : {QStringLiteral("Meta \x1b"), QStringLiteral("]0;PW"), QStringLiteral("NED\x07 up"),
                                     QStringLiteral(" \x1b["), QStringLiteral("2J!\n")})
            out += filter.filter(piece);
        QCOMPARE(out, QStringLiteral("Meta  up !\n"));

        TerminalTextFilter unterminated;
        QCOMPARE(unterminated.filter(QStringLiteral("x\x1b]0;never ends")) + unterminated.filter(QStringLiteral("\nnext line\n")),
                 QStringLiteral("x\nnext line\n"));
        TerminalTextFilter endless;
        const QString swallowed = endless.filter(QString(QStringLiteral("\x1b]") + QString(10000, QLatin1Char('a')) + QStringLiteral("tail")));
        QVERIFY2(swallowed.endsWith(QStringLiteral("tail")) && swallowed.size() < 7000, qPrintable(QString::number(swallowed.size())));
    }

    // For the window: marks instead of actions, one for one.
    void displayShowsMarksAndKeepsOffsets()
    {
        const QString title = QStringLiteral("Meta ") + kEsc + QStringLiteral("]0;PWNED\x07 ") + kRlo + QStringLiteral("txet") + kPdf
                            + QStringLiteral(" \u200Fok\u0085");
        const QString shown = displaySafe(title);
        QCOMPARE(shown.size(), title.size());
        QCOMPARE(shown, QStringLiteral("Meta \u241B]0;PWNED\u2407 \uFFFDtxet\uFFFD \u200Bok\uFFFD"));
        for (const QChar c : shown)
            QVERIFY(!isBidiControl(c.unicode()) && c.unicode() >= 0x20 && !(c.unicode() >= 0x7F && c.unicode() <= 0x9F));
        QCOMPARE(displaySafe(QStringLiteral("a\tb\nc\rd")), QStringLiteral("a b c d"));
        QCOMPARE(displaySafe(QStringLiteral("a\tb\nc\rd"), TextLines::MultiLine), QStringLiteral("a\tb\nc d"));
        const QString plain = QStringLiteral("Meta raises capex guidance — 株式 📈");
        QCOMPARE(displaySafe(plain), plain);
    }

    // A huge item: the analysed part is a bounded prefix of the composed
    // text, so offsets into it hold for the stored text.
    void analysedPartIsABoundedPrefix()
    {
        Article a;
        a.title = QStringLiteral("Meta Platforms beats estimates");
        a.summary = QStringLiteral("Revenue rose.");
        a.body = QStringLiteral("Meta Platforms reported strong results. ").repeated(100000);   // 4 M characters
        const Article part = ArticleBounds::analysedPart(a);
        QVERIFY(ArticleBounds::isCut(a));
        const QString whole = ArticleText::compose(a);
        const QString cut = ArticleText::compose(part);
        QVERIFY(cut.size() <= ArticleBounds::kMaxAnalysedChars);
        QVERIFY(cut.size() > ArticleBounds::kMaxAnalysedChars - 300);
        QVERIFY(whole.startsWith(cut));
        QVERIFY(cut.endsWith(QLatin1Char(' ')));   // cut on a space, not inside a word
        QCOMPARE(part.title, a.title);
        QCOMPARE(part.summary, a.summary);

        Article hugeTitle;
        hugeTitle.title = QString(300000, QLatin1Char('t'));
        hugeTitle.summary = QStringLiteral("s");
        hugeTitle.body = QStringLiteral("b");
        const Article t = ArticleBounds::analysedPart(hugeTitle);
        QCOMPARE(t.title.size(), ArticleBounds::kMaxAnalysedChars);
        QVERIFY(t.summary.isEmpty() && t.body.isEmpty());

        // Never inside a surrogate pair.
        Article emoji;
        emoji.body = QStringLiteral("📈").repeated(200000);
        const Article e = ArticleBounds::analysedPart(emoji, 1001);
        QVERIFY(!e.body.isEmpty() && !e.body.back().isHighSurrogate());

        Article small;
        small.title = QStringLiteral("t");
        small.body = QStringLiteral("b");
        QVERIFY(!ArticleBounds::isCut(small));
        QCOMPARE(ArticleBounds::analysedPart(small).body, small.body);
    }
};

QTEST_GUILESS_MAIN(TestSafeText)
#include "tst_safetext.moc"
