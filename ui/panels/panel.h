#pragma once

#include "models/core/result.h"
#include "models/export/exportquery.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QWidget>

class QAction;

namespace tw {

class BackgroundFetcher;
class SelectionModel;

// A dockable panel of the main window. The window knows panels only through
// this class: it creates them from the registry (ui/window/panelregistry.cpp),
// docks them, re-reads them, exports them and puts their actions in its menus.
class Panel : public QWidget {
    Q_OBJECT

public:
    // Every panel reads the store through `db`; all but the feed status follow
    // the window's `selection` (ticker, article, event), which may be null.
    Panel(QSqlDatabase db, SelectionModel *selection, QWidget *parent = nullptr);

    // Re-reads the store (F5, and when other connections commit); keeps the
    // panel's own selection.
    virtual void reload() = 0;

    // What "Export CSV…" (Ctrl+E) writes: every row the panel shows under its
    // current filter, not only the rows a lazily paged view has loaded. Fails
    // when there is nothing to export (no ticker, no open article); a panel
    // without a table keeps this default.
    virtual Result<ExportQuery> exportQuery() const;
    // The file name the save dialog suggests ("articles-META.csv").
    virtual QString exportName() const;

    // Actions the panel adds to the window's View menu (Ctrl+F "Search
    // articles"). Owned by the panel.
    virtual QList<QAction *> viewActions() { return {}; }
    // The window's background fetcher, once it has one (not owned).
    virtual void attachFetcher(BackgroundFetcher *fetcher) { Q_UNUSED(fetcher); }

    // Shows the panel's dock and brings it to the front of its tab group.
    void reveal();

    // The panel `widget` belongs to: itself or an ancestor; a dock counts as
    // its panel, so a focused dock title exports too. Null for none.
    static Panel *containing(QWidget *widget);

signals:
    // "Export CSV…" chosen in one of the panel's context menus.
    void exportRequested(tw::Panel *panel);

protected:
    QSqlDatabase m_db;
    SelectionModel *const m_selection;

    // Puts "Export CSV…  Ctrl+E" in `view`'s context menu (exportRequested).
    void addExportAction(QWidget *view);
};

} // namespace tw
