#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <initializer_list>
#include <optional>
#include <type_traits>
#include <utility>

namespace tw {

// What a user can do about an SQLite error code (disk full, store busy);
// empty for the rest.
QString sqliteErrorAdvice(int code);

// Formats the driver's error of a failed query with the statement's intent.
QString describeSqlError(const QString &what, const QSqlQuery &query);
QString describeSqlError(const QString &what, const QSqlDatabase &db);

// Runs each statement in order; stops at the first failure.
Status execStatements(QSqlDatabase &db, const QStringList &statements);

// Binds `values` positionally to a prepared query and executes it. A null
// QString binds as '' (use QVariant(QMetaType(...)) for SQL NULL).
Status execBound(QSqlQuery &query, std::initializer_list<QVariant> values);
// Prepares `sql` and runs it once with `values` bound as above, for a
// statement whose rows (if any) nobody reads.
Status execBound(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values);

// Runs a query returning a single integer (counts, pragmas).
Result<qint64> queryScalar(const QSqlDatabase &db, const QString &sql);

// Prepares `sql` and runs it with `values` bound as execBound binds them: the
// first column of its first row, or an invalid QVariant when it has none.
Result<QVariant> selectValue(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values);

// Every row an executed query has left, each read by `read` (given the
// query on that row).
template <typename Read>
auto readRows(QSqlQuery &query, Read read) -> QList<std::invoke_result_t<Read &, const QSqlQuery &>>
{
    QList<std::invoke_result_t<Read &, const QSqlQuery &>> rows;
    while (query.next())
        rows << read(std::as_const(query));
    return rows;
}

// Prepares `sql`, runs it with `values` bound as execBound binds them and
// reads every row with `read`.
template <typename Read>
auto selectRows(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values, Read read)
    -> Result<QList<std::invoke_result_t<Read &, const QSqlQuery &>>>
{
    QSqlQuery query(db);
    query.prepare(sql);
    if (auto s = execBound(query, values); !s)
        return s.error();
    return readRows(query, read);
}

// The first column of every row an executed query has left, as ids.
QList<qint64> readIds(QSqlQuery &query);

// Prepares `sql` and runs it with `values` bound as execBound binds them: the
// first column of every row, as ids.
Result<QList<qint64>> selectIds(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values);

// The first of the rows a lookup found, or none.
template <typename T>
Result<std::optional<T>> firstMatch(const Result<QList<T>> &found)
{
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<T>{};
    return std::optional<T>{found->first()};
}

class SqliteLockWait;

// A write transaction: commits on commit(), rolls back if it goes out of
// scope first. On SQLite it holds the store's write lock from the start
// (BEGIN IMMEDIATE), so keep it to one bounded batch; after committing it
// lets a writer that waited go first.
class Transaction {
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool active() const { return m_active; }
    const QString &beginError() const { return m_beginError; }
    Status commit();

private:
    QSqlDatabase m_db;
    SqliteLockWait *m_lockWait = nullptr;
    bool m_active = false;
    QString m_beginError;
};

// Runs `work` in one write transaction: committed when it succeeds, rolled
// back when it fails.
Status inTransaction(QSqlDatabase db, const std::function<Status()> &work);

// Runs `step(i)` for i in [0, count) in write transactions that each hold the
// store for about `budgetMs` (at least one item each), so long work (rescoring
// every article, rebuilding events) lets other writers in between batches.
// `committed(done)` is told after each commit. On a failure the batch in hand
// is rolled back; the batches before it stay.
Status writeInTimedBatches(QSqlDatabase db, qsizetype count, const std::function<Status(qsizetype)> &step,
                           const std::function<void(qsizetype done)> &committed = {}, qint64 budgetMs = 500);

} // namespace tw
