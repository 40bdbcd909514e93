#pragma once

#include "models/alerts/analyststate.h"

#include <QIcon>
#include <QObject>
#include <QPointer>

#include <optional>

class QAction;
class QMainWindow;
class QSystemTrayIcon;

namespace tw {

class DesktopNotifier;

// The window's system tray entry: the app icon with a small menu (show the
// window, do not disturb, quit), and the notifier's fallback for desktops
// without a notification service: a clicked balloon opens the window on the
// alert through DesktopNotifier::activated. Where the desktop has no tray
// there is no icon and the notifier keeps its other routes.
class TrayIcon : public QObject {
    Q_OBJECT

public:
    explicit TrayIcon(QMainWindow *window);

    // The icon for the tray and the window: the application's, or a drawn one.
    static QIcon appIcon();

    // Null where the desktop has no system tray.
    QSystemTrayIcon *icon() const { return m_icon; }
    QAction *doNotDisturbAction() const { return m_dnd; }

    // Hands the icon to the notifier (its balloon fallback); nothing without a tray.
    void attach(DesktopNotifier *notifier);
    // The store whose do-not-disturb switch the menu shows and sets (the
    // analyst's own: AnalystState). Until then the switch is disabled.
    void setAnalystState(const AnalystState &analyst);

public slots:
    void showWindow();

private:
    QPointer<QMainWindow> m_window;
    QSystemTrayIcon *m_icon = nullptr;
    QAction *m_dnd = nullptr;
    std::optional<AnalystState> m_analyst;
};

} // namespace tw
