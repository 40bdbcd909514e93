#pragma once

#include "models/core/result.h"
#include "models/store/sqlitestatement.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <initializer_list>

namespace tw {

// A write statement (no rows read) prepared on first use and kept, run with
// values bound as execBound binds them (a null QString as ''). On SQLite it
// runs as a SqliteStatement on the driver's handle: QSQLITE spends about
// 13,000 instructions per exec on its record and error bookkeeping, more than
// SQLite spends on a one-row write. Elsewhere it is a QSqlQuery.
class PreparedWrite {
public:
    PreparedWrite(QSqlDatabase db, const char *sql);

    Status exec(std::initializer_list<QVariant> values);

private:
    Status prepare();

    QSqlDatabase m_db;
    const char *m_sql;
    bool m_sqlite;
    SqliteStatement m_statement;
    QSqlQuery m_query;
};

} // namespace tw
