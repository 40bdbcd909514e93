#pragma once

#include <QList>
#include <QMainWindow>
#include <QSqlDatabase>

class QAction;
class QDockWidget;
class QLabel;
class QProgressBar;

namespace tw {

class BackgroundFetcher;
struct FeedRunSummary;
class Panel;
struct PanelSpec;
class SelectionModel;
class StoreWatcher;

// The terminal window: a frame of dockable panels. It docks the panels of the
// registry (panelregistry.h), offers the View menu and remembers the
// arrangement; the panels themselves read the store.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QString storeLocation, QWidget *parent = nullptr);

    // The dock of a registered panel (by its object name, or its class).
    QDockWidget *dock(const QString &objectName) const;
    template <class T>
    QDockWidget *dock() const
    {
        return dockOf(&T::staticMetaObject);
    }
    // The panel of class T once attachStore() has built it, else null.
    template <class T>
    T *panel() const
    {
        return qobject_cast<T *>(panelOf(&T::staticMetaObject));
    }
    const QList<Panel *> &panels() const { return m_panels; }

    // Puts the docks where a new installation has them. Before the first
    // show it only chooses that arrangement (see restoreSavedLayout).
    void resetLayout();
    // Arranges the docks as the named LayoutPreset ("Overview", "Reading",
    // "Charts"); false for an unknown name. After the first show.
    bool applyPreset(const QString &name);
    // Restores the arrangement saved under `name` (empty: the one saved on
    // quitting). Before the first show the window only remembers the choice
    // and applies it once, after the first show (then the window has its
    // real size; applying an arrangement before and again after left a stale
    // tab bar over the real one). False when nothing was saved.
    bool restoreSavedLayout(const QString &name = QString());
    // Locked: docks can be neither moved, floated nor closed (View menu; kept
    // in the settings).
    void setLayoutLocked(bool locked);
    bool layoutLocked() const { return m_layoutLocked; }

    // Builds the registry's panels into the docks, reading `db` (a connection
    // of this thread that outlives the window), and starts watching it for new rows.
    void attachStore(QSqlDatabase db);
    SelectionModel *selection() const { return m_selection; }
    StoreWatcher *storeWatcher() const { return m_watcher; }

    // Re-reads every panel from the store (F5, and when other connections commit).
    void refresh();
    // Ctrl+E: exports what the focused panel shows (the article list when
    // no panel has focus) to a CSV file the user picks.
    void exportFocusedTable();
    // The same for `panel` (a panel's "Export CSV…" context menu calls this).
    void exportPanel(Panel *panel);
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
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    QDockWidget *dockOf(const QMetaObject *type) const;
    Panel *panelOf(const QMetaObject *type) const;
    void createDocks();
    void createMenus();
    void arrangeDefault();
    // File > Remove demo data…: what would go, a confirmation, then DemoRemover.
    void confirmRemoveDemo(QSqlDatabase db);
    void updateStatus();
    void showFetchProgress(int done, int total);
    void showFetchFinished(const FeedRunSummary &summary);
    // Why F5 and "Retry now" fetch nothing without a fetcher.
    QString fetchingOffText() const;

    QString m_storeLocation;
    QList<QDockWidget *> m_docks;   // registry order
    QList<Panel *> m_panels;        // registry order, once attached
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QAction *m_panelToggles = nullptr;   // the separator above the docks' toggles
    QAction *m_refreshAction = nullptr;
    QAction *m_lockAction = nullptr;
    bool m_layoutLocked = false;
    bool m_shown = false;                // the start-up arrangement has been applied
    QString m_startLayout;               // before the first show: the saved layout to restore
    bool m_startFromSaved = false;
    SelectionModel *m_selection = nullptr;
    StoreWatcher *m_watcher = nullptr;
    QLabel *m_storeStatus = nullptr;
    QLabel *m_refreshStatus = nullptr;
    QProgressBar *m_progress = nullptr;
    BackgroundFetcher *m_fetcher = nullptr;   // child
    QLabel *m_fetchStatus = nullptr;
};

} // namespace tw
