#include "ui/notify/desktopnotifier.h"

#include "models/core/logging.h"
#include "models/text/safetext.h"

#include <QApplication>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusReply>
#include <QSystemTrayIcon>

namespace tw {

namespace {
const QString kInterface = QString::fromLatin1(DesktopNotifier::kService);
constexpr int kMaxTitlesInBody = 5;
} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent) : DesktopNotifier(QDBusConnection::sessionBus(), parent) {}

DesktopNotifier::DesktopNotifier(const QDBusConnection &bus, QObject *parent) : QObject(parent), m_bus(bus)
{
    subscribe();
}

void DesktopNotifier::subscribe()
{
    if (!m_bus.isConnected())
        return;
    m_bus.connect(QString::fromLatin1(kService), QString::fromLatin1(kPath), kInterface,
                  QStringLiteral("ActionInvoked"), this, SLOT(onActionInvoked(uint,QString)));
    m_bus.connect(QString::fromLatin1(kService), QString::fromLatin1(kPath), kInterface,
                  QStringLiteral("NotificationClosed"), this, SLOT(onNotificationClosed(uint,uint)));
}

void DesktopNotifier::setTrayIcon(QSystemTrayIcon *tray)
{
    if (m_tray)
        disconnect(m_tray, nullptr, this, nullptr);
    m_tray = tray;
    if (m_tray) {
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (m_trayAlert != 0)
                emit activated(m_trayAlert);
        });
    }
}

bool DesktopNotifier::serverAvailable() const
{
    if (!m_bus.isConnected() || !m_bus.interface())
        return false;
    const QString service = QString::fromLatin1(kService);
    if (m_bus.interface()->isServiceRegistered(service))
        return true;
    // A server that the bus starts on demand counts too.
    const QDBusReply<QStringList> activatable = m_bus.interface()->call(QStringLiteral("ListActivatableNames"));
    return activatable.isValid() && activatable.value().contains(service);
}

QString DesktopNotifier::summaryFor(const FiredAlert &alert)
{
    return alert.ticker.isEmpty() || alert.ruleName.contains(alert.ticker)
        ? displaySafe(alert.ruleName)
        : displaySafe(QStringLiteral("%1 · %2").arg(alert.ticker, alert.ruleName));
}

QString DesktopNotifier::bodyFor(const FiredAlert &alert)
{
    return displaySafe(alert.message);   // it quotes titles: controls and bidi overrides shown, not acted on
}

DesktopNotifier::Route DesktopNotifier::notify(const FiredAlert &alert)
{
    if (alert.ruleMuted)
        return Route::Muted;
    if (m_doNotDisturb)
        return Route::DoNotDisturb;

    if (serverAvailable()) {
        QDBusMessage call = QDBusMessage::createMethodCall(QString::fromLatin1(kService), QString::fromLatin1(kPath),
                                                           kInterface, QStringLiteral("Notify"));
        QVariantMap hints;
        hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("tickerwire"));
        hints.insert(QStringLiteral("category"), QStringLiteral("x-tickerwire.alert"));
        call << QStringLiteral("Tickerwire") << uint(0) << QStringLiteral("tickerwire") << summaryFor(alert)
             << bodyFor(alert) << QStringList{QStringLiteral("default"), QStringLiteral("Open")} << hints
             << int(-1);
        auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
        m_pending << watcher;
        const qint64 alertId = alert.id;
        connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, alertId] {
            m_pending.removeAll(watcher);
            watcher->deleteLater();
            const QDBusPendingReply<uint> reply = *watcher;
            if (reply.isError()) {
                qCWarning(twAlerts) << "notification server refused alert" << alertId << reply.error().message();
                emit deliveryFailed(alertId, reply.error().message());
                return;
            }
            m_alertByNotification.insert(reply.value(), alertId);
            emit delivered(alertId, reply.value());
        });
        return Route::Bus;
    }

    if (m_tray && qobject_cast<QApplication *>(QCoreApplication::instance()) && QSystemTrayIcon::isSystemTrayAvailable()
        && QSystemTrayIcon::supportsMessages()) {
        m_trayAlert = alert.id;
        m_tray->showMessage(summaryFor(alert), bodyFor(alert), QSystemTrayIcon::Information);
        return Route::Tray;
    }
    return Route::Unavailable;
}

void DesktopNotifier::waitForDelivery()
{
    // Each finished() handler removes its watcher; copy first.
    const QList<QDBusPendingCallWatcher *> pending = m_pending;
    for (QDBusPendingCallWatcher *w : pending)
        w->waitForFinished();
    QCoreApplication::sendPostedEvents();
}

void DesktopNotifier::onActionInvoked(uint notificationId, const QString &actionKey)
{
    Q_UNUSED(actionKey);
    const auto it = m_alertByNotification.constFind(notificationId);
    if (it != m_alertByNotification.cend())
        emit activated(it.value());
}

void DesktopNotifier::onNotificationClosed(uint notificationId, uint reason)
{
    Q_UNUSED(reason);
    m_alertByNotification.remove(notificationId);
}

} // namespace tw
