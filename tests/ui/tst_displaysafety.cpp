#include "models/pipeline/articleingestor.h"
#include "models/read/articlelistmodel.h"
#include "models/store/articlestore.h"
#include "temporarystores.h"
#include "ui/panels/articlehtml.h"

#include <QTest>

using namespace tw;

// The window shows strangers' text (#16): a title with terminal escapes and a
// right-to-left override is displayed with visible marks, so the override
// cannot reorder what surrounds it; the store keeps the text as it came.
namespace {
const QString kTitle = QStringLiteral("Meta Platforms \x1b]0;PWNED\x07 beats ") + QChar(0x202E) + QStringLiteral("setamitse")
                     + QChar(0x202C) + QStringLiteral(" \u2067isolated\u2069 on ads\u0085");

// No character that acts instead of showing: controls (tab and newline
// allowed where `lines` says so) and bidi formatting characters.
QString actingCharacter(const QString &text, bool newlinesAllowed)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool bidi = (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069) || u == 0x200E || u == 0x200F || u == 0x061C;
        const bool allowed = newlinesAllowed && (u == u'\n' || u == u'\t');
        if (bidi || (!allowed && (u < 0x20 || (u >= 0x7F && u <= 0x9F))))
            return QStringLiteral("U+%1").arg(int(u), 4, 16, QLatin1Char('0'));
    }
    return {};
}
} // namespace

class TestDisplaySafety : public QObject {
    Q_OBJECT

private slots:
    void articleListShowsMarksNotActions()
    {
        twtest::TemporaryStore store;
        QVERIFY2(store.open(QStringLiteral("d.db"), QStringLiteral("display")), qPrintable(store.errorString()));
        Article a;
        a.guid = QStringLiteral("hostile-1");
        a.title = kTitle;
        a.source = QStringLiteral("Wire ") + QChar(0x202E) + QStringLiteral("ksed");
        a.body = QStringLiteral("Meta Platforms beat estimates.");
        a.published = QDateTime(QDate(2026, 5, 20), QTime(13, 30), Qt::UTC);
        a.fetched = a.published;
        QVERIFY(ArticleIngestor(store.database()).ingest({a}).ok());

        ArticleListModel model(store.database());
        model.reload();
        QCOMPARE(model.rowCount(), 1);
        for (int column : {int(ArticleListModel::Title), int(ArticleListModel::Source)}) {
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)}) {
                const QString shown = model.index(0, column).data(role).toString();
                if (shown.isEmpty())
                    continue;
                QVERIFY2(actingCharacter(shown, false).isEmpty(), qPrintable(actingCharacter(shown, false)));
            }
        }
        const QString title = model.index(0, ArticleListModel::Title).data().toString();
        QCOMPARE(title.size(), kTitle.size());
        QVERIFY(title.contains(QStringLiteral("\u241B]0;PWNED\u2407")));   // ␛ and ␇: the attempt is visible
        QVERIFY(title.contains(QStringLiteral("\uFFFDsetamitse\uFFFD")));   // the override is a mark, the text stays in order

        auto stored = ArticleStore(store.database()).byId(model.articleId(0));
        QVERIFY(stored.ok() && stored->has_value());
        QCOMPARE((*stored)->title, kTitle);   // kept as it came
    }

    void readerShowsMarksNotActions()
    {
        Article a;
        a.title = kTitle;
        a.summary = QStringLiteral("Summary \x1b[2J with ") + QChar(0x202E) + QStringLiteral("override");
        a.body = QStringLiteral("First paragraph.\n\nSecond \x1b]0;X\x07 paragraph ") + QChar(0x2066) + QStringLiteral("isolate.");
        a.source = QStringLiteral("Desk ") + QChar(0x202E);
        a.author = QStringLiteral("Writer\x1b[8m");
        a.published = QDateTime(QDate(2026, 5, 20), QTime(13, 30), Qt::UTC);
        const QString html = ArticleHtml::render(a, {});
        QVERIFY2(actingCharacter(html, true).isEmpty(), qPrintable(actingCharacter(html, true)));
        QVERIFY(html.contains(QStringLiteral("\u241B]0;PWNED\u2407")));
        QVERIFY(html.contains(QStringLiteral("\uFFFDsetamitse\uFFFD")));
    }
};

QTEST_MAIN(TestDisplaySafety)
#include "tst_displaysafety.moc"
