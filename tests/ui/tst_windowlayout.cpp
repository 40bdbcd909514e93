// The window after an analyst's first hour (#23.2, 3, 8, 9): columns get
// width by importance at 1366×768, named layout presets, why F5 does nothing
// in a --no-fetch session, and where Ctrl+E suggests saving.
#include "models/read/articlelistmodel.h"
#include "onscreen.h"
#include "settingssandbox.h"
#include "temporarystores.h"
#include "ui/export/exportlocation.h"
#include "ui/panels/articlespanel.h"
#include "ui/panels/capexpanel.h"
#include "ui/panels/columnfitter.h"
#include "ui/panels/feedstatuspanel.h"
#include "ui/panels/selectionmodel.h"
#include "ui/panels/timelinepanel.h"
#include "ui/panels/watchlistpanel.h"
#include "ui/window/layoutpresets.h"
#include "ui/window/mainwindow.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QHeaderView>
#include <QMenuBar>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTabBar>
#include <QTest>
#include <QTreeWidget>

using namespace tw;

namespace {
// The widest visible column of a header.
int widestColumn(const QHeaderView *header)
{
    int widest = -1;
    for (int c = 0; c < header->count(); ++c) {
        if (!header->isSectionHidden(c) && (widest < 0 || header->sectionSize(c) > header->sectionSize(widest)))
            widest = c;
    }
    return widest;
}

QAction *actionNamed(QWidget *window, const QString &text)
{
    for (QAction *a : window->findChildren<QAction *>()) {
        if (a->text().remove(QLatin1Char('&')) == text)
            return a;
    }
    return nullptr;
}
} // namespace

class TestWindowLayout : public QObject {
    Q_OBJECT

    twtest::SettingsSandbox m_settings{QStringLiteral("tst_windowlayout")};
    twtest::TemporaryStore m_store;

    QSqlDatabase db() const { return m_store.database(); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_store.openDemoWithFixedRows(QStringLiteral("demo.db"), QStringLiteral("layout")),
                 qPrintable(m_store.errorString()));
    }

    void cleanupTestCase() { m_store.close(); }

    void theMainTextGetsTheRoomAt1366x768()
    {
        MainWindow window(m_store.location());
        window.attachStore(db());
        QVERIFY(twtest::shownAt(window, {1366, 768}));
        QVERIFY(window.applyPreset(QStringLiteral("Overview")));
        window.selection()->setTicker(QStringLiteral("META"));
        QTest::qWait(50);   // the fitters run once the event loop turns
        for (ColumnFitter *fitter : window.findChildren<ColumnFitter *>())
            fitter->fit();

        const QTreeWidget *events = window.findChild<TimelinePanel *>()->events();
        QVERIFY(events->isVisible());
        QCOMPARE(widestColumn(events->header()), 1);   // Event, not Amount
        // Values give way to their minimum (the date, a key, stays whole): the
        // event keeps at least a third of a narrow column.
        QVERIFY2(events->header()->sectionSize(1) >= events->viewport()->width() / 3,
                 qPrintable(QStringLiteral("%1 of %2").arg(events->header()->sectionSize(1))
                                .arg(events->viewport()->width())));

        const QTableView *articles = window.findChild<ArticlesPanel *>()->view();
        QVERIFY(articles->isVisible());
        QCOMPARE(widestColumn(articles->horizontalHeader()), int(ArticleListModel::Title));
        QString widths;
        for (int c = 0; c < articles->horizontalHeader()->count(); ++c)
            widths += QString::number(articles->horizontalHeader()->sectionSize(c)) + QLatin1Char(' ');
        QVERIFY2(articles->horizontalHeader()->sectionSize(ArticleListModel::Title)
                     >= ColumnFitter::kMainShare * articles->viewport()->width() - 1,
                 qPrintable(widths + QString::number(articles->viewport()->width())));

        const QTableWidget *watchlist = window.findChild<WatchlistPanel *>()->table();
        QCOMPARE(widestColumn(watchlist->horizontalHeader()), 3);   // the score with its evidence

        // The capex table's figures (range, midpoint, change) stay whole in a 400-px dock.
        QTableWidget *capex = window.findChild<CapexPanel *>()->table();
        QVERIFY(capex->isVisible() && capex->rowCount() > 0);
        for (int col : {2, 3, 4}) {
            for (int row = 0; row < capex->rowCount(); ++row) {
                const QString text = capex->item(row, col)->text();
                const int needs = capex->fontMetrics().horizontalAdvance(text);
                QVERIFY2(capex->horizontalHeader()->sectionSize(col) > needs,
                         qPrintable(QStringLiteral("column %1 '%2' needs %3 px, has %4")
                                        .arg(col).arg(text).arg(needs)
                                        .arg(capex->horizontalHeader()->sectionSize(col))));
            }
        }
        window.close();
    }

    // A 1366x768 laptop shows the whole window in every preset: no dock asks
    // for more height or width than the screen has (the status bar and the
    // lower tabs must not fall off the bottom).
    void everyPresetFitsA1366x768Screen()
    {
        MainWindow window(m_store.location());
        window.attachStore(db());
        QVERIFY(twtest::shownAt(window, {1366, 740}));
        QVERIFY2(window.height() <= 740, qPrintable(QStringLiteral("first shown: %1 tall").arg(window.height())));
        window.selection()->setTicker(QStringLiteral("META"));
        QTest::qWait(50);
        QVERIFY2(window.height() <= 740, qPrintable(QStringLiteral("with META: %1 tall").arg(window.height())));
        for (const LayoutPreset &preset : LayoutPreset::all()) {
            QVERIFY(window.applyPreset(preset.name));
            QTest::qWait(50);
            QString needs;
            for (QDockWidget *d : window.findChildren<QDockWidget *>())
                if (d->isVisible())
                    needs += QStringLiteral(" %1 %2x%3").arg(d->objectName()).arg(d->minimumSizeHint().width())
                                 .arg(d->minimumSizeHint().height());
            const QSize least = window.minimumSizeHint().expandedTo(window.minimumSize());
            QVERIFY2(least.height() <= 740 && least.width() <= 1366,
                     qPrintable(preset.name + QStringLiteral(": window needs %1x%2;").arg(least.width()).arg(least.height())
                                + needs));
            QVERIFY2(window.height() <= 740, qPrintable(preset.name + QStringLiteral(": %1 tall").arg(window.height())));
            // Every dock tab says its whole name ("Watchlist", not "Watc…").
            for (QTabBar *bar : window.findChildren<QTabBar *>()) {
                if (!bar->isVisible() || bar->count() < 2)
                    continue;
                QStringList tabs;
                for (int i = 0; i < bar->count(); ++i)
                    tabs << bar->tabText(i);
                QVERIFY2(bar->width() >= bar->sizeHint().width(),
                         qPrintable(preset.name + QStringLiteral(": tabs %1 need %2 px, have %3")
                                        .arg(tabs.join(QStringLiteral(", ")))
                                        .arg(bar->sizeHint().width())
                                        .arg(bar->width())));
            }
        }
        window.close();
    }

    void aCutValueShowsItsWholeTextAsTooltip()
    {
        QTableWidget table(1, 2);
        table.setItem(0, 0, new QTableWidgetItem(QStringLiteral("Quayside Capital Journal — Technology desk")));
        table.setItem(0, 1, new QTableWidgetItem(QStringLiteral("Short")));
        ColumnFitter::install(&table, table.horizontalHeader(),
                              {{0, ColumnRule::Fit, 4, 8, Qt::ElideMiddle}, {1, ColumnRule::Main, 10}});
        QVERIFY(twtest::shownAt(table, {400, 200}));
        QTest::qWait(20);
        const int charWidth = table.fontMetrics().averageCharWidth();
        QVERIFY(table.columnWidth(0) <= 8 * charWidth + 1);   // capped, not as wide as the name
        auto *delegate = qobject_cast<FullTextDelegate *>(table.itemDelegate());
        QVERIFY(delegate);
        QStyleOptionViewItem option;
        option.initFrom(table.viewport());
        option.rect = table.visualRect(table.model()->index(0, 0));
        QHelpEvent help(QEvent::ToolTip, option.rect.center(), table.viewport()->mapToGlobal(option.rect.center()));
        QVERIFY(delegate->helpEvent(&help, &table, option, table.model()->index(0, 0)));
        table.close();
    }

    void presetsArrangeTheDocksByName()
    {
        QStringList names;
        for (const LayoutPreset &p : LayoutPreset::all())
            names << p.name;
        QCOMPARE(names, (QStringList{QStringLiteral("Overview"), QStringLiteral("Reading"), QStringLiteral("Charts")}));

        MainWindow window(m_store.location());
        window.attachStore(db());
        QVERIFY(twtest::shownAt(window, {1600, 1000}));
        QVERIFY(!window.applyPreset(QStringLiteral("No such layout")));

        QVERIFY(window.applyPreset(QStringLiteral("Reading")));
        QTest::qWait(20);
        QDockWidget *reader = window.dock(QStringLiteral("dock.reader"));
        QDockWidget *articles = window.dock(QStringLiteral("dock.articles"));
        QVERIFY(reader->isVisible() && articles->isVisible());
        // Reading favours the text: the reader is the widest and tallest dock.
        QVERIFY2(reader->width() > window.width() / 2,
                 qPrintable(QStringLiteral("reader %1, articles %2 (needs at least %3), watchlist needs %4")
                                .arg(reader->width())
                                .arg(articles->width())
                                .arg(articles->minimumSizeHint().width())
                                .arg(window.dock(QStringLiteral("dock.watchlist"))->minimumSizeHint().width())));
        QVERIFY(reader->height() > articles->height());
        // The glanced-at panels share tab groups instead of their own strips.
        const QList<QDockWidget *> shared = window.tabifiedDockWidgets(window.dock(QStringLiteral("dock.watchlist")));
        QVERIFY(shared.contains(window.dock(QStringLiteral("dock.chart"))));
        QVERIFY(shared.contains(window.dock(QStringLiteral("dock.signal"))));
        const QList<QDockWidget *> besideList = window.tabifiedDockWidgets(articles);
        QVERIFY(besideList.contains(window.dock(QStringLiteral("dock.feeds"))));
        QVERIFY(besideList.contains(window.dock(QStringLiteral("dock.alerts"))));

        QVERIFY(window.applyPreset(QStringLiteral("charts")));   // names match case-insensitively
        QTest::qWait(20);
        QVERIFY(window.dock(QStringLiteral("dock.chart"))->width() > reader->width());

        QVERIFY(window.applyPreset(QStringLiteral("Overview")));
        QTest::qWait(20);
        QVERIFY(window.tabifiedDockWidgets(window.dock(QStringLiteral("dock.alerts"))).contains(window.dock(QStringLiteral("dock.feeds"))));
        for (QDockWidget *d : window.findChildren<QDockWidget *>())
            QVERIFY2(!d->isHidden(), qPrintable(d->objectName()));   // every panel has a place in Overview
        window.close();
    }

    void withoutFetchingF5AndRetrySayWhyNothingIsFetched()
    {
        MainWindow window(m_store.location());
        window.attachStore(db());   // no attachFetcher(): a --no-fetch session
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction *refresh = actionNamed(&window, QStringLiteral("Refresh"));
        QVERIFY(refresh);
        refresh->trigger();
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("--no-fetch")),
                 qPrintable(window.statusBar()->currentMessage()));
        window.statusBar()->clearMessage();

        auto *feeds = window.findChild<FeedStatusPanel *>();
        QVERIFY(feeds->progressText().contains(QStringLiteral("--no-fetch")));
        const qint64 feedId = feeds->table()->item(0, 0)->data(Qt::UserRole).toLongLong();
        QVERIFY(feeds->retryNow(feedId));
        QVERIFY2(window.statusBar()->currentMessage().startsWith(QStringLiteral("Feed marked due.")),
                 qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("--no-fetch")));

        // A fetch's progress shows in the panel as in the status bar.
        feeds->showFetchProgress(3, 12);
        QCOMPARE(feeds->progressText(), QStringLiteral("Fetching 3/12 feeds…"));
        feeds->showFetchFinished(QStringLiteral("Last fetch 10:00: 4 new articles, 0 failed"));
        QCOMPARE(feeds->progressText(), QStringLiteral("Last fetch 10:00: 4 new articles, 0 failed"));
        window.close();
    }

    void exportSuggestsDocumentsWithPanelTickerAndDateRememberedPerPanel()
    {
        SelectionModel selection;
        selection.setTicker(QStringLiteral("META"));
        ArticlesPanel articles(db(), &selection);
        struct {
            QString name;
            QString panelKey;
        } exported{ExportLocation::datedName(articles.exportName(), QDate::currentDate()), articles.objectName()},
            *what = &exported;   // what MainWindow::exportPanel hands the save dialog
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        QCOMPARE(what->name, QStringLiteral("articles-META-%1.csv").arg(today));
        QCOMPARE(what->panelKey, QStringLiteral("articlesPanel"));

        QTemporaryDir documents;
        const QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        QVERIFY(QDir().mkpath(docs));
        QCOMPARE(ExportLocation::suggestedPath(what->panelKey, what->name), QDir(docs).filePath(what->name));
        // The folder chosen for one panel is where that panel's next export starts; others keep theirs.
        ExportLocation::remember(what->panelKey, documents.filePath(QStringLiteral("mine.csv")));
        QCOMPARE(ExportLocation::suggestedPath(what->panelKey, what->name), QDir(documents.path()).filePath(what->name));
        QCOMPARE(ExportLocation::suggestedPath(QStringLiteral("watchlistPanel"), QStringLiteral("scores.csv")),
                 QDir(docs).filePath(QStringLiteral("scores.csv")));
        QCOMPARE(ExportLocation::datedName(QStringLiteral("alerts.csv"), QDate(2026, 4, 8)),
                 QStringLiteral("alerts-2026-04-08.csv"));
    }
};

QTEST_MAIN(TestWindowLayout)
#include "tst_windowlayout.moc"
