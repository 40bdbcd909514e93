#pragma once

#include "models/core/result.h"
#include "models/export/exportquery.h"

#include <QString>

class QWidget;

namespace tw {

struct PanelExport {
    ExportQuery query;
    QString name;
};

// The panel `widget` belongs to (itself or an ancestor) that can export, or
// null. A dock counts as its panel, so a focused dock title exports too.
QWidget *exportablePanelOf(QWidget *widget);

// What `panel` exports. Panels implementing ExportablePanel say it
// themselves; the alerts and feed status panels are described here from their
// public state (their fired-alert and feed lists are the whole tables).
Result<PanelExport> panelExport(QWidget *panel);

// Puts "Export CSV…  Ctrl+E" in `view`'s context menu. Choosing it asks the
// window (MainWindow::exportPanel) to export `panel`, exactly as Ctrl+E does
// with focus in that panel.
void addExportContextMenu(QWidget *view, QWidget *panel);

} // namespace tw
