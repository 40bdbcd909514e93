#include "ui/export/panelexport.h"

#include "models/alerts/analyststate.h"
#include "ui/export/exportablepanel.h"
#include "ui/panels/alertspanel.h"
#include "ui/panels/feedstatuspanel.h"

#include <QAction>
#include <QDockWidget>
#include <QMetaObject>
#include <QWidget>

namespace tw {

namespace {
bool canExport(QWidget *w)
{
    return dynamic_cast<ExportablePanel *>(w) || qobject_cast<AlertsPanel *>(w) || qobject_cast<FeedStatusPanel *>(w);
}
} // namespace

QWidget *exportablePanelOf(QWidget *widget)
{
    for (QWidget *w = widget; w; w = w->parentWidget()) {
        if (canExport(w))
            return w;
        if (auto *dock = qobject_cast<QDockWidget *>(w))
            return canExport(dock->widget()) ? dock->widget() : nullptr;
    }
    return nullptr;
}

Result<PanelExport> panelExport(QWidget *panel)
{
    if (auto *exportable = dynamic_cast<ExportablePanel *>(panel)) {
        auto query = exportable->exportQuery();
        if (!query)
            return query.error();
        return PanelExport{*query, exportable->exportName()};
    }
    // AlertsPanel lists every fired alert (its rules are settings, not data),
    // acknowledged as this analyst sees them.
    if (auto *alerts = qobject_cast<AlertsPanel *>(panel))
        return PanelExport{ExportQuery::firedAlerts({}, AnalystState::forStore(alerts->database()).acknowledged()),
                           QStringLiteral("alerts.csv")};
    if (qobject_cast<FeedStatusPanel *>(panel))
        return PanelExport{ExportQuery::feeds(), QStringLiteral("feeds.csv")};
    return fail(QStringLiteral("This panel has no table to export."));
}

void addExportContextMenu(QWidget *view, QWidget *panel)
{
    // The tab puts the shortcut in the menu's shortcut column without giving
    // the action a second Ctrl+E (two would make the key ambiguous).
    auto *action = new QAction(QObject::tr("Export CSV…") + QStringLiteral("\tCtrl+E"), view);
    action->setObjectName(QStringLiteral("exportCsvAction"));
    QObject::connect(action, &QAction::triggered, panel,
        [panel] { QMetaObject::invokeMethod(panel->window(), "exportPanel", Q_ARG(QWidget *, panel)); });
    view->addAction(action);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
}

} // namespace tw
