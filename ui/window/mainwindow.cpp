#include "window/mainwindow.h"

#include "window/aboutdialog.h"
#include "window/docklayout.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>

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

    QMenu *view = menuBar()->addMenu(tr("&View"));
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
    resizeDocks({dock(PanelId::Watchlist), dock(PanelId::Chart), dock(PanelId::Reader)}, {260, 800, 440},
                Qt::Horizontal);
    resizeDocks({dock(PanelId::Chart), dock(PanelId::Articles)}, {520, 380}, Qt::Vertical);
}

void MainWindow::restoreSavedLayout()
{
    DockLayout(this).restore();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    DockLayout(this).save();
    QMainWindow::closeEvent(event);
}

} // namespace tw
