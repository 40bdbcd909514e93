#include "app/gui/guilauncher.h"

#include "app/cli/storesession.h"

#include "models/demo/demoworkspace.h"
#include "models/text/safetext.h"
#include "feeds/ingest/backgroundfetcher.h"
#include "ui/notify/alertdelivery.h"
#include "ui/notify/trayicon.h"
#include "models/store/articlestore.h"
#include "models/store/storeconnection.h"
#include "models/store/storelocation.h"
#include "ui/window/docklayout.h"
#include "ui/window/layoutpresets.h"
#include "ui/panels/alertspanel.h"
#include "ui/theme/apptheme.h"
#include "ui/window/mainwindow.h"
#include "ui/window/screenshot.h"

#include <QApplication>
#include <QMessageBox>
#include <QScreen>

#include <algorithm>
#include <cstdio>

namespace tw {

namespace {
int reportFatal(const QString &message, bool interactive)
{
    std::fprintf(stderr, "tickerwire: %s\n", terminalSafe(message).toUtf8().constData());
    if (interactive)
        QMessageBox::critical(nullptr, QStringLiteral("Tickerwire"), message);
    return kExitFailure;
}
} // namespace

int runGui(const GlobalOptions &globals)
{
    const bool interactive = globals.screenshot.isEmpty();
    const QString location = StoreLocation::resolve(globals.store);
    auto store = StoreConnection::open(location, QStringLiteral("ui"), keychainStorePassword());
    if (!store)
        return reportFatal(store.errorMessage(), interactive);

    // A first run (empty store) starts on the demo workspace, so the window
    // shows something meaningful before any feed is configured.
    auto articleCount = ArticleStore((*store)->database()).count();
    if (!articleCount)
        return reportFatal(articleCount.errorMessage(), interactive);
    if (globals.demo || *articleCount == 0) {
        if (auto loaded = DemoWorkspace::load((*store)->database()); !loaded)
            return reportFatal(QStringLiteral("Could not load the demo workspace: %1").arg(loaded.errorMessage()),
                               interactive);
    }

    AppTheme::applySaved();   // View > Theme, as chosen last time
    MainWindow window(StoreLocation::forDisplay(location));  // a URL may hold a password
    // A first start fills at most the screen (1366x768 laptops included).
    const QSize available = window.screen() ? window.screen()->availableSize() : QSize(1600, 1000);
    window.resize(std::min(1600, available.width()), std::min(1000, available.height()));
    window.attachStore((*store)->database());
    // Chosen now, applied once when the window is first shown; a preset's
    // name (Overview, Reading, Charts) arranges the docks after that show.
    QString preset;
    if (!globals.layout.isEmpty()) {
        if (!DockLayout(&window).hasSaved(globals.layout) && LayoutPreset::named(globals.layout))
            preset = globals.layout;
        else
            window.restoreSavedLayout(globals.layout);
    }
    else if (interactive)
        window.restoreSavedLayout();
    window.show();

    // Alert rules run on their own thread; a clicked desktop notification
    // brings the window forward (the Alerts panel then shows the cause).
    AlertDelivery alerts(location);
    QObject::connect(&alerts, &AlertDelivery::openRequested, &window, [&window](qint64 alertId) {
        window.showNormal();
        window.raise();
        window.activateWindow();
        if (auto *alertsPanel = window.panel<AlertsPanel>())
            alertsPanel->reveal();
        // Then its cause (the article in the reader), as a double-click in the panel.
        if (auto *alertsPanel = window.panel<AlertsPanel>()) {
            alertsPanel->reload();
            alertsPanel->openCause(alertId);
        }
    });
    QObject::connect(&alerts, &AlertDelivery::alertsFired, &window, &MainWindow::refresh);
    if (auto *tray = window.findChild<TrayIcon *>())
        tray->attach(alerts.notifier());   // balloon fallback without a notification service
    if (interactive)
        alerts.evaluate();
    // Feeds are fetched on a worker thread while the window is open (the
    // same batches as `tickerwire watch`); alert rules run after each batch.
    // A screenshot shows the store as it is and never touches the network.
    if (interactive && !globals.noFetch) {
        auto *fetcher = new BackgroundFetcher(location, BackgroundFetcher::defaultPolicy(), &window);
        QObject::connect(fetcher, &BackgroundFetcher::finished, &alerts, &AlertDelivery::evaluate);
        window.attachFetcher(fetcher);
    }
    if (!preset.isEmpty())
        QTimer::singleShot(0, &window, [&window, preset] { window.applyPreset(preset); });
    if (!interactive)
        scheduleScreenshotAndQuit(&window, globals.screenshot);
    return QApplication::exec();
}

} // namespace tw
