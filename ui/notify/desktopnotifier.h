#pragma once

#include "models/alerts/firedalertstore.h"

#include <QDBusConnection>
#include <QHash>
#include <QObject>
#include <QPointer>

class QDBusPendingCallWatcher;
class QSystemTrayIcon;

namespace tw {

// Delivers fired alerts as desktop notifications: through the freedesktop
// notification service on the session bus where there is one, else as a
// tray balloon (only inside the window: QSystemTrayIcon needs widgets).
// Muted rules and "do not disturb" deliver nothing; the firing is in the
// store and the Alerts panel either way. Clicking a notification emits
// activated() with the alert, so the window can open on its cause.
class DesktopNotifier : public QObject {
    Q_OBJECT
public:
    enum class Route { Bus, Tray, Muted, DoNotDisturb, Unavailable };
    Q_ENUM(Route)

    static constexpr const char *kService = "org.freedesktop.Notifications";
    static constexpr const char *kPath = "/org/freedesktop/Notifications";

    explicit DesktopNotifier(QObject *parent = nullptr);   // the session bus
    explicit DesktopNotifier(const QDBusConnection &bus, QObject *parent = nullptr);

    // Delivers nothing while on (the analyst's do-not-disturb or pop-ups
    // switch for the store: AnalystState::mayPopUp).
    void setDoNotDisturb(bool on) { m_doNotDisturb = on; }
    bool doNotDisturb() const { return m_doNotDisturb; }
    // The window's tray icon, for the fallback. Not owned.
    void setTrayIcon(QSystemTrayIcon *tray);

    // True when a notification server is running or can be started on the bus.
    bool serverAvailable() const;

    // Hands one firing to the best route and says which it took. Bus delivery
    // is asynchronous: delivered() follows when the server has accepted it.
    Route notify(const FiredAlert &alert);

    // Blocks until the server has answered every notification sent so far;
    // the command line calls it before exiting.
    void waitForDelivery();

    static QString summaryFor(const FiredAlert &alert);
    static QString bodyFor(const FiredAlert &alert);

signals:
    void delivered(qint64 alertId, uint notificationId);
    void deliveryFailed(qint64 alertId, const QString &message);
    void activated(qint64 alertId);

private slots:
    void onActionInvoked(uint notificationId, const QString &actionKey);
    void onNotificationClosed(uint notificationId, uint reason);

private:
    void subscribe();

    QDBusConnection m_bus;
    bool m_doNotDisturb = false;
    QPointer<QSystemTrayIcon> m_tray;
    qint64 m_trayAlert = 0;
    QHash<uint, qint64> m_alertByNotification;
    QList<QDBusPendingCallWatcher *> m_pending;
};

} // namespace tw
