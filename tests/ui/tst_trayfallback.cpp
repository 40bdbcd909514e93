#include "models/alerts/analyststate.h"
#include "models/store/storeconnection.h"
#include "settingssandbox.h"
#include "ui/notify/alertdelivery.h"
#include "ui/notify/desktopnotifier.h"
#include "ui/notify/trayicon.h"
#include "ui/window/mainwindow.h"
#include "xdesktop.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace tw;

namespace {
// A desktop with a system tray of its own: trayer (a small XEmbed tray) on an
// Xvfb display. Without Xvfb or trayer the suite skips.
bool g_haveDesktop = false;
} // namespace

// The notifier's fallback for desktops without a notification service, on a
// real system tray: the balloon is shown and clicking it opens the alert.
class TestTrayFallback : public QObject {
    Q_OBJECT

    twtest::SettingsSandbox m_settings{QStringLiteral("tst_trayfallback")};
    QTemporaryDir m_dir;

    static FiredAlert sampleAlert()
    {
        FiredAlert alert;
        alert.id = 42;
        alert.ruleName = QStringLiteral("META price move >= 5%");
        alert.ticker = QStringLiteral("META");
        alert.message = QStringLiteral("META closed -6.1% at 512.30");
        return alert;
    }

private slots:
    void initTestCase()
    {
        if (!g_haveDesktop)
            QSKIP("needs Xvfb and trayer (scripts/setup.sh installs both)");
        // trayer claims the tray selection a moment after it starts.
        QTRY_VERIFY_WITH_TIMEOUT(QSystemTrayIcon::isSystemTrayAvailable(), 30000);
    }

    void theWindowHasATrayIconWithItsMenu()
    {
        MainWindow window(m_dir.filePath(QStringLiteral("store.db")));
        auto *tray = window.findChild<TrayIcon *>();
        QVERIFY(tray);
        QVERIFY(tray->icon());
        QVERIFY(tray->icon()->isVisible());
        QVERIFY(!tray->icon()->icon().isNull());
        QStringList items;
        for (const QAction *a : tray->icon()->contextMenu()->actions()) {
            if (!a->isSeparator())
                items << a->text().remove(QLatin1Char('&'));
        }
        QCOMPARE(items, (QStringList{QStringLiteral("Show window"), QStringLiteral("Do not disturb"),
                                     QStringLiteral("Quit")}));

        // The switch is the store's (the analyst's own): off until the window has one.
        QVERIFY(!tray->doNotDisturbAction()->isEnabled());
        auto store = StoreConnection::open(m_dir.filePath(QStringLiteral("store.db")), QStringLiteral("tray"));
        QVERIFY(store.ok());
        const AnalystState analyst = AnalystState::forStore((*store)->database());
        tray->setAnalystState(analyst);
        QVERIFY(tray->doNotDisturbAction()->isEnabled());
        QVERIFY(!tray->doNotDisturbAction()->isChecked());
        tray->doNotDisturbAction()->trigger();
        QVERIFY(analyst.doNotDisturb());
        tray->doNotDisturbAction()->trigger();
        QVERIFY(!analyst.doNotDisturb());

        window.hide();
        tray->showWindow();
        QVERIFY(window.isVisible());
    }

    void withoutANotificationServiceTheBalloonOpensTheAlert()
    {
        MainWindow window(m_dir.filePath(QStringLiteral("store.db")));
        // What the launcher does: the engine's notifier gets the window's tray.
        // Its bus connection never reached a bus: no notification service.
        AlertDelivery delivery(m_dir.filePath(QStringLiteral("store.db")), QDBusConnection(QStringLiteral("tw-no-bus")));
        window.findChild<TrayIcon *>()->attach(delivery.notifier());
        QVERIFY(!delivery.notifier()->serverAvailable());
        QSignalSpy open(&delivery, &AlertDelivery::openRequested);

        QCOMPARE(delivery.notifier()->notify(sampleAlert()), DesktopNotifier::Route::Tray);
        // Qt draws the balloon itself on an XEmbed tray.
        QWidget *balloon = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (QWidget *w : QApplication::topLevelWidgets()) {
                    if (w->isVisible() && QLatin1String(w->metaObject()->className()) == QLatin1String("QBalloonTip"))
                        balloon = w;
                }
                return balloon != nullptr;
            }(),
            10000);
        QTest::mouseClick(balloon, Qt::LeftButton, {}, QPoint(10, 10));
        QTRY_COMPARE_WITH_TIMEOUT(open.size(), 1, 10000);
        QCOMPARE(open.first().first().toLongLong(), qint64(42));

        // Muted rules and do-not-disturb show no balloon.
        FiredAlert muted = sampleAlert();
        muted.ruleMuted = true;
        QCOMPARE(delivery.notifier()->notify(muted), DesktopNotifier::Route::Muted);
    }
};

int main(int argc, char **argv)
{
    twtest::XDesktop desktop;
    g_haveDesktop = desktop.start({{QStringLiteral("trayer"), QStringLiteral("--edge"), QStringLiteral("top"),
                                    QStringLiteral("--align"), QStringLiteral("right"), QStringLiteral("--widthtype"),
                                    QStringLiteral("request")}},
                                  QStringLiteral("1024x768x24"));
    if (g_haveDesktop) {
        desktop.use();
        // No session bus: Qt uses the XEmbed tray, not a StatusNotifier one.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    }
    QApplication app(argc, argv);
    TestTrayFallback test;
    const int failures = QTest::qExec(&test, argc, argv);
    std::fflush(stdout);
    return failures;
}

#include "tst_trayfallback.moc"
