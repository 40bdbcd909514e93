#pragma once

#include "core/result.h"

#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>

namespace tw {

// Row counts per table, in a fixed order, for `tickerwire stats` and the status bar.
struct TableCount {
    QString table;
    qint64 rows = 0;
};

Result<QList<TableCount>> storeTableCounts(const QSqlDatabase &db);
QStringList storeTableNames();

} // namespace tw
