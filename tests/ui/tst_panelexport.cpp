#include "models/export/csvexport.h"
#include "settingssandbox.h"
#include "temporarystores.h"
#include "ui/export/csvexportprogress.h"
#include "models/export/csvreader.h"
#include "ui/window/panelregistry.h"
#include "ui/panels/alertspanel.h"
#include "ui/panels/articlespanel.h"
#include "ui/panels/capexpanel.h"
#include "ui/panels/chartpanel.h"
#include "ui/panels/feedstatuspanel.h"
#include "ui/panels/readerpanel.h"
#include "ui/panels/selectionmodel.h"
#include "ui/panels/timelinepanel.h"
#include "ui/panels/watchlistpanel.h"
#include "models/read/articlelistmodel.h"
#include "models/store/articlestore.h"
#include "models/store/sqldialect.h"
#include "models/store/sqlexec.h"
#include "generatednotes.h"
#include "listexportcheck.h"
#include "testsupport.h"
#include "ui/window/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QChartView>
#include <QContextMenuEvent>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

Q_DECLARE_METATYPE(tw::ArticleFilter)

using namespace tw;

namespace {
constexpr int kGenerated = 450; // more than two pages of the article list

// A column of a parsed export by its header name.
QStringList column(const QList<QStringList> &rows, const QString &header)
{
    const qsizetype c = rows.value(0).indexOf(header);
    QStringList values;
    if (c < 0)
        return values;
    for (qsizetype r = 1; r < rows.size(); ++r)
        values << rows.at(r).value(c);
    return values;
}

// The distinct values, sorted.
QStringList distinct(const QStringList &values)
{
    QStringList out = values;
    out.sort();
    out.removeDuplicates();
    return out;
}

QList<QStringList> readCsv(const QString &path)
{
    auto parsed = CsvReader::parse(twtest::readAll(path));
    return parsed ? *parsed : QList<QStringList>();
}
} // namespace

// Ctrl+E and "Export CSV…" on the panels: each exports, through the store
// and not through the view, exactly the rows the panel shows with its filter.
class TestPanelExport : public QObject {
    Q_OBJECT

    twtest::SettingsSandbox m_settings{QStringLiteral("tst_panelexport")};
    twtest::TemporaryStore m_store;

    QSqlDatabase db() const { return m_store.database(); }

    // Runs the window's export runner on `query` to a file and parses it back.
    QList<QStringList> exportThroughProgress(const ExportQuery &query, const QString &name)
    {
        const QString path = m_store.filePath(name);
        CsvExportProgress run(m_store.location(), query, path, false, nullptr);
        run.setQuiet(true);
        QSignalSpy finished(&run, &CsvExportProgress::finished);
        run.start();
        if (!finished.wait(120000))
            return {};
        if (!finished.first().at(0).toBool())
            qWarning() << finished.first().at(3).toString();
        return readCsv(path);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_store.openDemoWithFixedRows(QStringLiteral("demo.db"), QStringLiteral("panelexport")),
                 qPrintable(m_store.errorString()));

        // Enough capex notes on META that the filtered list has several pages.
        const QString notes = twtest::addGeneratedNotes(db(), kGenerated);
        QVERIFY2(notes.isEmpty(), qPrintable(notes));
    }

    void cleanupTestCase() { m_store.close(); }

    void articlePanelExportsEveryFilteredRowNotOnlyTheLoadedPage()
    {
        SelectionModel selection;
        ArticlesPanel panel(db(), &selection);
        selection.setTicker(QStringLiteral("META")); // the ticker filter follows the selection
        panel.searchBox()->setText(QStringLiteral("capex"));
        panel.applyFilters();
        ArticleListModel *model = panel.model();
        QCOMPARE(model->filter().ticker, QStringLiteral("META"));
        QCOMPARE(model->filter().search, QStringLiteral("capex"));
        QCOMPARE(model->rowCount(), ArticleListModel::kPageSize);
        QVERIFY(model->canFetchMore({}));

        auto query = panel.exportQuery();
        QVERIFY2(query.ok(), qPrintable(query.ok() ? QString() : query.errorMessage()));
        QCOMPARE(panel.exportName(), QStringLiteral("articles-META.csv"));
        const QList<QStringList> rows = exportThroughProgress(*query, QStringLiteral("articles-meta-capex.csv"));

        // What the panel shows, every page of it.
        while (model->canFetchMore({}))
            model->fetchMore({});
        QStringList shownIds;
        QStringList shownTitles;
        for (int r = 0; r < model->rowCount(); ++r) {
            shownIds << QString::number(model->articleId(r));
            shownTitles << model->index(r, ArticleListModel::Title).data().toString();
        }
        // 2/3 of the generated notes are META and 4/5 of those mention capex,
        // plus the demo's own META capex articles.
        QVERIFY2(model->rowCount() > ArticleListModel::kPageSize, qPrintable(QString::number(model->rowCount())));
        QCOMPARE(rows.size(), model->rowCount() + 1);
        QCOMPARE(rows.first().first(), QStringLiteral("article_id"));
        QCOMPARE(column(rows, QStringLiteral("article_id")), shownIds);
        QCOMPARE(column(rows, QStringLiteral("title")), shownTitles);
        for (const QString &tickers : column(rows, QStringLiteral("tickers")))
            QVERIFY2(tickers.contains(QStringLiteral("META")), qPrintable(tickers));
    }

    void articleListQueryMatchesThePagesForEveryFilter_data()
    {
        QTest::addColumn<ArticleFilter>("filter");
        QTest::addColumn<bool>("matches");
        ArticleFilter f;
        QTest::newRow("no filter") << f << true;
        f.newestFirst = false;
        QTest::newRow("oldest first") << f << true;
        f = {};
        f.source = QStringLiteral("Odd Wire");
        f.ticker = QStringLiteral("NVDA");
        QTest::newRow("source and ticker") << f << true;
        f = {};
        f.label = QStringLiteral("bearish");
        QTest::newRow("label") << f << true;
        f.ticker = QStringLiteral("META");
        QTest::newRow("label and ticker") << f << true;
        f = {};
        f.from = QDateTime(QDate(2026, 2, 1), QTime(1, 0), Qt::UTC);
        f.to = QDateTime(QDate(2026, 2, 1), QTime(2, 0), Qt::UTC);
        QTest::newRow("date range") << f << true;
        f = {};
        f.search = QStringLiteral("note");
        f.newestFirst = false;
        QTest::newRow("search, oldest first") << f << true;
        f = {};
        f.search = QStringLiteral("zzzznothing");
        QTest::newRow("search without matches") << f << false;
    }

    void articleListQueryMatchesThePagesForEveryFilter()
    {
        QFETCH(ArticleFilter, filter);
        QFETCH(bool, matches);
        int listed = 0;
        const QString difference = twtest::compareListWithExport(db(), filter, listed);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        QCOMPARE(listed > 0, matches);
    }

    void timelineExportsItsEvents()
    {
        SelectionModel selection;
        selection.setTicker(QStringLiteral("META"));
        TimelinePanel timeline(db(), &selection);
        QSet<QString> shown;
        QSet<QString> shownTitles;
        for (int i = 0; i < timeline.events()->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *item = timeline.events()->topLevelItem(i);
            shown.insert(QString::number(item->data(0, Qt::UserRole + 1).toLongLong()));
            shownTitles.insert(item->text(1));
        }
        QVERIFY(shown.size() >= 3);
        const QList<QStringList> rows = exportThroughProgress(*timeline.exportQuery(), QStringLiteral("events.csv"));
        QVERIFY(rows.size() > 1);
        const QStringList ids = column(rows, QStringLiteral("event_id"));
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()), shown);
        const QStringList titles = column(rows, QStringLiteral("title"));
        QCOMPARE(QSet<QString>(titles.begin(), titles.end()), shownTitles);
        QCOMPARE(distinct(column(rows, QStringLiteral("ticker"))), QStringList{QStringLiteral("META")});
    }

    void capexExportsTheGuidanceHistoryBehindTheFigures()
    {
        SelectionModel selection;
        selection.setTicker(QStringLiteral("META"));
        CapexPanel capex(db(), &selection);
        QVERIFY(!capex.figures().isEmpty());
        const QList<QStringList> rows = exportThroughProgress(*capex.exportQuery(), QStringLiteral("capex.csv"));
        QVERIFY(rows.size() > 1);
        // Every figure drawn is one of the exported rows, amounts in billions as drawn.
        const QStringList dates = column(rows, QStringLiteral("event_date"));
        const QStringList highs = column(rows, QStringLiteral("amount_high"));
        const QStringList lows = column(rows, QStringLiteral("amount_low"));
        const QStringList units = column(rows, QStringLiteral("unit"));
        for (const CapexFigure &f : capex.figures()) {
            bool found = false;
            for (qsizetype r = 0; r < dates.size() && !found; ++r) {
                EventRow e;
                e.unit = units.at(r);
                const double low = e.inBillions((lows.at(r).isEmpty() ? highs : lows).at(r).toDouble());
                const double high = e.inBillions((highs.at(r).isEmpty() ? lows : highs).at(r).toDouble());
                found = dates.at(r) == f.date && qFuzzyCompare(low, f.low) && qFuzzyCompare(high, f.high);
            }
            QVERIFY2(found, qPrintable(QStringLiteral("%1 %2-%3").arg(f.date).arg(f.low).arg(f.high)));
        }
        SelectionModel none;
        CapexPanel empty(db(), &none);
        QVERIFY(!empty.exportQuery().ok());
    }

    void alertsPanelExportsTheFiredAlerts()
    {
        AlertsPanel alerts(db());
        auto query = alerts.exportQuery();
        QVERIFY(query.ok());
        QCOMPARE(alerts.exportName(), QStringLiteral("alerts.csv"));
        const QList<QStringList> rows = exportThroughProgress(*query, QStringLiteral("alerts.csv"));
        QTableWidget *fired = alerts.firedTable();
        QVERIFY(fired->rowCount() > 0);
        QCOMPARE(rows.size(), fired->rowCount() + 1);
        QSet<QString> shownMessages;
        QSet<QString> shownTickers;
        for (int r = 0; r < fired->rowCount(); ++r) {
            shownMessages.insert(fired->item(r, 4)->text());
            shownTickers.insert(fired->item(r, 3)->text());
        }
        const QStringList messages = column(rows, QStringLiteral("message"));
        QCOMPARE(QSet<QString>(messages.begin(), messages.end()), shownMessages);
        const QStringList tickers = column(rows, QStringLiteral("ticker"));
        QCOMPARE(QSet<QString>(tickers.begin(), tickers.end()), shownTickers);
    }

    void chartExportsTheBarsOfItsRange()
    {
        SelectionModel selection;
        selection.setTicker(QStringLiteral("META"));
        ChartPanel chart(db(), &selection);
        for (ChartPanel::Range range : {ChartPanel::Range::M3, ChartPanel::Range::All}) {
            chart.setRange(range);
            QVERIFY(chart.candleCount() > 10);
            const QList<QStringList> rows = exportThroughProgress(*chart.exportQuery(), QStringLiteral("quotes.csv"));
            QCOMPARE(rows.size(), chart.candleCount() + 1);
            QCOMPARE(distinct(column(rows, QStringLiteral("ticker"))), QStringList{QStringLiteral("META")});
        }
        QCOMPARE(chart.exportName(), QStringLiteral("quotes-META.csv"));
    }

    void watchlistExportsTheSelectedTickersScoreHistory()
    {
        SelectionModel selection;
        WatchlistPanel watchlist(db(), &selection);
        selection.setTicker(QStringLiteral("META"));
        const qint64 stored
            = *queryScalar(db(), QStringLiteral("SELECT COUNT(*) FROM corporate_scores WHERE ticker = 'META'"));
        QVERIFY(stored > 0);
        const QList<QStringList> rows = exportThroughProgress(*watchlist.exportQuery(), QStringLiteral("scores.csv"));
        QCOMPARE(rows.size(), stored + 1);
        QCOMPARE(distinct(column(rows, QStringLiteral("ticker"))), QStringList{QStringLiteral("META")});
    }

    void readerAndFeedsExportWhatTheyShow()
    {
        SelectionModel selection;
        ReaderPanel reader(db(), &selection);
        QVERIFY(!reader.exportQuery().ok()); // nothing open
        const qint64 id = *queryScalar(db(), QStringLiteral("SELECT id FROM articles WHERE guid = 'demo-0020'"));
        selection.setArticle(id);
        QList<QStringList> rows = exportThroughProgress(*reader.exportQuery(), QStringLiteral("article.csv"));
        QVERIFY(rows.size() > 1);
        QCOMPARE(distinct(column(rows, QStringLiteral("article_id"))), QStringList{QString::number(id)});

        FeedStatusPanel feeds(db());
        auto query = feeds.exportQuery();
        QVERIFY(query.ok());
        rows = exportThroughProgress(*query, QStringLiteral("feeds.csv"));
        QCOMPARE(rows.size(), feeds.table()->rowCount() + 1);
    }

    void ctrlEOnAFocusedDockExportsThatDock()
    {
        MainWindow window(m_store.location());
        window.attachStore(db());
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.selection()->setTicker(QStringLiteral("META"));

        // Every panel offering "Export CSV…" in a context menu exports; the
        // eight panels with tables and the Signal panel's figures all do (a
        // panel without one need not). Each is brought to the front first,
        // as it is when its dock has the focus (the Signal panel computes
        // only once on screen).
        int exporting = 0;
        for (const PanelSpec &spec : panelRegistry()) {
            Panel *panel = Panel::containing(window.dock(QString::fromLatin1(spec.objectName)));
            QVERIFY2(panel, spec.objectName);
            panel->reveal();
            bool hasEntry = false;
            for (const QWidget *w : panel->findChildren<QWidget *>()) {
                for (const QAction *a : w->actions())
                    hasEntry = hasEntry || a->objectName() == QLatin1String("exportCsvAction");
            }
            if (!hasEntry)
                continue;
            ++exporting;
            auto what = panel->exportQuery();
            QVERIFY2(what.ok(), qPrintable(what.ok() ? QString() : what.errorMessage()));
            QVERIFY(panel->exportName().endsWith(QLatin1String(".csv")));
        }
        QVERIFY(exporting >= 9);

        // A right click on the article list and on the chart opens that menu.
        for (QAbstractScrollArea *area :
            {static_cast<QAbstractScrollArea *>(window.findChild<ArticlesPanel *>()->view()),
                static_cast<QAbstractScrollArea *>(window.findChild<QChartView *>())}) {
            QStringList shown;
            QTimer::singleShot(0, this, [&shown] {
                if (auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())) {
                    for (const QAction *a : menu->actions())
                        shown << a->text();
                    menu->close();
                }
            });
            const QPoint at(20, 20);
            QContextMenuEvent click(QContextMenuEvent::Mouse, at, area->viewport()->mapToGlobal(at));
            QApplication::sendEvent(area->viewport(), &click);
            QCOMPARE(shown, QStringList{QStringLiteral("Export CSV…\tCtrl+E")});
        }
        // The popup took the activation; give it back for the key presses.
        window.activateWindow();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));

        auto *timeline = window.findChild<TimelinePanel *>();
        QVERIFY(timeline);
        QCOMPARE(Panel::containing(window.dock<TimelinePanel>()), timeline);
        window.dock<TimelinePanel>()->raise();
        timeline->events()->setFocus();
        QCOMPARE(QApplication::focusWidget(), timeline->events());

        const QString path = m_store.filePath(QStringLiteral("ctrl-e.csv"));
        CsvExportProgress::answerSaveDialogWith(path);
        QTest::keyClick(timeline->events(), Qt::Key_E, Qt::ControlModifier);
        // The file appears only once complete (written aside, then renamed).
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 60000);
        QList<QStringList> rows = readCsv(path);
        QVERIFY(rows.size() > 1);
        QCOMPARE(rows.first().first(), QStringLiteral("event_id"));
        QCOMPARE(rows.size() - 1, qsizetype(CsvExport(db(), {}).countRows(*timeline->exportQuery()).value()));

        // Focus in the article list: the article list, with its filter.
        auto *articles = window.findChild<ArticlesPanel *>();
        articles->view()->setFocus();
        const QString articlesPath = m_store.filePath(QStringLiteral("ctrl-e-articles.csv"));
        CsvExportProgress::answerSaveDialogWith(articlesPath);
        QTest::keyClick(articles->view(), Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(articlesPath), 60000);
        rows = readCsv(articlesPath);
        QCOMPARE(rows.first().first(), QStringLiteral("article_id"));
        QCOMPARE(rows.size() - 1, qsizetype(CsvExport(db(), {}).countRows(*articles->exportQuery()).value()));

        // The context menu entry of a panel that does not have focus.
        auto *capex = window.findChild<CapexPanel *>();
        QAction *entry = nullptr;
        for (QAction *a : capex->table()->actions()) {
            if (a->objectName() == QLatin1String("exportCsvAction"))
                entry = a;
        }
        QVERIFY(entry);
        QVERIFY(entry->text().startsWith(QStringLiteral("Export CSV")));
        const QString capexPath = m_store.filePath(QStringLiteral("menu-capex.csv"));
        CsvExportProgress::answerSaveDialogWith(capexPath);
        entry->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(capexPath), 60000);
        rows = readCsv(capexPath);
        QCOMPARE(rows.size() - 1, qsizetype(CsvExport(db(), {}).countRows(*capex->exportQuery()).value()));
        CsvExportProgress::answerSaveDialogWith(QString());
    }
};

QTEST_MAIN(TestPanelExport)
#include "tst_panelexport.moc"
