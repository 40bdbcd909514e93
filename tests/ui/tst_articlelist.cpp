// The article list at scale (#23.4): sorting by title and source for real,
// page after page; the total count of matches; search terms marked in the
// title with a snippet of the match; the arrow never claims an order the
// list does not have.
#include "models/read/articlelistmodel.h"
#include "models/store/articlesearch.h"
#include "models/store/articlestore.h"
#include "models/store/sqlexec.h"
#include "models/store/storeconnection.h"
#include "ui/panels/articlespanel.h"
#include "ui/panels/selectionmodel.h"

#include "storebackends.h"

#include <QHeaderView>
#include <QLabel>
#include <QRandomGenerator>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace tw;

namespace {
// Headline-shaped titles from a fixed seed: several words from a small
// vocabulary, so many titles share their first words and the order has to
// come from the whole title, then the id.
const char *const kOpeners[] = {"Alphabet", "Amazon", "Meta", "Microsoft", "Nvidia", "Apple", "Broadcom", "Oracle",
    "Analysts", "Investors", "Shares of", "Regulators", "Suppliers", "Chipmakers", "Cloud rivals", "Zscaler"};
const char *const kVerbs[] = {"raise", "cut", "weigh", "beat", "miss", "question", "lift", "trim", "expand", "pause"};
const char *const kObjects[] = {"capex guidance", "AI spending", "data centre plans", "quarterly revenue",
    "ad pricing", "cloud margins", "chip orders", "buyback", "headcount", "free cash flow"};
const char *const kSources[] = {"Kestrel Tech Dispatch", "Copperline Markets", "Quayside Capital Journal",
    "Brightwater Wire", "The Tallyboard"};

Article generated(int i, QRandomGenerator &random)
{
    Article a;
    a.guid = QStringLiteral("sort-%1").arg(i);
    a.url = QStringLiteral("https://example.invalid/sort/%1").arg(i);
    a.title = QStringLiteral("%1 %2 %3 in %4")
                  .arg(QLatin1String(kOpeners[random.bounded(int(std::size(kOpeners)))]),
                       QLatin1String(kVerbs[random.bounded(int(std::size(kVerbs)))]),
                       QLatin1String(kObjects[random.bounded(int(std::size(kObjects)))]))
                  .arg(2020 + random.bounded(8));
    a.body = QStringLiteral("Body of article %1 about %2.").arg(i).arg(QLatin1String(kObjects[i % std::size(kObjects)]));
    a.source = QLatin1String(kSources[random.bounded(int(std::size(kSources)))]);
    a.published = QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC).addSecs(qint64(random.bounded(3600 * 24 * 700)));
    return a;
}
} // namespace

class TestArticleList : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<StoreConnection> m_store;
    QList<Article> m_articles;

    QSqlDatabase db() const { return m_store->database(); }

    // Every row of the model, paging to the end.
    static QStringList column(ArticleListModel &model, int column)
    {
        while (model.canFetchMore({}))
            model.fetchMore({});
        QStringList values;
        for (int r = 0; r < model.rowCount(); ++r)
            values << model.index(r, column).data().toString();
        return values;
    }

private slots:
    void initTestCase()
    {
        auto store = StoreConnection::open(m_dir.filePath(QStringLiteral("sort.db")), QStringLiteral("sort"));
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.errorMessage()));
        m_store = std::move(*store);
        QRandomGenerator random(20261206);
        Transaction tx(db());
        ArticleStore articles(db());
        for (int i = 0; i < 10000; ++i) {
            m_articles << generated(i, random);
            QVERIFY(articles.upsert(m_articles.last()).ok());
        }
        QVERIFY(tx.commit().ok());
    }

    void cleanupTestCase() { m_store.reset(); }

    void sortingByTitleReturnsTitleOrderOnTenThousandArticles()
    {
        ArticleListModel model(db());
        model.sort(ArticleListModel::Title, Qt::AscendingOrder);
        QCOMPARE(model.rowCount(), ArticleListModel::kPageSize);   // still one page at a time
        QStringList expected;
        for (const Article &a : std::as_const(m_articles))
            expected << a.title;
        std::sort(expected.begin(), expected.end());
        const QStringList shown = column(model, ArticleListModel::Title);
        QCOMPARE(shown.size(), 10000);
        QCOMPARE(shown, expected);

        model.sort(ArticleListModel::Title, Qt::DescendingOrder);
        std::reverse(expected.begin(), expected.end());
        QCOMPARE(column(model, ArticleListModel::Title), expected);
    }

    void sortingBySourceGroupsSourcesInOrder()
    {
        ArticleListModel model(db());
        model.sort(ArticleListModel::Source, Qt::AscendingOrder);
        const QStringList shown = column(model, ArticleListModel::Source);
        QCOMPARE(shown.size(), 10000);
        QVERIFY(std::is_sorted(shown.cbegin(), shown.cend()));
        QCOMPARE(shown.first(), QStringLiteral("Brightwater Wire"));
        QCOMPARE(shown.last(), QStringLiteral("The Tallyboard"));
        QSet<qint64> ids;
        for (int r = 0; r < model.rowCount(); ++r)
            ids.insert(model.articleId(r));
        QCOMPARE(ids.size(), 10000);   // no row twice, none missing across pages
    }

    void aSearchSortedByTitleIsSortedToo()
    {
        ArticleListModel model(db());
        ArticleFilter f;
        f.search = QStringLiteral("buyback");
        f.order = ArticleOrder::Title;
        f.newestFirst = false;
        model.setFilter(f);
        QStringList expected;
        for (const Article &a : std::as_const(m_articles)) {
            if (a.title.contains(QLatin1String("buyback")) || a.body.contains(QLatin1String("buyback")))
                expected << a.title;
        }
        std::sort(expected.begin(), expected.end());
        QCOMPARE(column(model, ArticleListModel::Title), expected);
        QCOMPARE(model.totalCount(), qint64(expected.size()));
    }

    void totalCountIsTheWholeMatchNotThePagesLoaded()
    {
        ArticlesPanel panel(db(), new SelectionModel(this));
        QCOMPARE(panel.model()->rowCount(), ArticleListModel::kPageSize);
        QCOMPARE(panel.model()->totalCount(), 10000);
        auto *summary = panel.findChild<QLabel *>(QStringLiteral("articleSummary"));
        QVERIFY(summary);
        QVERIFY2(summary->text().startsWith(QLocale().toString(10000) + QStringLiteral(" articles")),
                 qPrintable(QStringLiteral("[%1] %2 %3").arg(summary->text(), panel.model()->lastError()).arg(panel.model()->rowCount())));

        ArticleFilter f;
        f.source = QStringLiteral("Copperline Markets");
        panel.model()->setFilter(f);
        const qint64 fromCopperline = std::count_if(m_articles.cbegin(), m_articles.cend(),
            [](const Article &a) { return a.source == QLatin1String("Copperline Markets"); });
        QCOMPARE(panel.model()->totalCount(), fromCopperline);
        QVERIFY2(summary->text().contains(QLocale().toString(fromCopperline) + QStringLiteral(" articles")),
                 qPrintable(summary->text()));
    }

    void searchMarksTheTermsAndShowsWhereTheyMatched()
    {
        ArticleListModel model(db());
        ArticleFilter f;
        f.search = QStringLiteral("chip orders");
        model.setFilter(f);
        QVERIFY(model.rowCount() > 0);
        for (int r = 0; r < std::min(model.rowCount(), 20); ++r) {
            const QModelIndex title = model.index(r, ArticleListModel::Title);
            const QList<MarkedTextPart> parts
                = splitMarkedText(title.data(ArticleListModel::MarkedTitleRole).toString());
            QString plain;
            QStringList matched;
            for (const MarkedTextPart &p : parts) {
                plain += p.text;
                if (p.matched)
                    matched << p.text.toLower();
            }
            QCOMPARE(plain, title.data().toString());   // the marks add nothing but marks
            const QString snippet = title.data(ArticleListModel::SnippetRole).toString();
            // Whether in the title or in the body, the match is marked where it is shown.
            QVERIFY2(matched.contains(QStringLiteral("chip")) || snippet.contains(QChar(kSearchMarkStart)),
                     qPrintable(plain + QStringLiteral(" | ") + snippet));
        }
        // Without a search there is nothing to mark.
        model.setFilter({});
        QVERIFY(!model.index(0, ArticleListModel::Title).data(ArticleListModel::MarkedTitleRole).isValid());
    }

    void postgresSortsSearchesAndMarksTheSameWay()
    {
        twtest::StoreBackendFixture backend(twtest::Backend::Postgres);
        const QString unusable = backend.prepare();
        QVERIFY2(unusable.isEmpty(), qPrintable(unusable));
        auto store = StoreConnection::open(backend.freshLocation(), QStringLiteral("sort-pg"));
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.errorMessage()));
        QSqlDatabase pg = (*store)->database();
        const QList<Article> some = m_articles.mid(0, 700);
        {
            Transaction tx(pg);
            ArticleStore articles(pg);
            for (const Article &a : some)
                QVERIFY(articles.upsert(a).ok());
            QVERIFY(tx.commit().ok());
        }
        ArticleListModel model(pg);
        model.sort(ArticleListModel::Title, Qt::AscendingOrder);
        QCOMPARE(model.totalCount(), 700);
        // PostgreSQL's collation may order case and punctuation its own way:
        // what matters is that the pages follow the server's order without a
        // gap or a repeat, and that it is an order by title.
        const QStringList titles = column(model, ArticleListModel::Title);
        QCOMPARE(titles.size(), 700);
        QSet<qint64> ids;
        for (int r = 0; r < model.rowCount(); ++r)
            ids.insert(model.articleId(r));
        QCOMPARE(ids.size(), 700);
        QCOMPARE(titles.first().left(8), QStringLiteral("Alphabet"));
        QCOMPARE(titles.last().left(7), QStringLiteral("Zscaler"));

        ArticleFilter f;
        f.search = QStringLiteral("buyback");
        model.setFilter(f);
        QVERIFY(model.rowCount() > 0);
        const qint64 expected = std::count_if(some.cbegin(), some.cend(), [](const Article &a) {
            return a.title.contains(QLatin1String("buyback")) || a.body.contains(QLatin1String("buyback"));
        });
        QCOMPARE(model.totalCount(), expected);
        const QModelIndex first = model.index(0, ArticleListModel::Title);
        QString plain;
        for (const MarkedTextPart &p : splitMarkedText(first.data(ArticleListModel::MarkedTitleRole).toString()))
            plain += p.text;
        QCOMPARE(plain, first.data().toString());
        QVERIFY2(first.data(ArticleListModel::SnippetRole).toString().contains(QChar(kSearchMarkStart))
                     || first.data(ArticleListModel::MarkedTitleRole).toString().contains(QChar(kSearchMarkStart)),
                 qPrintable(first.data(ArticleListModel::SnippetRole).toString()));
    }

    void onlyColumnsThatSortShowTheArrow()
    {
        ArticlesPanel panel(db(), new SelectionModel(this));
        QHeaderView *header = panel.view()->horizontalHeader();
        header->setSortIndicator(ArticleListModel::Title, Qt::AscendingOrder);
        QCOMPARE(panel.model()->filter().order, ArticleOrder::Title);
        QCOMPARE(panel.model()->index(0, ArticleListModel::Title).data().toString(),
                 std::min_element(m_articles.cbegin(), m_articles.cend(),
                                  [](const Article &a, const Article &b) { return a.title < b.title; })->title);
        // Sentiment is computed per row: the click leaves the order, and the arrow, on the title.
        header->setSortIndicator(ArticleListModel::Sentiment, Qt::DescendingOrder);
        QCOMPARE(header->sortIndicatorSection(), int(ArticleListModel::Title));
        QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
        QCOMPARE(panel.model()->filter().order, ArticleOrder::Title);
    }
};

QTEST_MAIN(TestArticleList)
#include "tst_articlelist.moc"
