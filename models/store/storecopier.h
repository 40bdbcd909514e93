#pragma once

#include "models/core/result.h"
#include "models/store/storestats.h"

#include <QSqlDatabase>

#include <functional>

namespace tw {

// Copies every table of one store into an empty store of the same schema
// version, on either backend (SQLite <-> PostgreSQL). The copy is one
// transaction on the target, checked by comparing each table's row count with
// the source's before it commits: a failed copy leaves the target empty. The
// source is only read.
//
// Tables are discovered, not listed, so tables added by later migrations are
// copied too; foreign keys decide the order. Generated columns (PostgreSQL's
// search_vector) and full-text shadow tables (SQLite's articles_fts*) are
// rebuilt by the target itself.
class StoreCopier {
public:
    // (table, rows copied so far, rows in the table)
    using Progress = std::function<void(const QString &, qint64, qint64)>;

    StoreCopier(QSqlDatabase source, QSqlDatabase target);

    // Returns the verified row count of every copied table, in copy order.
    Result<QList<TableCount>> copy(const Progress &progress = {});

private:
    Result<QStringList> tablesInCopyOrder() const;
    Status copyTable(const QString &table, qint64 rows, const Progress &progress);
    Status resetIdentitySequences();

    QSqlDatabase m_source;
    QSqlDatabase m_target;
};

} // namespace tw
