#include "app/gui/guilauncher.h"

#include "app/cli/storesession.h"

#include "feeds/fetch/defaultfeeds.h"
#include "feeds/ingest/backgroundfetcher.h"
#include "models/demo/demostore.h"
#include "models/demo/demoworkspace.h"
#include "models/directory/watchlistadder.h"
#include "models/store/articlestore.h"
#include "models/store/feedstore.h"
#include "models/store/storeconnection.h"
#include "models/store/storelocation.h"
#include "models/store/tickerstore.h"
#include "models/text/safetext.h"
#include "ui/notify/alertdelivery.h"
#include "ui/notify/trayicon.h"
#include "ui/panels/alertspanel.h"
#include "ui/theme/apptheme.h"
#include "ui/window/docklayout.h"
#include "ui/window/layoutpresets.h"
#include "ui/window/mainwindow.h"
#include "ui/window/screenshot.h"
#include "ui/window/welcomewindow.h"

#include <QApplication>
#include <QMessageBox>
#include <QScreen>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace tw {

namespace {
int reportFatal(const QString &message, bool interactive)
{
    std::fprintf(stderr, "tickerwire: %s\n", terminalSafe(message).toUtf8().constData());
    if (interactive)
        QMessageBox::critical(nullptr, QStringLiteral("Tickerwire"), message);
    return kExitFailure;
}

// Nothing in it yet: no company, no article, no feed.
Result<bool> isEmptyStore(QSqlDatabase db)
{
    auto tickers = TickerStore(db).all();
    if (!tickers)
        return tickers.error();
    auto articles = ArticleStore(db).count();
    if (!articles)
        return articles.error();
    auto feeds = FeedStore(db).all();
    if (!feeds)
        return feeds.error();
    return tickers->isEmpty() && *articles == 0 && feeds->isEmpty();
}

// What the welcome window's "Start" writes: the chosen companies and, if
// asked, each one's usual feeds.
Status startWith(QSqlDatabase db, const QStringList &tickers, bool usualFeeds)
{
    WatchlistAdder adder(db);
    FeedStore feeds(db);
    for (const QString &t : tickers) {
        auto added = adder.add(t);
        if (!added)
            return added.error();
        if (!usualFeeds)
            continue;
        auto stored = TickerStore(db).bySymbol(added->symbol);
        if (!stored)
            return stored.error();
        if (!stored->has_value())
            continue;
        for (const Feed &f : defaultFeedsFor(feedCompanyFor(**stored))) {
            if (auto id = feeds.add(f); !id)
                return id.error();
        }
    }
    return {};
}

// The window on one store, with its alert delivery and background fetching.
class WindowSession {
public:
    WindowSession(QString location, std::unique_ptr<StoreConnection> store, const GlobalOptions &globals)
        : m_location(std::move(location)), m_store(std::move(store))
    {
        const bool interactive = globals.screenshot.isEmpty();
        m_window = std::make_unique<MainWindow>(StoreLocation::forDisplay(m_location));   // a URL may hold a password
        MainWindow &window = *m_window;
        // A first start fills at most the screen (1366x768 laptops included).
        const QSize available = window.screen() ? window.screen()->availableSize() : QSize(1600, 1000);
        window.resize(std::min(1600, available.width()), std::min(1000, available.height()));
        window.attachStore(m_store->database());
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
        m_alerts = std::make_unique<AlertDelivery>(m_location);
        AlertDelivery &alerts = *m_alerts;
        QObject::connect(&alerts, &AlertDelivery::openRequested, &window, [&window](qint64 alertId) {
            window.showNormal();
            window.raise();
            window.activateWindow();
            // Then its cause (the article in the reader), as a double-click in the panel.
            if (auto *alertsPanel = window.panel<AlertsPanel>()) {
                alertsPanel->reveal();
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
            auto *fetcher = new BackgroundFetcher(m_location, BackgroundFetcher::defaultPolicy(), &window);
            QObject::connect(fetcher, &BackgroundFetcher::finished, &alerts, &AlertDelivery::evaluate);
            window.attachFetcher(fetcher);
        }
        if (!preset.isEmpty())
            QTimer::singleShot(0, &window, [&window, preset] { window.applyPreset(preset); });
        if (!interactive)
            scheduleScreenshotAndQuit(&window, globals.screenshot);
    }

private:
    QString m_location;
    std::unique_ptr<StoreConnection> m_store;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<AlertDelivery> m_alerts;
};
} // namespace

int runGui(const GlobalOptions &globals)
{
    const bool interactive = globals.screenshot.isEmpty();
    AppTheme::applySaved();   // View > Theme, as chosen last time (the welcome window too)
    std::unique_ptr<WindowSession> session;

    // --demo alone: the demo's own store, never the analyst's.
    auto openDemo = [&]() -> Status {
        auto demo = DemoStore::open(DemoStore::defaultPath(), QStringLiteral("ui"));
        if (!demo)
            return demo.error();
        session = std::make_unique<WindowSession>(DemoStore::defaultPath(), std::move(demo->connection), globals);
        return {};
    };
    if (globals.demo && globals.store.isEmpty()) {
        if (auto s = openDemo(); !s)
            return reportFatal(s.errorMessage(), interactive);
        return QApplication::exec();
    }

    const QString location = StoreLocation::resolve(globals.store);
    auto store = StoreConnection::open(location, QStringLiteral("ui"), keychainStorePassword());
    if (!store)
        return reportFatal(store.errorMessage(), interactive);
    if (globals.demo) {   // --demo --store FILE: the demo loaded into that store, as asked
        if (auto loaded = DemoWorkspace::load((*store)->database()); !loaded)
            return reportFatal(QStringLiteral("Could not load the demo workspace: %1").arg(loaded.errorMessage()),
                               interactive);
        session = std::make_unique<WindowSession>(location, std::move(*store), globals);
        return QApplication::exec();
    }
    auto empty = isEmptyStore((*store)->database());
    if (!empty)
        return reportFatal(empty.errorMessage(), interactive);
    if (!*empty) {
        session = std::make_unique<WindowSession>(location, std::move(*store), globals);
        return QApplication::exec();
    }

    // A first start: nothing is written until the analyst picks how to begin.
    std::unique_ptr<StoreConnection> own = std::move(*store);
    WelcomeWindow welcome;
    QObject::connect(&welcome, &WelcomeWindow::startRequested, &welcome,
                     [&](const QStringList &tickers, bool usualFeeds) {
                         if (auto s = startWith(own->database(), tickers, usualFeeds); !s) {
                             QMessageBox::warning(&welcome, QStringLiteral("Tickerwire"), s.errorMessage());
                             return;
                         }
                         session = std::make_unique<WindowSession>(location, std::move(own), globals);
                         welcome.hide();
                     });
    QObject::connect(&welcome, &WelcomeWindow::demoRequested, &welcome, [&] {
        if (auto s = openDemo(); !s) {
            QMessageBox::warning(&welcome, QStringLiteral("Tickerwire"), s.errorMessage());
            return;
        }
        welcome.hide();
    });
    const QSize available = welcome.screen() ? welcome.screen()->availableSize() : QSize(1600, 1000);
    welcome.resize(std::min(1200, available.width()), std::min(820, available.height()));
    welcome.show();
    if (!interactive)
        scheduleScreenshotAndQuit(&welcome, globals.screenshot);
    return QApplication::exec();
}

} // namespace tw
