#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

class QMainWindow;

namespace tw {

// Saves and restores the window's geometry and dock arrangement in QSettings
// (the analyst's own settings, never the shared store). A dock added since an
// arrangement was saved keeps the place the window gave it; bump kVersion
// only when a saved arrangement must no longer be applied at all.
class DockLayout {
public:
    static constexpr int kVersion = 1;

    explicit DockLayout(QMainWindow *window);

    void save(const QString &name = QString()) const;
    // False when nothing (or an incompatible arrangement) was saved under `name`.
    bool restore(const QString &name = QString()) const;
    // The two halves of restore(): the window's size and place (only the
    // arrangement saved on quitting has one), and the docks' arrangement.
    bool restoreGeometry() const;
    bool restoreState(const QString &name) const;
    bool hasSaved(const QString &name) const;
    // Names of the layouts saved with save(name), sorted.
    static QStringList savedNames();

private:
    static QString key(const QString &name, const char *what);

    QMainWindow *m_window;
};

} // namespace tw
