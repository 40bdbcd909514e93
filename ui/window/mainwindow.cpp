#include "ui/window/mainwindow.h"

#include "feeds/ingest/backgroundfetcher.h"
#include "models/alerts/analyststate.h"
#include "models/core/logging.h"
#include "ui/dialogs/helpdialog.h"
#include "models/demo/demoremover.h"
#include "ui/dialogs/settingsdialog.h"
#include "ui/export/csvexportprogress.h"
#include "ui/export/exportlocation.h"
#include "ui/panels/feedstatuspanel.h"
#include "ui/window/layoutpresets.h"
#include "ui/notify/trayicon.h"
#include "ui/panels/articlespanel.h"
#include "ui/panels/panel.h"
#include "ui/panels/selectionmodel.h"
#include "ui/theme/apptheme.h"
#include "ui/window/aboutdialog.h"
#include "ui/window/docklayout.h"
#include "ui/window/panelregistry.h"
#include "ui/window/storewatcher.h"

#include <QAction>
#include <QDate>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include <algorithm>

namespace tw {

namespace {
const QString kLockedKey = QStringLiteral("window/layoutLocked");

QString titleOf(const PanelSpec &spec)
{
    return QCoreApplication::translate("tw::PanelRegistry", spec.title);
}

// The window area a dock's chain of places starts from.
Qt::DockWidgetArea rootAreaOf(const PanelSpec &spec)
{
    const PanelSpec *s = &spec;
    for (int hops = 0; s->place.kind != DockPlace::Kind::Area && hops < 32; ++hops) {
        const PanelSpec *next = nullptr;
        for (const PanelSpec &other : panelRegistry()) {
            if (qstrcmp(other.objectName, s->place.of) == 0)
                next = &other;
        }
        if (!next)
            break;
        s = next;
    }
    return s->place.kind == DockPlace::Kind::Area ? s->place.area : Qt::LeftDockWidgetArea;
}
} // namespace

MainWindow::MainWindow(QString storeLocation, QWidget *parent)
    : QMainWindow(parent), m_storeLocation(std::move(storeLocation))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("Tickerwire"));
    setDockNestingEnabled(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks | QMainWindow::AllowTabbedDocks);
    createDocks();
    createMenus();
    setLayoutLocked(QSettings().value(kLockedKey, false).toBool());
    statusBar()->showMessage(tr("Store: %1").arg(m_storeLocation));
    new TrayIcon(this);   // child; the launcher hands it to the notifier (findChild<TrayIcon *>)
}

void MainWindow::createDocks()
{
    for (const PanelSpec &spec : panelRegistry()) {
        auto *dock = new QDockWidget(titleOf(spec), this);
        dock->setObjectName(QString::fromLatin1(spec.objectName));
        auto *placeholder = new QLabel(tr("%1: no data yet").arg(titleOf(spec)), dock);
        placeholder->setAlignment(Qt::AlignCenter);
        placeholder->setEnabled(false);
        dock->setWidget(placeholder);
        // A menu reads "&" as a mnemonic: the toggle shows the title as written.
        dock->toggleViewAction()->setText(dock->windowTitle().replace(QLatin1Char('&'), QStringLiteral("&&")));
        m_docks << dock;
    }
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quit = m_fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QMenu *view = m_viewMenu;
    // Store and panel actions go above this separator (attachStore).
    m_panelToggles = view->addSeparator();
    for (int i = 0; i < m_docks.size(); ++i) {
        QAction *toggle = m_docks.at(i)->toggleViewAction();
        toggle->setShortcut(QKeySequence(QString::fromLatin1(panelRegistry().at(i).shortcut)));
        view->addAction(toggle);
    }
    view->addSeparator();
    view->addAction(tr("&Reset layout"), this, &MainWindow::resetLayout);
    m_lockAction = view->addAction(tr("&Lock layout"));
    m_lockAction->setObjectName(QStringLiteral("lockLayoutAction"));
    m_lockAction->setCheckable(true);
    connect(m_lockAction, &QAction::toggled, this, [this](bool locked) {
        setLayoutLocked(locked);
        QSettings().setValue(kLockedKey, locked);
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *helpPage = help->addAction(tr("Tickerwire &Help"), this, [this] { HelpDialog::showHelp(this); });
    helpPage->setObjectName(QStringLiteral("helpAction"));
    helpPage->setShortcut(QKeySequence::HelpContents);
    QAction *about = help->addAction(tr("&About Tickerwire"), this, [this] {
        AboutDialog dialog(m_storeLocation, this);
        dialog.exec();
    });
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    // Named arrangements: the presets, then the analyst's own, saved and recalled by name.
    QMenu *layouts = view->addMenu(tr("&Layouts"));
    layouts->setObjectName(QStringLiteral("layoutsMenu"));
    connect(layouts, &QMenu::aboutToShow, this, [this, layouts] {
        layouts->clear();
        layouts->setToolTipsVisible(true);
        for (const LayoutPreset &preset : LayoutPreset::all()) {
            QAction *a = layouts->addAction(preset.name, this, [this, name = preset.name] { applyPreset(name); });
            a->setToolTip(preset.purpose);
        }
        layouts->addSeparator();
        for (const QString &name : DockLayout::savedNames())
            layouts->addAction(name, this, [this, name] { restoreSavedLayout(name); });
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
    view->addSeparator();
    auto *theme = new ThemeMenu(view);
    view->addMenu(theme);
    connect(theme, &ThemeMenu::themeChanged, this, &MainWindow::refresh);   // views re-read their colours
}

QDockWidget *MainWindow::dock(const QString &objectName) const
{
    for (QDockWidget *d : m_docks) {
        if (d->objectName() == objectName)
            return d;
    }
    return nullptr;
}

QDockWidget *MainWindow::dockOf(const QMetaObject *type) const
{
    const PanelSpec *spec = panelSpecOf(type);
    return spec ? dock(QString::fromLatin1(spec->objectName)) : nullptr;
}

Panel *MainWindow::panelOf(const QMetaObject *type) const
{
    for (Panel *p : m_panels) {
        if (p->metaObject() == type)
            return p;
    }
    return nullptr;
}

void MainWindow::confirmRemoveDemo(QSqlDatabase db)
{
    DemoRemover remover(db);
    auto survey = remover.survey();
    if (!survey) {
        QMessageBox::warning(this, tr("Remove demo data"), survey.errorMessage());
        return;
    }
    if (survey->articles + survey->quoteBars + survey->rules == 0) {
        QMessageBox::information(this, tr("Remove demo data"), tr("This store holds no demo data."));
        return;
    }
    const QString what = tr("This removes the bundled demo from the store:\n\n"
                            "  %1 demo articles (with their scores and links)\n"
                            "  %2 synthetic price bars\n"
                            "  %3 demo alert rules and their %4 fired alerts\n\n"
                            "Your own articles, prices, rules and watchlist stay.")
                             .arg(survey->articles)
                             .arg(survey->quoteBars)
                             .arg(survey->rules)
                             .arg(survey->firings);
    if (QMessageBox::question(this, tr("Remove demo data"), what, QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    if (auto removed = remover.remove(); !removed) {
        QMessageBox::warning(this, tr("Remove demo data"), removed.errorMessage());
        return;
    }
    refresh();
}

void MainWindow::attachStore(QSqlDatabase db)
{
    m_selection = new SelectionModel(this);
    // Each panel reads the current selection when built and follows it after.
    const PanelContext context{db, m_selection};
    for (int i = 0; i < m_docks.size(); ++i) {
        Panel *panel = panelRegistry().at(i).create(context);
        QDockWidget *d = m_docks.at(i);
        QWidget *placeholder = d->widget();
        d->setWidget(panel);   // the dock owns the panel
        if (placeholder)
            placeholder->deleteLater();
        m_panels << panel;
        connect(panel, &Panel::exportRequested, this, &MainWindow::exportPanel);
    }

    QAction *quit = m_fileMenu->actions().constLast();
    auto *settings = new QAction(tr("&Settings…"), this);
    settings->setShortcut(QKeySequence(QStringLiteral("Ctrl+,")));
    connect(settings, &QAction::triggered, this, [this, db] {
        SettingsDialog dialog(db, this);
        dialog.exec();
        refresh();
    });
    auto *exportCsv = new QAction(tr("&Export table as CSV…"), this);
    exportCsv->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    connect(exportCsv, &QAction::triggered, this, &MainWindow::exportFocusedTable);
    // Stores an older build filled with the demo: take exactly those rows out.
    auto *removeDemo = new QAction(tr("Remove &demo data…"), this);
    removeDemo->setObjectName(QStringLiteral("removeDemoAction"));
    connect(removeDemo, &QAction::triggered, this, [this, db] { confirmRemoveDemo(db); });
    m_fileMenu->insertActions(quit, {settings, removeDemo, exportCsv});

    m_refreshAction = new QAction(tr("&Refresh"), this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    connect(m_refreshAction, &QAction::triggered, this, [this] {
        refresh();
        if (m_fetcher)
            m_fetcher->fetchAll();
        else
            statusBar()->showMessage(tr("Store re-read. %1").arg(fetchingOffText()), 10000);
    });
    m_viewMenu->insertAction(m_panelToggles, m_refreshAction);
    for (Panel *panel : std::as_const(m_panels))
        m_viewMenu->insertActions(m_panelToggles, panel->viewActions());

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

    if (auto *tray = findChild<TrayIcon *>())
        tray->setAnalystState(AnalystState::forStore(db));
    m_watcher = new StoreWatcher(db, this);
    connect(m_watcher, &StoreWatcher::storeChanged, this, &MainWindow::refresh);
    if (auto *feeds = panel<FeedStatusPanel>()) {
        connect(feeds, &FeedStatusPanel::retryRequested, this, [this] {
            updateStatus();
            if (!m_fetcher)
                statusBar()->showMessage(tr("Feed marked due. %1").arg(fetchingOffText()), 10000);
        });
        feeds->showFetchingOff(fetchingOffText());   // until attachFetcher()
    }
    updateStatus();
}

QString MainWindow::fetchingOffText() const
{
    return tr("Feeds are not fetched in this session (started with --no-fetch); "
              "run `tickerwire fetch` or start without --no-fetch.");
}

void MainWindow::refresh()
{
    if (!m_selection)
        return;
    // A fetch in progress keeps its bar while the panels re-read.
    const bool progressShown = m_progress->isVisible();
    m_progress->show();
    // Panels re-read in dock order; each keeps its own selection.
    for (Panel *panel : std::as_const(m_panels))
        panel->reload();
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
    if (auto *feeds = panel<FeedStatusPanel>())
        feeds->showFetchFinished(QString());
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
    for (Panel *panel : std::as_const(m_panels))
        panel->attachFetcher(fetcher);

    auto *fetchDue = new QAction(tr("&Fetch due feeds"), this);
    fetchDue->setObjectName(QStringLiteral("fetchDueAction"));
    fetchDue->setShortcut(QKeySequence(QStringLiteral("Shift+F5")));
    connect(fetchDue, &QAction::triggered, fetcher, &BackgroundFetcher::fetchDue);
    const QList<QAction *> view = m_viewMenu->actions();
    m_viewMenu->insertAction(view.value(view.indexOf(m_refreshAction) + 1, m_panelToggles), fetchDue);

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
    if (auto *feeds = panel<FeedStatusPanel>())
        feeds->showFetchProgress(done, total);
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
    if (auto *feeds = panel<FeedStatusPanel>())
        feeds->showFetchFinished(m_fetchStatus->text());
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
    Panel *panel = Panel::containing(QApplication::focusWidget());
    if (!panel)
        panel = this->panel<ArticlesPanel>();
    if (panel)
        exportPanel(panel);
}

void MainWindow::exportPanel(Panel *panel)
{
    // The panel's query, not its view's rows: a lazily paged list has only
    // loaded what was scrolled to, the file must hold every row it filters to.
    auto query = panel->exportQuery();
    if (!query) {
        QMessageBox::information(this, tr("Export CSV"), query.errorMessage());
        return;
    }
    // Named for the panel, its ticker and today, in the folder last used for it.
    CsvExportProgress::askAndStart(this, m_storeLocation, *query,
                                   ExportLocation::datedName(panel->exportName(), QDate::currentDate()),
                                   panel->objectName());
}

bool MainWindow::applyPreset(const QString &name)
{
    const LayoutPreset *preset = LayoutPreset::named(name);
    return preset && preset->apply(this);
}

void MainWindow::resetLayout()
{
    m_startFromSaved = false;
    if (m_shown)
        arrangeDefault();
}

void MainWindow::arrangeDefault()
{
    // A first start (and View > Reset layout) is the Overview preset: the
    // often empty panels (feed status, alerts) share tabs with busy ones.
    if (applyPreset(QStringLiteral("Overview")))
        return;
    for (QDockWidget *d : std::as_const(m_docks)) {
        d->setFloating(false);
        d->show();
    }
    const QList<PanelSpec> &specs = panelRegistry();
    auto placeAll = [&](DockPlace::Kind kind) {
        for (int i = 0; i < specs.size(); ++i) {
            const DockPlace &place = specs.at(i).place;
            if (place.kind != kind)
                continue;
            QDockWidget *d = m_docks.at(i);
            QDockWidget *other = place.of ? dock(QString::fromLatin1(place.of)) : nullptr;
            switch (kind) {
            case DockPlace::Kind::Area:
                addDockWidget(place.area, d);
                break;
            case DockPlace::Kind::RightOf:
                splitDockWidget(other, d, Qt::Horizontal);
                break;
            case DockPlace::Kind::Below:
                splitDockWidget(other, d, Qt::Vertical);
                break;
            case DockPlace::Kind::TabbedWith:
                tabifyDockWidget(other, d);
                break;
            }
        }
    };
    for (auto kind : {DockPlace::Kind::Area, DockPlace::Kind::RightOf, DockPlace::Kind::Below,
                      DockPlace::Kind::TabbedWith})
        placeAll(kind);
    // A tab group shows its first dock; then the sizes of the docks that ask for one.
    QList<QDockWidget *> wide, tall;
    QList<int> widths, heights;
    for (int i = 0; i < specs.size(); ++i) {
        const PanelSpec &spec = specs.at(i);
        if (spec.place.kind == DockPlace::Kind::TabbedWith) {
            const PanelSpec *first = &spec;
            while (first->place.kind == DockPlace::Kind::TabbedWith) {
                const qsizetype at = m_docks.indexOf(dock(QString::fromLatin1(first->place.of)));
                if (at < 0)
                    break;
                first = &specs.at(at);
            }
            dock(QString::fromLatin1(first->objectName))->raise();
        }
        if (spec.size.width() > 0) {
            wide << m_docks.at(i);
            widths << spec.size.width();
        }
        if (spec.size.height() > 0) {
            tall << m_docks.at(i);
            heights << spec.size.height();
        }
    }
    resizeDocks(wide, widths, Qt::Horizontal);
    resizeDocks(tall, heights, Qt::Vertical);
}

bool MainWindow::restoreSavedLayout(const QString &name)
{
    DockLayout layout(this);
    if (!layout.hasSaved(name))
        return false;
    if (m_shown)
        return layout.restore(name);
    // The geometry now, so the first show has the saved size; the docks once shown.
    if (name.isEmpty())
        layout.restoreGeometry();
    m_startFromSaved = true;
    m_startLayout = name;
    return true;
}

void MainWindow::setLayoutLocked(bool locked)
{
    m_layoutLocked = locked;
    const QDockWidget::DockWidgetFeatures features = locked
        ? QDockWidget::NoDockWidgetFeatures
        : QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable;
    for (QDockWidget *d : std::as_const(m_docks))
        d->setFeatures(features);
    const QSignalBlocker blocker(m_lockAction);
    m_lockAction->setChecked(locked);
}

void MainWindow::showEvent(QShowEvent *event)
{
    // The arrangement is applied once, at the first show, as Tiled does:
    // before it the window has no real size, and arranging twice (before and
    // after) left a stale, empty tab bar over the real one that swallowed
    // clicks on the Timeline / Capex / Alerts tabs.
    if (!m_shown) {
        m_shown = true;
        bool restored = false;
        if (m_startFromSaved) {
            // Docks the saved state does not know (a panel added since) keep
            // their default window area.
            const QList<PanelSpec> &specs = panelRegistry();
            for (int i = 0; i < specs.size(); ++i)
                addDockWidget(rootAreaOf(specs.at(i)), m_docks.at(i));
            restored = DockLayout(this).restoreState(m_startLayout);
        }
        if (!restored)
            arrangeDefault();
        qCDebug(twUi).noquote() << "start-up arrangement:"
                                << (restored ? QStringLiteral("saved '%1'").arg(m_startLayout) : QStringLiteral("default"));
    }
    QMainWindow::showEvent(event);
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
