#include "ui/notify/trayicon.h"

#include "ui/notify/desktopnotifier.h"

#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QSignalBlocker>
#include <QSystemTrayIcon>

#include <algorithm>

namespace tw {

TrayIcon::TrayIcon(QMainWindow *window) : QObject(window), m_window(window)
{
    setObjectName(QStringLiteral("trayIcon"));
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_icon = new QSystemTrayIcon(appIcon(), this);
    m_icon->setToolTip(QStringLiteral("Tickerwire"));
    // A QMenu has no QObject parent of its own kind here; the window owns it.
    auto *menu = new QMenu(window);
    menu->addAction(tr("&Show window"), this, &TrayIcon::showWindow);
    m_dnd = menu->addAction(tr("&Do not disturb"));
    m_dnd->setCheckable(true);
    m_dnd->setEnabled(false);   // until the window has a store
    connect(m_dnd, &QAction::toggled, this, [this](bool on) {
        if (m_analyst)
            m_analyst->setDoNotDisturb(on);
    });
    // The switch is shared with Settings and the CLI: read it each time the menu opens.
    connect(menu, &QMenu::aboutToShow, this, [this] {
        const QSignalBlocker blocker(m_dnd);
        m_dnd->setChecked(m_analyst && m_analyst->doNotDisturb());
    });
    menu->addSeparator();
    menu->addAction(tr("&Quit"), window, &QWidget::close);
    m_icon->setContextMenu(menu);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            showWindow();
    });
    m_icon->show();
}

void TrayIcon::setAnalystState(const AnalystState &analyst)
{
    m_analyst = analyst;
    if (!m_dnd)
        return;
    const QSignalBlocker blocker(m_dnd);
    m_dnd->setEnabled(true);
    m_dnd->setChecked(m_analyst->doNotDisturb());
}

QIcon TrayIcon::appIcon()
{
    const QIcon own = QApplication::windowIcon();
    if (!own.isNull() && !own.availableSizes().isEmpty())
        return own;
    // A ticker line on a dark tile, readable at tray sizes.
    QIcon icon;
    for (int size : {16, 22, 32, 48, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x1e, 0x3a, 0x5f));
        p.drawRoundedRect(QRectF(0, 0, size, size), size * 0.18, size * 0.18);
        QPainterPath line;
        const double s = size;
        line.moveTo(s * 0.15, s * 0.70);
        line.lineTo(s * 0.38, s * 0.48);
        line.lineTo(s * 0.55, s * 0.60);
        line.lineTo(s * 0.85, s * 0.25);
        p.setPen(QPen(QColor(0x4c, 0xd1, 0x7a), std::max(1.5, s / 10.0), Qt::SolidLine, Qt::RoundCap,
                      Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPath(line);
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

void TrayIcon::attach(DesktopNotifier *notifier)
{
    if (notifier && m_icon)
        notifier->setTrayIcon(m_icon);
}

void TrayIcon::showWindow()
{
    if (!m_window)
        return;
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}

} // namespace tw
