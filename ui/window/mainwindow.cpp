#include "ui/window/mainwindow.h"

#include "ui/window/aboutdialog.h"
#include "feeds/ingest/backgroundfetcher.h"
#include "ui/dialogs/settingsdialog.h"
#include "ui/export/csvexportprogress.h"
#include "ui/export/panelexport.h"
#include "ui/notify/trayicon.h"
#include "ui/panels/alertspanel.h"
#include "ui/panels/articlespanel.h"
#include "models/read/articlelistmodel.h"
#include "ui/panels/capexpanel.h"
#include "ui/panels/chartpanel.h"
#include "ui/panels/feedstatuspanel.h"
#include "ui/panels/readerpanel.h"
#include "ui/panels/selectionmodel.h"
#include "ui/panels/timelinepanel.h"
#include "ui/panels/watchlistpanel.h"
#include "ui/window/docklayout.h"
#include "ui/window/storewatcher.h"

#include <QAction>
#include <QApplication>
#include <QAbstractItemView>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>

#include <algorithm>

namespace tw {

MainWindow::MainWindow(QString storeLocation, QWidget *parent)
    : QMainWindow(parent), m_storeLocation(std::move(storeLocation))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("Tickerwire"));
    setDockNestingEnabled(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks | QMainWindow::AllowTabbedDocks);
    createDocks();
    createMenus();
    resetLayout();
    statusBar()->showMessage(QStringLiteral("Store: %1").arg(m_storeLocation));
    new TrayIcon(this);   // child; the launcher hands it to the notifier (findChild<TrayIcon *>)
}

void MainWindow::createDocks()
{
    for (const PanelInfo &panel : kPanels) {
        auto *dock = new QDockWidget(tr(panel.title), this);
        dock->setObjectName(QString::fromLatin1(panel.objectName));
        dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                          | QDockWidget::DockWidgetFloatable);
        auto *placeholder = new QLabel(tr("%1: no data yet").arg(tr(panel.title)), dock);
        placeholder->setAlignment(Qt::AlignCenter);
        placeholder->setEnabled(false);
        dock->setWidget(placeholder);
        m_docks.insert(panel.id, dock);
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QMenu *view = m_viewMenu;
    for (const PanelInfo &panel : kPanels) {
        QAction *toggle = m_docks.value(panel.id)->toggleViewAction();
        toggle->setShortcut(QKeySequence(QString::fromLatin1(panel.shortcut)));
        view->addAction(toggle);
    }
    view->addSeparator();
    view->addAction(tr("&Reset layout"), this, &MainWindow::resetLayout);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Tickerwire"), this, [this] {
        AboutDialog dialog(m_storeLocation, this);
        dialog.exec();
    });
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    // Named arrangements ("reading", "charting"): saved and recalled by name.
    QMenu *layouts = view->addMenu(tr("&Layouts"));
    connect(layouts, &QMenu::aboutToShow, this, [this, layouts] {
        layouts->clear();
        for (const QString &name : DockLayout::savedNames())
            layouts->addAction(name, this, [this, name] { DockLayout(this).restore(name); });
        if (!layouts->isEmpty())
            layouts->addSeparator();
        layouts->addAction(tr("&Save current layout as…"), this, [this] {
            bool ok = false;
            const QString name = QInputDialog::getText(this, tr("Save layout"), tr("Name:"), QLineEdit::Normal,
                                                       QString(), &ok).trimmed();
            if (ok && !name.isEmpty() && !name.contains(QLatin1Char('/')))
                DockLayout(this).save(name);
        });
    });
}

QDockWidget *MainWindow::dock(PanelId id) const
{
    return m_docks.value(id);
}

void MainWindow::setPanelWidget(PanelId id, QWidget *widget)
{
    QDockWidget *d = dock(id);
    QWidget *old = d->widget();
    d->setWidget(widget);
    if (old)
        old->deleteLater();
}

void MainWindow::attachStore(QSqlDatabase db)
{
    m_selection = new SelectionModel(this);
    auto *articles = new ArticlesPanel(db, m_selection);
    auto *feeds = new FeedStatusPanel(db);
    // The chart, timeline and capex panels follow the ticker; they are built
    // before the watchlist, whose first load chooses the initial ticker.
    setPanelWidget(PanelId::Chart, new ChartPanel(db, m_selection));
    setPanelWidget(PanelId::Articles, articles);
    setPanelWidget(PanelId::Reader, new ReaderPanel(db, m_selection));
    setPanelWidget(PanelId::Timeline, new TimelinePanel(db, m_selection));
    setPanelWidget(PanelId::Capex, new CapexPanel(db, m_selection));
    setPanelWidget(PanelId::Alerts, new AlertsPanel(db));
    setPanelWidget(PanelId::FeedStatus, feeds);
    setPanelWidget(PanelId::Watchlist, new WatchlistPanel(db, m_selection));

    QMenu *file = menuBar()->actions().constFirst()->menu();
    auto *exportCsv = new QAction(tr("&Export table as CSV…"), this);
    exportCsv->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    connect(exportCsv, &QAction::triggered, this, &MainWindow::exportFocusedTable);
    file->insertAction(file->actions().constFirst(), exportCsv);
    auto *settings = new QAction(tr("&Settings…"), this);
    settings->setShortcut(QKeySequence(QStringLiteral("Ctrl+,")));
    connect(settings, &QAction::triggered, this, [this, db] {
        SettingsDialog dialog(db, this);
        dialog.exec();
        refresh();
    });
    file->insertAction(exportCsv, settings);

    auto *refreshAction = new QAction(tr("&Refresh"), this);
    refreshAction->setShortcut(QKeySequence::Refresh);
    connect(refreshAction, &QAction::triggered, this, [this] {
        refresh();
        if (m_fetcher)
            m_fetcher->fetchAll();
    });
    auto *search = new QAction(tr("&Search articles"), this);
    search->setShortcut(QKeySequence::Find);
    connect(search, &QAction::triggered, this, [this, articles] {
        dock(PanelId::Articles)->show();
        dock(PanelId::Articles)->raise();
        articles->focusSearch();
    });
    m_viewMenu->insertActions(m_viewMenu->actions().constFirst(), {refreshAction, search});
    m_viewMenu->insertSeparator(m_viewMenu->actions().at(2));

    m_storeStatus = new QLabel(this);
    m_refreshStatus = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(160);
    m_progress->setRange(0, 0);
    m_progress->hide();
    statusBar()->clearMessage();
    statusBar()->addWidget(m_storeStatus, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_refreshStatus);

    m_watcher = new StoreWatcher(db, this);
    connect(m_watcher, &StoreWatcher::storeChanged, this, &MainWindow::refresh);
    connect(feeds, &FeedStatusPanel::retryRequested, this, &MainWindow::updateStatus);
    updateStatus();
}

void MainWindow::refresh()
{
    if (!m_selection)
        return;
    // A fetch in progress keeps its bar while the panels re-read.
    const bool progressShown = m_progress->isVisible();
    m_progress->show();
    // Panels re-read in dock order; each keeps its own selection.
    if (auto *p = findChild<WatchlistPanel *>())
        p->reload();
    if (auto *p = findChild<ChartPanel *>())
        p->reload();
    if (auto *p = findChild<ArticlesPanel *>())
        p->reload();
    if (auto *p = findChild<ReaderPanel *>())
        p->reload();
    if (auto *p = findChild<TimelinePanel *>())
        p->reload();
    if (auto *p = findChild<CapexPanel *>())
        p->reload();
    if (auto *p = findChild<AlertsPanel *>())
        p->reload();
    if (auto *p = findChild<FeedStatusPanel *>())
        p->reload();
    m_progress->setVisible(progressShown);
    updateStatus();
}

void MainWindow::setActivity(const QString &description, bool busy)
{
    if (!m_progress)
        return;
    m_progress->setVisible(busy);
    m_progress->setFormat(description);
    m_progress->setToolTip(description);
    if (busy)
        statusBar()->showMessage(description);
    else
        statusBar()->clearMessage();
}

void MainWindow::attachFetcher(BackgroundFetcher *fetcher)
{
    if (!m_selection || m_fetcher)
        return;
    m_fetcher = fetcher;
    fetcher->setParent(this);
    m_fetchStatus = new QLabel(this);
    m_fetchStatus->setObjectName(QStringLiteral("fetchStatus"));
    statusBar()->addPermanentWidget(m_fetchStatus);
    m_progress->setObjectName(QStringLiteral("fetchProgress"));
    connect(fetcher, &BackgroundFetcher::started, this, [this] { showFetchProgress(0, 0); });
    connect(fetcher, &BackgroundFetcher::progress, this, &MainWindow::showFetchProgress);
    connect(fetcher, &BackgroundFetcher::finished, this, &MainWindow::showFetchFinished);
    connect(fetcher, &BackgroundFetcher::failed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Fetch failed: %1").arg(message), 10000);
    });
    if (auto *feeds = findChild<FeedStatusPanel *>())
        connect(feeds, &FeedStatusPanel::retryRequested, fetcher, [fetcher](qint64 id) { fetcher->fetchFeeds({id}); });

    auto *fetchDue = new QAction(tr("&Fetch due feeds"), this);
    fetchDue->setObjectName(QStringLiteral("fetchDueAction"));
    fetchDue->setShortcut(QKeySequence(QStringLiteral("Shift+F5")));
    connect(fetchDue, &QAction::triggered, fetcher, &BackgroundFetcher::fetchDue);
    m_viewMenu->insertAction(m_viewMenu->actions().value(1), fetchDue);

    // The same pass as `tickerwire watch`: due feeds now, then every minute.
    auto *minute = new QTimer(this);
    minute->setInterval(60 * 1000);
    connect(minute, &QTimer::timeout, fetcher, &BackgroundFetcher::fetchDue);
    minute->start();
    fetcher->fetchDue();
}

void MainWindow::showFetchProgress(int done, int total)
{
    const QString text = tr("Fetching %1/%2 feeds…").arg(done).arg(total);
    m_progress->setRange(0, std::max(total, 1));
    m_progress->setValue(std::min(done, std::max(total, 1)));
    m_progress->setFormat(text);
    m_progress->setTextVisible(true);
    m_progress->setToolTip(text);
    m_progress->show();
    statusBar()->showMessage(text);
}

void MainWindow::showFetchFinished(const FeedRunSummary &summary)
{
    m_progress->hide();
    m_progress->setRange(0, 0);   // back to the busy bar setActivity() shows
    statusBar()->clearMessage();
    m_fetchStatus->setText(tr("Last fetch %1: %2 new articles, %3 failed")
                               .arg(QTime::currentTime().toString(QStringLiteral("HH:mm")))
                               .arg(summary.newArticles)
                               .arg(summary.failed));
    // The article list places stories published earlier but fetched now
    // among the rows it shows (ArticleListModel::refreshNewest).
    refresh();
}

void MainWindow::updateStatus()
{
    if (!m_storeStatus)
        return;
    // The write-ahead log is part of the store's size on disk until a checkpoint.
    const qint64 bytes = m_watcher ? m_watcher->storeSizeBytes() : QFileInfo(m_storeLocation).size();
    m_storeStatus->setText(tr("Store: %1 (%2)").arg(m_storeLocation, QLocale::system().formattedDataSize(bytes)));
    m_refreshStatus->setText(tr("Last refresh %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
}

void MainWindow::exportFocusedTable()
{
    QWidget *panel = exportablePanelOf(QApplication::focusWidget());
    if (!panel)
        panel = findChild<ArticlesPanel *>();
    if (panel)
        exportPanel(panel);
}

void MainWindow::exportPanel(QWidget *panel)
{
    // The panel's query, not its view's rows: a lazily paged list has only
    // loaded what was scrolled to, the file must hold every row it filters to.
    auto what = panelExport(panel);
    if (!what) {
        QMessageBox::information(this, tr("Export CSV"), what.errorMessage());
        return;
    }
    CsvExportProgress::askAndStart(this, m_storeLocation, what->query, what->name);
}

void MainWindow::resetLayout()
{
    // Watchlist and feeds on the left, chart over articles in the middle,
    // reader on the right, timeline/capex/alerts tabbed under the reader.
    for (QDockWidget *d : std::as_const(m_docks)) {
        d->setFloating(false);
        d->show();
    }
    addDockWidget(Qt::LeftDockWidgetArea, dock(PanelId::Watchlist));
    addDockWidget(Qt::LeftDockWidgetArea, dock(PanelId::FeedStatus));
    splitDockWidget(dock(PanelId::Watchlist), dock(PanelId::Chart), Qt::Horizontal);
    splitDockWidget(dock(PanelId::Chart), dock(PanelId::Reader), Qt::Horizontal);
    splitDockWidget(dock(PanelId::Watchlist), dock(PanelId::FeedStatus), Qt::Vertical);
    splitDockWidget(dock(PanelId::Chart), dock(PanelId::Articles), Qt::Vertical);
    splitDockWidget(dock(PanelId::Reader), dock(PanelId::Timeline), Qt::Vertical);
    tabifyDockWidget(dock(PanelId::Timeline), dock(PanelId::Capex));
    tabifyDockWidget(dock(PanelId::Capex), dock(PanelId::Alerts));
    dock(PanelId::Timeline)->raise();
    resizeDocks({dock(PanelId::Watchlist), dock(PanelId::Chart), dock(PanelId::Reader)}, {380, 760, 460},
                Qt::Horizontal);
    resizeDocks({dock(PanelId::Chart), dock(PanelId::Articles)}, {520, 380}, Qt::Vertical);
}

bool MainWindow::restoreSavedLayout()
{
    return DockLayout(this).restore();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Fetches in flight are abandoned; whatever was stored stays.
    if (m_fetcher)
        m_fetcher->stop();
    DockLayout(this).save();
    QMainWindow::closeEvent(event);
}

} // namespace tw
