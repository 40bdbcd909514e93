#pragma once

#include "ui/window/panelids.h"

#include <QHash>
#include <QMainWindow>
#include <QSqlDatabase>

class QDockWidget;
class QLabel;
class QProgressBar;

namespace tw {

class BackgroundFetcher;
struct FeedRunSummary;
class SelectionModel;
class StoreWatcher;

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
    // False when nothing was saved (the default arrangement stays).
    bool restoreSavedLayout();

    // Replaces a panel's placeholder with the real widget (ownership moves to the dock).
    void setPanelWidget(PanelId id, QWidget *widget);

    // Fills the docks with the panels, reading `db` (a connection of this
    // thread that outlives the window), and starts watching it for new rows.
    void attachStore(QSqlDatabase db);
    SelectionModel *selection() const { return m_selection; }
    StoreWatcher *storeWatcher() const { return m_watcher; }

    // Re-reads every panel from the store (F5, and when other connections commit).
    void refresh();
    // Ctrl+E: exports what the focused panel shows (the article list when
    // no exporting panel has focus) to a CSV file the user picks.
    void exportFocusedTable();
    // The same for `panel` (a panel's "Export CSV…" context menu calls this).
    Q_INVOKABLE void exportPanel(QWidget *panel);
    // Shows background work (fetching, rescoring) in the status bar: a busy
    // bar and its description while `busy`, cleared when it ends. For the
    // fetch scheduler and scoring to call through a queued connection.
    void setActivity(const QString &description, bool busy);

    // Runs feed fetches in the background while the window is open (call
    // after attachStore; the window takes ownership): the due feeds now and
    // every minute, all enabled feeds on F5, one feed on the feed panel's
    // "Retry now". Closing the window stops it. Without it (screenshots,
    // --no-fetch) F5 only re-reads the store.
    void attachFetcher(BackgroundFetcher *fetcher);
    BackgroundFetcher *fetcher() const { return m_fetcher; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createDocks();
    void createMenus();
    void updateStatus();
    void showFetchProgress(int done, int total);
    void showFetchFinished(const FeedRunSummary &summary);

    QString m_storeLocation;
    QHash<PanelId, QDockWidget *> m_docks;
    QMenu *m_viewMenu = nullptr;
    SelectionModel *m_selection = nullptr;
    StoreWatcher *m_watcher = nullptr;
    QLabel *m_storeStatus = nullptr;
    QLabel *m_refreshStatus = nullptr;
    QProgressBar *m_progress = nullptr;
    BackgroundFetcher *m_fetcher = nullptr;   // child
    QLabel *m_fetchStatus = nullptr;
};

} // namespace tw
