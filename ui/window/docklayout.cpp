#include "ui/window/docklayout.h"

#include <QMainWindow>
#include <QSettings>

namespace tw {

DockLayout::DockLayout(QMainWindow *window) : m_window(window) {}

QString DockLayout::key(const QString &name, const char *what)
{
    const QString group = name.isEmpty() ? QStringLiteral("window") : QStringLiteral("layouts/") + name;
    return group + QLatin1Char('/') + QLatin1String(what);
}

void DockLayout::save(const QString &name) const
{
    QSettings settings;
    settings.setValue(key(name, "geometry"), m_window->saveGeometry());
    settings.setValue(key(name, "state"), m_window->saveState(kVersion));
}

bool DockLayout::restore(const QString &name) const
{
    if (!hasSaved(name))
        return false;
    if (name.isEmpty())
        restoreGeometry();
    return restoreState(name);
}

bool DockLayout::restoreGeometry() const
{
    const QByteArray geometry = QSettings().value(key(QString(), "geometry")).toByteArray();
    return !geometry.isEmpty() && m_window->restoreGeometry(geometry);
}

bool DockLayout::restoreState(const QString &name) const
{
    const QByteArray state = QSettings().value(key(name, "state")).toByteArray();
    return !state.isEmpty() && m_window->restoreState(state, kVersion);
}

QStringList DockLayout::savedNames()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("layouts"));
    QStringList names = settings.childGroups();
    names.sort(Qt::CaseInsensitive);
    return names;
}

bool DockLayout::hasSaved(const QString &name) const
{
    return QSettings().contains(key(name, "state"));
}

} // namespace tw
