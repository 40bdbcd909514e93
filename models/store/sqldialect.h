#pragma once

#include <QSqlDatabase>

namespace tw {

enum class SqlDialect { Sqlite, Postgres };

// Stores take a QSqlDatabase, not a StoreConnection; the driver tells which
// spelling of SQL they must use where the two backends differ.
inline SqlDialect dialectOf(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QPSQL") ? SqlDialect::Postgres : SqlDialect::Sqlite;
}

} // namespace tw
