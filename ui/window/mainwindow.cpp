#include "window/mainwindow.h"

#include "window/aboutdialog.h"
#include "dialogs/settingsdialog.h"
#include "notify/trayicon.h"
#include "panels/alertspanel.h"
#include "panels/articlespanel.h"
#include "panels/capexpanel.h"
#include "panels/chartpanel.h"
#include "panels/feedstatuspanel.h"
#include "panels/readerpanel.h"
#include "panels/selectionmodel.h"
#include "panels/timelinepanel.h"
#include "panels/watchlistpanel.h"
#include "window/docklayout.h"
#include "window/storewatcher.h"
#include "window/tablecsv.h"

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
    connect(refreshAction, &QAction::triggered, this, &MainWindow::refresh);
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
    m_progress->hide();
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
    QAbstractItemView *view = nullptr;
    for (QWidget *w = QApplication::focusWidget(); w && !view; w = w->parentWidget())
        view = qobject_cast<QAbstractItemView *>(w);
    if (!view) {
        if (auto *articles = findChild<ArticlesPanel *>())
            view = articles->view();
    }
    if (!view || !view->model())
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export table"), QStringLiteral("tickerwire.csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (auto written = writeTableCsv(*view->model(), path); !written)
        QMessageBox::warning(this, tr("Export"), written.errorMessage());
    else
        statusBar()->showMessage(tr("Exported %1 rows to %2").arg(view->model()->rowCount()).arg(path), 5000);
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
    resizeDocks({dock(PanelId::Watchlist), dock(PanelId::Chart), dock(PanelId::Reader)}, {340, 800, 460},
                Qt::Horizontal);
    resizeDocks({dock(PanelId::Chart), dock(PanelId::Articles)}, {520, 380}, Qt::Vertical);
}

bool MainWindow::restoreSavedLayout()
{
    return DockLayout(this).restore();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    DockLayout(this).save();
    QMainWindow::closeEvent(event);
}

} // namespace tw
