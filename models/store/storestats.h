#pragma once

#include "models/core/result.h"

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

// The store's size: on SQLite the file and its write-ahead log (part of the
// store until a checkpoint), on PostgreSQL the database (pg_database_size).
Result<qint64> storeSizeBytes(const QSqlDatabase &db);

} // namespace tw
