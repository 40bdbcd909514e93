#include "ui/panels/panel.h"

#include <QAction>
#include <QDockWidget>

namespace tw {

Panel::Panel(QSqlDatabase db, SelectionModel *selection, QWidget *parent)
    : QWidget(parent), m_db(std::move(db)), m_selection(selection)
{
}

Result<ExportQuery> Panel::exportQuery() const
{
    return fail(tr("This panel has no table to export."));
}

QString Panel::exportName() const
{
    return objectName() + QStringLiteral(".csv");
}

void Panel::reveal()
{
    if (auto *dock = qobject_cast<QDockWidget *>(parentWidget())) {
        dock->show();
        dock->raise();
    }
}

Panel *Panel::containing(QWidget *widget)
{
    for (QWidget *w = widget; w; w = w->parentWidget()) {
        if (auto *panel = qobject_cast<Panel *>(w))
            return panel;
        if (auto *dock = qobject_cast<QDockWidget *>(w))
            return qobject_cast<Panel *>(dock->widget());
    }
    return nullptr;
}

void Panel::addExportAction(QWidget *view)
{
    // The tab puts the shortcut in the menu's shortcut column without giving
    // the action a second Ctrl+E (two would make the key ambiguous).
    auto *action = new QAction(tr("Export CSV…") + QStringLiteral("\tCtrl+E"), view);
    action->setObjectName(QStringLiteral("exportCsvAction"));
    connect(action, &QAction::triggered, this, [this] { emit exportRequested(this); });
    view->addAction(action);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
}

} // namespace tw
