#pragma once

#include "window/panelids.h"

#include <QHash>
#include <QMainWindow>

class QDockWidget;

namespace tw {

// The terminal window: a frame of dockable panels. It arranges the docks,
// offers the View menu and remembers the arrangement; the panels themselves
// read the store.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QString storeLocation, QWidget *parent = nullptr);

    QDockWidget *dock(PanelId id) const;
    // Puts the docks where a new installation has them.
    void resetLayout();
    void restoreSavedLayout();

    // Replaces a panel's placeholder with the real widget (ownership moves to the dock).
    void setPanelWidget(PanelId id, QWidget *widget);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createDocks();
    void createMenus();

    QString m_storeLocation;
    QHash<PanelId, QDockWidget *> m_docks;
};

} // namespace tw
