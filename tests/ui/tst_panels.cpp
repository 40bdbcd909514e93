#include "onscreen.h"
#include "settingssandbox.h"
#include "temporarystores.h"
#include "ui/dialogs/settingsdialog.h"
#include "ui/panels/badge.h"
#include "ui/panels/alertspanel.h"
#include "ui/panels/articlehtml.h"
#include "ui/panels/articlespanel.h"
#include "ui/panels/capexpanel.h"
#include "ui/panels/chartpanel.h"
#include "ui/panels/feedstatuspanel.h"
#include "ui/panels/readerpanel.h"
#include "ui/panels/safetextbrowser.h"
#include "ui/panels/selectionmodel.h"
#include "ui/panels/timelinepanel.h"
#include "ui/panels/watchlistpanel.h"
#include "models/read/articlelistmodel.h"
#include "models/read/corporatescorereader.h"
#include "models/read/watchlistreader.h"
#include "models/store/articlesearch.h"
#include "models/store/articlestore.h"
#include "models/store/feedstore.h"
#include "models/store/sqlexec.h"
#include "models/store/storeconnection.h"
#include "models/store/tickerstore.h"
#include "testsupport.h"
#include "ui/window/docklayout.h"
#include "ui/window/mainwindow.h"
#include "ui/window/storewatcher.h"

#include <QChartView>
#include <QDockWidget>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QHeaderView>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTreeWidget>

using namespace tw;

namespace {
// The share of pixels unlike the image's most common colour (its background):
// how much was drawn.
double drawnShare(const QImage &image)
{
    QHash<QRgb, int> counts;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            ++counts[line[x]];
    }
    int background = 0;
    for (int n : std::as_const(counts))
        background = std::max(background, n);
    const qsizetype total = qsizetype(rgb.width()) * rgb.height();
    return total == 0 ? 0 : 1.0 - double(background) / double(total);
}

// Whether a visible table, tree or list cell of `panel` reads `text`.
bool showsText(QWidget *panel, const QString &text)
{
    for (const QTableWidget *table : panel->findChildren<QTableWidget *>()) {
        for (int r = 0; table->isVisible() && r < table->rowCount(); ++r) {
            for (int c = 0; c < table->columnCount(); ++c) {
                if (table->item(r, c) && table->item(r, c)->text().contains(text))
                    return true;
            }
        }
    }
    for (const QTreeWidget *tree : panel->findChildren<QTreeWidget *>()) {
        for (int r = 0; tree->isVisible() && r < tree->topLevelItemCount(); ++r) {
            for (int c = 0; c < tree->columnCount(); ++c) {
                if (tree->topLevelItem(r)->text(c).contains(text))
                    return true;
            }
        }
    }
    return false;
}

Article generatedArticle(int i, const QString &title)
{
    Article a;
    a.guid = QStringLiteral("gen-%1").arg(i);
    a.url = QStringLiteral("https://example.invalid/a/%1").arg(i);
    a.title = title;
    a.body = QStringLiteral("Body of generated article %1.").arg(i);
    a.source = i % 2 ? QStringLiteral("Odd Wire") : QStringLiteral("Even Post");
    // Several articles share each instant, so paging must break ties by id.
    a.published = QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC).addSecs(qint64(i / 3) * 60);
    return a;
}
} // namespace

class TestPanels : public QObject {
    Q_OBJECT

    twtest::SettingsSandbox m_settings{QStringLiteral("tst_panels")};
    twtest::TemporaryStore m_store;
    twtest::TemporaryStore m_empty;

    QSqlDatabase db() const { return m_store.database(); }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_store.openDemoWithFixedRows(QStringLiteral("demo.db"), QStringLiteral("panels")),
                 qPrintable(m_store.errorString()));
        QVERIFY2(m_empty.open(QStringLiteral("empty.db"), QStringLiteral("empty")), qPrintable(m_empty.errorString()));
    }

    void cleanupTestCase()
    {
        m_store.close();
        m_empty.close();
    }

    void emptyStorePanelsSayWhatIsMissing()
    {
        SelectionModel selection;
        const QSqlDatabase e = m_empty.database();
        WatchlistPanel watchlist(e, &selection);
        ChartPanel chart(e, &selection);
        TimelinePanel timeline(e, &selection);
        CapexPanel capex(e, &selection);
        AlertsPanel alerts(e);
        FeedStatusPanel feeds(e);
        ArticlesPanel articles(e, &selection);
        ReaderPanel reader(e, &selection);
        QVERIFY(chart.emptyMessage().contains(QStringLiteral("Select a ticker")));
        QVERIFY(timeline.emptyMessage().contains(QStringLiteral("No events extracted yet")));
        QVERIFY(!capex.emptyMessage().isEmpty());
        QCOMPARE(alerts.firedEmptyMessage(), QStringLiteral("No alerts have fired yet."));
        QCOMPARE(alerts.rulesEmptyMessage(), QStringLiteral("No alert rules defined yet."));
        QVERIFY(feeds.emptyMessage().startsWith(QStringLiteral("No feeds configured yet")));
        QVERIFY(reader.emptyMessage().contains(QStringLiteral("Select an article")));
        QCOMPARE(articles.model()->rowCount(), 0);

        selection.setTicker(QStringLiteral("META"));
        QVERIFY(chart.emptyMessage().contains(QStringLiteral("No prices stored for META")));
        QCOMPARE(timeline.emptyMessage(), QStringLiteral("No events extracted yet for META."));
    }

    void selectingATickerUpdatesEveryPanel()
    {
        SelectionModel selection;
        WatchlistPanel watchlist(db(), &selection);
        ChartPanel chart(db(), &selection);
        ArticlesPanel articles(db(), &selection);
        TimelinePanel timeline(db(), &selection);
        CapexPanel capex(db(), &selection);

        // The first watchlist load picks its first ticker.
        QCOMPARE(selection.ticker(), QStringLiteral("META"));
        QCOMPARE(watchlist.table()->rowCount(), 5);
        // The fixture's score is from 2026-11-16: once two weeks old it says when it was news.
        const QString scoreText = watchlist.table()->item(0, 3)->text();
        const bool stale = QDate(2026, 11, 16).daysTo(QDate::currentDate()) > 14;
        QVERIFY2(stale ? scoreText.startsWith(QStringLiteral("63 Bullish · 5 stories · Nov 16"))
                       : scoreText == QStringLiteral("63 Bullish · 5 stories"),
                 qPrintable(scoreText));
        // A narrow dock shows the number and the stories rather than a cut-off label.
        QVERIFY(twtest::shownAt(watchlist, {700, 300}));
        QTest::qWait(20);   // the columns are fitted once the event loop turns
        QCOMPARE(watchlist.shownScoreText(0), scoreText);
        watchlist.table()->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Interactive);
        watchlist.table()->setColumnWidth(3, 50);
        // Narrow: the number and, for a stale score, its date ("Nov 16, 2026" from another year).
        QVERIFY2(watchlist.shownScoreText(0).startsWith(stale ? QStringLiteral("63 · Nov 16") : QStringLiteral("63 · 5")),
                 qPrintable(watchlist.shownScoreText(0)));
        QVERIFY2(watchlist.table()->item(0, 3)->toolTip().startsWith(
                     QStringLiteral("Corporate score 63 Bullish (medium term), as of ")),
                 qPrintable(watchlist.table()->item(0, 3)->toolTip()));
        // A score without enough news is grey like a neutral one, not green for its number.
        QCOMPARE(sentimentColor(QStringLiteral("Insufficient news"), 53), sentimentColor(QStringLiteral("Neutral"), 53));
        watchlist.hide();
        QVERIFY(chart.candleCount() > 200); // one year of weekdays
        QCOMPARE(chart.eventMarkerCount(), 6); // a mark per event: 2026-01-29, four around 2026-04-08, 2026-04-21
        // The fixture's hand-written scores have no stories behind them, so the
        // chart draws no score (tst_chartpanel checks the demo's real line).
        QCOMPARE(chart.scorePointCount(), 0);
        QVERIFY(chart.showsSyntheticLabel());
        QCOMPARE(timeline.events()->topLevelItemCount(), 10);
        QCOMPARE(capex.figures().size(), 3);
        const int metaArticles = articles.model()->rowCount();
        QVERIFY(metaArticles > 10);

        // Clicking NVDA in the watchlist drives the other panels.
        const QList<QTableWidgetItem *> nvda = watchlist.table()->findItems(QStringLiteral("NVDA"), Qt::MatchExactly);
        QCOMPARE(nvda.size(), 1);
        watchlist.table()->setCurrentItem(nvda.first());
        QCOMPARE(selection.ticker(), QStringLiteral("NVDA"));
        QVERIFY(chart.candleCount() > 200);
        QCOMPARE(chart.eventMarkerCount(), 0);
        QCOMPARE(chart.scorePointCount(), 0);
        QCOMPARE(timeline.emptyMessage(), QStringLiteral("No events extracted yet for NVDA."));
        QVERIFY(capex.emptyMessage().contains(QStringLiteral("NVDA")));
        QCOMPARE(articles.model()->filter().ticker, QStringLiteral("NVDA"));
        QVERIFY(articles.model()->rowCount() < metaArticles);
        for (int r = 0; r < articles.model()->rowCount(); ++r)
            QVERIFY(articles.model()
                        ->index(r, ArticleListModel::Tickers)
                        .data()
                        .toString()
                        .contains(QStringLiteral("NVDA")));
    }

    void tiedHorizonsShowTheSameOneInEveryPanel()
    {
        twtest::TemporaryStore store;
        QVERIFY2(store.open(QStringLiteral("tie.db"), QStringLiteral("tie")), qPrintable(store.errorString()));
        QSqlDatabase tie = store.database();
        TickerInfo meta{QStringLiteral("META"), QStringLiteral("Meta Platforms, Inc."), QStringLiteral("NASDAQ"),
                        QStringLiteral("America/New_York"), {QStringLiteral("Meta")}, true, 0};
        QVERIFY(TickerStore(tie).upsert(meta).ok());
        // Three horizons scored at the same instant, stored short first.
        for (const auto &[horizon, score, label] :
             {std::tuple{"short", 30.0, "Bearish"}, std::tuple{"long", 52.0, "Neutral"},
              std::tuple{"medium", 71.0, "Bullish"}}) {
            QSqlQuery insert(tie);
            QVERIFY(insert.prepare(QStringLiteral("INSERT INTO corporate_scores (ticker, horizon, as_of_utc, score, label, "
                                                  "article_count, confidence, model_version) "
                                                  "VALUES ('META', ?, 1000, ?, ?, 3, 0.5, 't')")));
            QVERIFY(execBound(insert, {QString::fromLatin1(horizon), score, QString::fromLatin1(label)}).ok());
        }
        auto rows = WatchlistReader(tie).rows(QDateTime::currentDateTimeUtc());
        QVERIFY(rows.ok() && rows->size() == 1);
        QCOMPARE(rows->first().score, std::optional<double>(71.0));
        auto series = CorporateScoreReader(tie).series(QStringLiteral("META"));
        QVERIFY(series.ok() && series->size() == 1);
        QCOMPARE(series->first().horizon, QStringLiteral("medium"));
    }

    void chartRangesAndReadout()
    {
        SelectionModel selection;
        selection.setTicker(QStringLiteral("META"));
        ChartPanel chart(db(), &selection);
        chart.setRange(ChartPanel::Range::M1);
        const int month = chart.candleCount();
        QVERIFY(month >= 19 && month <= 24);
        chart.setRange(ChartPanel::Range::All);
        QVERIFY(chart.candleCount() > 600);
        QCOMPARE(chart.eventMarkerCount(), 10); // every event of the fixture within the prices
        chart.showReadoutAt(QDateTime(QDate(2026, 4, 8), QTime(15, 0), Qt::UTC));
        QVERIFY2(chart.readout().startsWith(QStringLiteral("2026-04-08  O ")), qPrintable(chart.readout()));
        // Stored scores without stories are no evidence: no number is claimed.
        QVERIFY2(chart.readout().contains(QStringLiteral("Score — insufficient news as of 2026-04-08")),
                 qPrintable(chart.readout()));
    }

    void theCrosshairReadsTheBarUnderThePointer()
    {
        SelectionModel selection;
        selection.setTicker(QStringLiteral("META"));
        ChartPanel chart(db(), &selection);
        QVERIFY(twtest::shownAt(chart, {900, 500}));
        chart.setRange(ChartPanel::Range::M3);
        const QString atLastBar = chart.readout();
        QVERIFY(atLastBar.startsWith(QStringLiteral("2026-11-20  O ")));
        auto *view = chart.findChild<QChartView *>();
        const QRectF plot = view->chart()->plotArea();
        const QPoint left = view->mapFromScene(
            view->chart()->mapToScene(QPointF(plot.left() + plot.width() * 0.1, plot.center().y())));
        QTest::mouseMove(view->viewport(), left);
        QCoreApplication::processEvents();
        const QString readout = chart.readout();
        QVERIFY2(readout != atLastBar, qPrintable(readout));
        const QDate day = QDate::fromString(readout.left(10), Qt::ISODate);
        QVERIFY2(day >= QDate(2026, 8, 20) && day < QDate(2026, 10, 1), qPrintable(readout));
    }

    void theTimelineDateIsMarkedOnTheChart()
    {
        SelectionModel selection;
        selection.setTicker(QStringLiteral("META"));
        ChartPanel chart(db(), &selection);
        chart.setRange(ChartPanel::Range::M1);
        selection.setFocusDate(QDate(2026, 4, 8)); // before the month shown: the chart widens
        QCOMPARE(chart.range(), ChartPanel::Range::All);
        QVERIFY(chart.readout().startsWith(QStringLiteral("2026-04-08")));
        chart.setRange(ChartPanel::Range::M1); // the analyst's choice is kept
        QCOMPARE(chart.range(), ChartPanel::Range::M1);
    }

    void searchFiltersTheArticleList()
    {
        SelectionModel selection;
        ArticlesPanel articles(db(), &selection);
        const int all = articles.model()->rowCount();
        QCOMPARE(all, 33);
        QSignalSpy reset(articles.model(), &QAbstractItemModel::modelReset);
        articles.searchBox()->setText(QStringLiteral("behemot")); // typed, prefix match
        QVERIFY(reset.wait(5000)); // after the debounce
        const qint64 mentions = *queryScalar(
            db(), QStringLiteral("SELECT count(*) FROM articles WHERE title || summary || body LIKE '%behemoth%'"));
        QVERIFY(mentions >= 2);
        QCOMPARE(articles.model()->rowCount(), int(mentions));
        for (int r = 0; r < mentions; ++r) {
            auto a = ArticleStore(db()).byId(articles.model()->articleId(r));
            QVERIFY(a.ok() && a->has_value());
            QVERIFY(
                (**a).body.contains(QStringLiteral("Behemoth")) || (**a).title.contains(QStringLiteral("Behemoth")));
        }
        articles.searchBox()->setText(QStringLiteral("\"muse spark\" capex"));
        articles.applyFilters();
        QVERIFY(articles.model()->rowCount() > 0);
        QVERIFY(articles.model()->rowCount() < all);
        articles.searchBox()->setText(QStringLiteral("zzzunknownword"));
        articles.applyFilters();
        QCOMPARE(articles.model()->rowCount(), 0);
        articles.searchBox()->clear();
        articles.applyFilters();
        QCOMPARE(articles.model()->rowCount(), all);
        // Newest first, and the scored ones carry a badge.
        QCOMPARE(
            articles.model()->index(0, ArticleListModel::Time).data().toString(), QStringLiteral("2026-05-26 16:15"));
        int badges = 0;
        for (int r = 0; r < all; ++r)
            badges += articles.model()->index(r, 0).data(ArticleListModel::ScoreRole).isValid() ? 1 : 0;
        QCOMPARE(badges, 6);
    }

    void typedTextBecomesAnFtsQuery()
    {
        QCOMPARE(ArticleSearch::fromTyped(QStringLiteral("muse spa")), QStringLiteral("\"muse\" \"spa\"*"));
        QCOMPARE(ArticleSearch::fromTyped(QStringLiteral("capex ")), QStringLiteral("\"capex\""));
        QCOMPARE(ArticleSearch::fromTyped(QStringLiteral("Meta's $115bn")),
            QStringLiteral("\"Meta\" \"s\" \"115bn\"*"));
        QCOMPARE(ArticleSearch::fromTyped(QStringLiteral("llama OR \"muse spark\"")),
            QStringLiteral("llama OR \"muse spark\""));
        QCOMPARE(ArticleSearch::fromTyped(QStringLiteral("   ")), QString());
    }

    void filtersByLabelSourceAndDate()
    {
        ArticleListModel model(db());
        ArticleFilter f;
        f.label = QStringLiteral("bearish");
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 2);
        f = {};
        f.source = QStringLiteral("The Tallyboard");
        model.setFilter(f);
        QVERIFY(model.rowCount() >= 3);
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.index(r, ArticleListModel::Source).data().toString(), f.source);
        f = {};
        f.from = QDateTime(QDate(2026, 4, 8), QTime(0, 0), Qt::UTC);
        f.to = QDateTime(QDate(2026, 4, 9), QTime(0, 0), Qt::UTC);
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 5);
    }

    void pagesAreLoadedLazilyWithoutGapsOrRepeats()
    {
        twtest::TemporaryStore store;
        QVERIFY2(store.open(QStringLiteral("big.db"), QStringLiteral("big")), qPrintable(store.errorString()));
        {
            Transaction tx(store.database());
            ArticleStore articles(store.database());
            for (int i = 0; i < 1000; ++i)
                QVERIFY(articles.upsert(generatedArticle(i, QStringLiteral("Generated %1").arg(i))).ok());
            QVERIFY(tx.commit().ok());
        }
        ArticleListModel model(store.database());
        model.reload();
        QCOMPARE(model.rowCount(), ArticleListModel::kPageSize);
        QVERIFY(model.canFetchMore({}));
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 1000);
        QSet<qint64> seen;
        for (int r = 0; r < model.rowCount(); ++r)
            seen.insert(model.articleId(r));
        QCOMPARE(seen.size(), 1000);
        // New rows stored later go on top, and the pages read stay.
        {
            Transaction tx(store.database());
            ArticleStore articles(store.database());
            for (int i = 1000; i < 1005; ++i)
                QVERIFY(articles.upsert(generatedArticle(i, QStringLiteral("Generated %1").arg(i))).ok());
            QVERIFY(tx.commit().ok());
        }
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.refreshNewest();
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.rowCount(), 1005);
        QCOMPARE(model.index(0, ArticleListModel::Title).data().toString(), QStringLiteral("Generated 1004"));
        QCOMPARE(model.index(5, ArticleListModel::Title).data().toString(), QStringLiteral("Generated 999"));
        // Oldest first pages the other way.
        model.sort(ArticleListModel::Time, Qt::AscendingOrder);
        QCOMPARE(model.rowCount(), ArticleListModel::kPageSize);
        QCOMPARE(model.index(0, ArticleListModel::Title).data().toString(), QStringLiteral("Generated 0"));
    }

    void storiesFetchedLateTakeTheirPlaceInTheList()
    {
        twtest::TemporaryStore store;
        QVERIFY2(store.open(QStringLiteral("late.db"), QStringLiteral("late")), qPrintable(store.errorString()));
        QSqlDatabase db = store.database();
        auto storeArticles = [&](const QList<Article> &batch) {
            Transaction tx(db);
            ArticleStore articles(db);
            for (const Article &a : batch)
                QVERIFY(articles.upsert(a).ok());
            QVERIFY(tx.commit().ok());
        };
        QList<Article> first;
        for (int i = 0; i < 1000; ++i)
            first << generatedArticle(i, QStringLiteral("Generated %1").arg(i));
        storeArticles(first);
        ArticleListModel model(db);
        model.reload();
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 2 * ArticleListModel::kPageSize);   // 999 down to 600

        // A feed delivers, late, a story published among the rows shown and
        // one published before all of them.
        Article middle = generatedArticle(2000, QStringLiteral("Late, among the rows shown"));
        middle.published = generatedArticle(700, {}).published.addSecs(30);
        Article old = generatedArticle(2001, QStringLiteral("Late, older than the rows shown"));
        old.published = generatedArticle(100, {}).published.addSecs(30);
        storeArticles({middle, old});

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.refreshNewest();
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.rowCount(), 2 * ArticleListModel::kPageSize + 1);
        int at = -1;
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.index(r, ArticleListModel::Title).data().toString() == middle.title)
                at = r;
        QVERIFY(at > 0);
        // Generated 699-701 share one minute, 702 the next; the late story is 30 s into 699-701's.
        QCOMPARE(model.index(at - 1, ArticleListModel::Title).data().toString(), QStringLiteral("Generated 702"));
        QCOMPARE(model.index(at + 1, ArticleListModel::Title).data().toString(), QStringLiteral("Generated 701"));

        // The older one comes with the pages below, once, in its place.
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 1002);
        QSet<qint64> seen;
        int oldAt = -1;
        for (int r = 0; r < model.rowCount(); ++r) {
            seen.insert(model.articleId(r));
            if (model.index(r, ArticleListModel::Title).data().toString() == old.title)
                oldAt = r;
        }
        QCOMPARE(seen.size(), 1002);
        QCOMPARE(model.index(oldAt + 1, ArticleListModel::Title).data().toString(), QStringLiteral("Generated 101"));
        model.refreshNewest();   // nothing new: nothing moves
        QCOMPARE(model.rowCount(), 1002);
    }

    void readerHighlightsThePhrasesThatMovedTheScore()
    {
        SelectionModel selection;
        ReaderPanel reader(db(), &selection);
        const qint64 id = *queryScalar(db(), QStringLiteral("SELECT id FROM articles WHERE guid = 'demo-0020'"));
        selection.setArticle(id);
        QCOMPARE(reader.articleId(), id);
        const QString html = reader.browser()->toHtml();
        QVERIFY(reader.browser()->toPlainText().contains(QStringLiteral("Shares rose nearly 9%")));
        // Qt rewrites the spans into its own markup; the colours and tooltips survive.
        QVERIFY2(html.contains(QStringLiteral("#c9f0d3")), qPrintable(html.left(2000)));
        QVERIFY(html.contains(QStringLiteral("#f8cfcf")));
        // The tooltip of a phrase is its weight.
        QString tip;
        for (QTextBlock b = reader.browser()->document()->begin(); b.isValid(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                if (it.fragment().text() == QLatin1String("squeezing free cash flow"))
                    tip = it.fragment().charFormat().toolTip();
            }
        }
        QCOMPARE(tip, QStringLiteral("META weight -0.45"));
        QCOMPARE(reader.scoreTable()->rowCount(), 1);
        QCOMPARE(reader.scoreTable()->item(0, 2)->text(), QStringLiteral("bearish"));
    }

    void articleMarkupIsShownAsTextAndNothingIsFetched()
    {
        Article a;
        a.title = QStringLiteral("<b>Bold</b> claim");
        a.source = QStringLiteral("Test");
        a.published = QDateTime(QDate(2026, 4, 8), QTime(12, 0), Qt::UTC);
        a.body = QStringLiteral("Hello <script>alert('x')</script><img src=\"https://tracker.invalid/p.gif\"> world");
        const QString html = ArticleHtml::render(a, {});
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(!html.contains(QStringLiteral("<img")));
        QVERIFY(!html.contains(QStringLiteral("alert(")));
        SafeTextBrowser browser;
        browser.setHtml(QStringLiteral("<p>x<img src=\"https://tracker.invalid/p.gif\"></p>"));
        QVERIFY(twtest::shownAt(browser, {300, 200}));
        QVERIFY(browser.refusedLoads() >= 1);
        QVERIFY(browser.loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("https://x.invalid/a.png")))
                    .isNull());
    }

    void spansWithStaleOffsetsFallBackToThePhrase()
    {
        ArticleTickerScore s;
        s.ticker = QStringLiteral("META");
        s.spans = ArticleScoreReader::parseSpans(
            QStringLiteral(R"([{"start":0,"end":4,"weight":0.5,"text":"rally"},{"start":-3,"end":2,"weight":-1}])"));
        QCOMPARE(s.spans.size(), 1);
        const QString html = ArticleHtml::highlight(QStringLiteral("A broad rally."), QStringLiteral("body"), {s});
        QVERIFY2(html.contains(QStringLiteral(">rally</span>")), qPrintable(html));
    }

    void timelineSelectsTheDateAndListsSources()
    {
        SelectionModel selection;
        selection.setTicker(QStringLiteral("META"));
        TimelinePanel timeline(db(), &selection);
        ReaderPanel reader(db(), &selection);
        QTreeWidgetItem *newest = timeline.events()->topLevelItem(0);
        QVERIFY(newest->text(0).startsWith(QStringLiteral("2026-04-21")));
        QTreeWidgetItem *guidance = nullptr;
        for (int i = 0; i < timeline.events()->topLevelItemCount(); ++i) {
            if (timeline.events()->topLevelItem(i)->text(1).contains(QStringLiteral("capex guidance")))
                guidance = timeline.events()->topLevelItem(i);
        }
        QVERIFY(guidance);
        QCOMPARE(guidance->text(2), QStringLiteral("$115–135 billion"));
        QCOMPARE(guidance->text(3), QStringLiteral("4"));
        timeline.events()->setCurrentItem(guidance);
        QCOMPARE(selection.focusDate(), QDate(2026, 4, 8));
        QCOMPARE(timeline.sources()->count(), 4);
        timeline.sources()->setCurrentRow(0);
        QVERIFY(reader.articleId() > 0);
        QVERIFY(reader.browser()->toPlainText().contains(QStringLiteral("Muse Spark")));
    }

    void capexShowsGuidanceBesideActuals()
    {
        SelectionModel selection;
        selection.setTicker(QStringLiteral("META"));
        CapexPanel capex(db(), &selection);
        const QList<CapexFigure> &f = capex.figures();
        QCOMPARE(f.size(), 3);
        QCOMPARE(f.at(0).year, 2024);
        QVERIFY(!f.at(0).guidance);
        QCOMPARE(f.at(2).year, 2026);
        QVERIFY(f.at(2).guidance);
        QCOMPARE(f.at(2).midpoint(), 125.0);
        // The table lists the newest year first.
        QCOMPARE(capex.table()->item(0, 0)->text(), QStringLiteral("2026"));
        QCOMPARE(capex.table()->item(0, 4)->text(), QStringLiteral("+74% vs 2025"));
        QCOMPARE(capex.table()->item(0, 4)->toolTip(), QStringLiteral("+74% against the 2025 actual"));
        QCOMPARE(capex.table()->item(0, 2)->text(), QStringLiteral("115–135"));   // as guided, no ".0"
        QCOMPARE(capex.table()->item(0, 3)->text(), QStringLiteral("125"));
        QCOMPARE(capex.table()->item(2, 0)->text(), QStringLiteral("2024"));
    }

    void capexPrefersTheTenKAndJudgesItAgainstTheGuidance()
    {
        const auto row = [](const char *date, const char *kind, const char *basis, double low, double high) {
            EventRow e;
            e.ticker = QStringLiteral("GOOGL");
            e.eventDate = QString::fromLatin1(date);
            e.kind = QString::fromLatin1(kind);
            e.basis = QString::fromLatin1(basis);
            e.metric = QStringLiteral("capex");
            e.period = QStringLiteral("2025");
            e.amountLow = low;
            e.amountHigh = high;
            e.unit = QStringLiteral("billion");
            return e;
        };
        const QList<EventRow> news{row("2025-02-04", "guidance", "guidance", 75, 75),
                                   row("2025-10-29", "guidance", "guidance", 91, 93),
                                   row("2026-02-04", "actual", "actual", 91.4, 91.4)};
        ReportedFigure tenK;
        tenK.ticker = QStringLiteral("GOOGL");
        tenK.metric = QStringLiteral("capex");
        tenK.period = QStringLiteral("2025");
        tenK.value = 91447000000.0;
        tenK.currency = QStringLiteral("USD");
        tenK.form = QStringLiteral("10-K");
        tenK.filed = QDate(2026, 2, 5);
        ReportedFigure quarter = tenK;
        quarter.period = QStringLiteral("2025-Q4");   // quarters are not the panel's bars
        const QList<CapexFigure> f = CapexPanel::toFigures(news, {tenK, quarter});
        QCOMPARE(f.size(), 2);
        QVERIFY(f.at(0).guidance);
        QCOMPARE(f.at(0).low, 91.0);   // the last guided range
        QVERIFY(!f.at(1).guidance);
        QVERIFY(f.at(1).reported);
        QCOMPARE(f.at(1).high, 91.447);
        QCOMPARE(f.at(1).source, QStringLiteral("10-K filed 2026-02-05"));
        QCOMPARE(*f.at(1).newsFigure, 91.4);   // kept beside it
        QCOMPARE(f.at(1).verdict, QStringLiteral("guided 91\u201393, reported 91.447: inside the range"));
        // Without the filing the news's actual stands, judged as the news's.
        const QList<CapexFigure> newsOnly = CapexPanel::toFigures(news);
        QVERIFY(!newsOnly.at(1).reported);
        QCOMPARE(newsOnly.at(1).verdict, QStringLiteral("guided 91\u201393, news says 91.4: inside the range"));
    }

    void alertsAndFeedsListTheirRows()
    {
        AlertsPanel alerts(db());
        QCOMPARE(alerts.firedTable()->rowCount(), 2);
        QCOMPARE(alerts.firedTable()->item(0, 2)->text(), QStringLiteral("META score above 70"));
        QCOMPARE(alerts.rulesTable()->rowCount(), 2);
        FeedStatusPanel feeds(db());
        QCOMPARE(feeds.table()->rowCount(), 3);
        QCOMPARE(feeds.table()->item(2, 3)->text(), QStringLiteral("HTTP 503 Service Unavailable"));
        const qint64 id = feeds.table()->item(2, 0)->data(Qt::UserRole).toLongLong();
        QSignalSpy retry(&feeds, &FeedStatusPanel::retryRequested);
        QVERIFY(feeds.retryNow(id));
        QCOMPARE(retry.size(), 1);
        const qint64 due = *queryScalar(db(), QStringLiteral("SELECT next_due_utc FROM feeds WHERE id = %1").arg(id));
        QVERIFY(due <= QDateTime::currentMSecsSinceEpoch());
    }

    void settingsWriteFeedsAndAliasesToTheStore()
    {
        twtest::TemporaryStore store;
        QVERIFY2(store.openDemo(QStringLiteral("settings.db"), QStringLiteral("settings")),
                 qPrintable(store.errorString()));
        QSqlDatabase s = store.database();
        SettingsDialog dialog(s);
        QVERIFY(!dialog.addFeed(QStringLiteral("file:///etc/passwd"), QStringLiteral("news"), {}, {}, 15));
        QVERIFY(dialog.addFeed(QStringLiteral("https://about.fb.com/news/feed/"), QStringLiteral("news"),
            QStringLiteral("meta"), QString(), 30));
        QCOMPARE(dialog.feedsTable()->rowCount(), 1);
        auto feeds = FeedStore(s).all();
        QVERIFY(feeds.ok());
        QCOMPARE(feeds->size(), 1);
        QCOMPARE(feeds->first().ticker, QStringLiteral("META"));
        QCOMPARE(feeds->first().title, QStringLiteral("about.fb.com"));
        QCOMPARE(feeds->first().intervalSeconds, 1800);
        dialog.feedsTable()->item(0, 5)->setCheckState(Qt::Unchecked);
        QVERIFY(!FeedStore(s).all()->first().enabled);

        QTableWidget *tickers = dialog.tickersTable();
        QCOMPARE(tickers->item(0, 0)->text(), QStringLiteral("META"));
        tickers->item(0, 2)->setText(QStringLiteral("Meta, Meta Platforms, Avocado lab"));
        tickers->item(1, 3)->setCheckState(Qt::Unchecked);
        QVERIFY(dialog.saveTickers());
        auto meta = TickerStore(s).bySymbol(QStringLiteral("META"));
        QVERIFY(meta.ok() && meta->has_value());
        QCOMPARE((**meta).aliases,
            (QStringList{QStringLiteral("Meta"), QStringLiteral("Meta Platforms"), QStringLiteral("Avocado lab")}));
        QCOMPARE(TickerStore(s).watchlist()->size(), 4);
        QVERIFY(dialog.removeFeed(feeds->first().id));
        QCOMPARE(FeedStore(s).all()->size(), 0);
    }

    void watchlistAddsAndRemovesTickers()
    {
        SelectionModel selection;
        WatchlistPanel watchlist(db(), &selection);
        QVERIFY(watchlist.addTicker(QStringLiteral("amd")));
        QCOMPARE(selection.ticker(), QStringLiteral("AMD"));
        QCOMPARE(watchlist.table()->rowCount(), 6);
        QVERIFY(watchlist.removeTicker(QStringLiteral("AMD")));
        QCOMPARE(watchlist.table()->rowCount(), 5);
        QVERIFY(selection.ticker() != QStringLiteral("AMD"));
    }

    void rowsCommittedElsewhereReachTheWindow()
    {
        StoreWatcher watcher(db(), nullptr, 1'000'000);
        QVERIFY(!watcher.check());
        auto other = StoreConnection::attach(m_store.location(), QStringLiteral("other-writer"));
        QVERIFY(other.ok());
        QSqlQuery q((*other)->database());
        QVERIFY(q.exec(QStringLiteral("UPDATE fired_alerts SET acknowledged = 1 WHERE id = 2")));
        QSignalSpy changed(&watcher, &StoreWatcher::storeChanged);
        QVERIFY(watcher.check());
        QCOMPARE(changed.size(), 1);
    }

    // With TW_PANEL_SHOTS=DIR set, renders each tabbed panel to DIR/<panel>.png
    // so the ones hidden behind tabs in the window can be looked at too.
    // The panels as an analyst sees them: each shows its rows, not its empty
    // state, and its views are drawn (not blank) in the rendered image.
    void panelsRenderForALook()
    {
        // TW_PANEL_SHOTS=DIR keeps the images to look at.
        QTemporaryDir scratch;
        const QString dir = qEnvironmentVariable("TW_PANEL_SHOTS", scratch.path());
        SelectionModel selection;
        selection.setTicker(QStringLiteral("META"));
        CapexPanel capex(db(), &selection);
        AlertsPanel alerts(db());
        FeedStatusPanel feeds(db());
        TimelinePanel timeline(db(), &selection);
        timeline.events()->setCurrentItem(timeline.events()->topLevelItem(3));
        struct Look {
            QWidget *panel;
            QString name;
            QList<QWidget *> views;   // what must be on screen and drawn
            QString text;             // a cell it must show
        };
        const QList<Look> looks{
            {&capex, QStringLiteral("capex"), {capex.table(), capex.findChild<QChartView *>()}, QStringLiteral("2026")},
            {&alerts, QStringLiteral("alerts"), {alerts.firedTable(), alerts.rulesTable()},
             QStringLiteral("META score above 70")},
            {&feeds, QStringLiteral("feeds"), {feeds.table()}, QStringLiteral("HTTP 503 Service Unavailable")},
            {&timeline, QStringLiteral("timeline"), {timeline.events(), timeline.sources()},
             timeline.events()->topLevelItem(3)->text(1)},
        };
        for (const Look &look : looks) {
            look.panel->resize(520, 420);
            look.panel->show();
            QVERIFY(QTest::qWaitForWindowExposed(look.panel));
            const QImage shot = look.panel->grab().toImage();
            QVERIFY(shot.save(dir + QLatin1Char('/') + look.name + QStringLiteral(".png")));
            QVERIFY2(drawnShare(shot) > 0.05, qPrintable(look.name));
            for (QWidget *view : look.views) {
                QVERIFY2(view && view->isVisible(), qPrintable(look.name));
                // A list's rows, not its header (drawn even when it is empty).
                auto *scroll = qobject_cast<QAbstractScrollArea *>(view);
                QWidget *drawn = scroll ? scroll->viewport() : view;
                const QRect area(drawn->mapTo(look.panel, QPoint(0, 0)), drawn->size());
                QVERIFY2(area.height() > 30, qPrintable(look.name));
                QVERIFY2(drawnShare(shot.copy(area)) > 0.01,
                         qPrintable(QStringLiteral("%1: %2 is blank")
                                        .arg(look.name, QString::fromLatin1(view->metaObject()->className()))));
            }
            QVERIFY2(!look.text.isEmpty() && showsText(look.panel, look.text),
                     qPrintable(QStringLiteral("%1 shows no \"%2\"").arg(look.name, look.text)));
        }
        QVERIFY(capex.figures().size() >= 3);
        QCOMPARE(capex.table()->rowCount(), int(capex.figures().size()));
        QVERIFY(timeline.sources()->count() > 0);   // the chosen event's reporting articles
    }

    void anArticleStoredByAnotherConnectionAppearsInTheOpenWindow()
    {
        MainWindow window(m_store.location());
        window.attachStore(db());
        auto *articles = window.findChild<ArticlesPanel *>();
        const int before = articles->model()->rowCount();
        QCOMPARE(articles->model()->filter().ticker, QStringLiteral("META"));
        {
            auto writer = StoreConnection::attach(m_store.location(), QStringLiteral("scheduler"));
            QVERIFY(writer.ok());
            QSqlDatabase w = (*writer)->database();
            Article a = generatedArticle(77, QStringLiteral("Meta opens Muse Spark API to all developers"));
            a.published = QDateTime(QDate(2026, 6, 2), QTime(14, 0), Qt::UTC);
            auto stored = ArticleStore(w).upsert(a);
            QVERIFY(stored.ok());
            QSqlQuery link(w);
            QVERIFY(link.exec(
                QStringLiteral("INSERT INTO article_tickers (article_id, ticker, relevance) VALUES (%1, 'META', 90)")
                    .arg(stored->id)));
        }
        QVERIFY(window.storeWatcher()->check()); // what its timer does every 2 s
        QCOMPARE(articles->model()->rowCount(), before + 1);
        QCOMPARE(articles->model()->index(0, ArticleListModel::Title).data().toString(),
            QStringLiteral("Meta opens Muse Spark API to all developers"));
        QSqlQuery cleanup(db());
        QVERIFY(cleanup.exec(QStringLiteral("DELETE FROM articles WHERE guid = 'gen-77'")));
    }

    void aNamedLayoutIsRecalledByName()
    {
        MainWindow window(m_store.location());
        window.attachStore(db());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.addDockWidget(Qt::TopDockWidgetArea, window.dock<TimelinePanel>());
        DockLayout(&window).save(QStringLiteral("timeline on top"));
        window.resetLayout();
        QVERIFY(window.dockWidgetArea(window.dock<TimelinePanel>()) != Qt::TopDockWidgetArea);
        QVERIFY(DockLayout::savedNames().contains(QStringLiteral("timeline on top")));
        QVERIFY(DockLayout(&window).restore(QStringLiteral("timeline on top")));
        QCOMPARE(window.dockWidgetArea(window.dock<TimelinePanel>()), Qt::TopDockWidgetArea);
    }

    void aMovedDockOfTheFullWindowComesBack()
    {
        {
            MainWindow window(m_store.location());
            window.attachStore(db());
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.addDockWidget(Qt::BottomDockWidgetArea, window.dock<ChartPanel>());
            window.dock<CapexPanel>()->setFloating(true);
            window.close();
        }
        MainWindow restarted(m_store.location());
        restarted.attachStore(db());
        restarted.restoreSavedLayout();
        restarted.show();
        QVERIFY(QTest::qWaitForWindowExposed(&restarted));
        QCOMPARE(restarted.dockWidgetArea(restarted.dock<ChartPanel>()), Qt::BottomDockWidgetArea);
        QVERIFY(restarted.dock<CapexPanel>()->isFloating());
        QVERIFY(restarted.findChild<ChartPanel *>()->candleCount() > 0);
    }
};

QTEST_MAIN(TestPanels)
#include "tst_panels.moc"
