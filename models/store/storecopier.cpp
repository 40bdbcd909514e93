#include "models/store/storecopier.h"

#include "models/store/articlestore.h"
#include "models/store/sqldialect.h"
#include "models/store/sqlexec.h"

#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>

namespace tw {

namespace {

constexpr qint64 kProgressEvery = 1000;

Result<QStringList> strings(const QSqlDatabase &db, const QString &sql, const QString &bind = {})
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(sql);
    if (!bind.isNull())
        q.addBindValue(bind);
    if (!q.exec())
        return fail(describeSqlError(QStringLiteral("Could not read the schema"), q));
    QStringList values;
    while (q.next())
        values << q.value(0).toString();
    return values;
}

// Plain tables only: no virtual (FTS) tables or their shadow tables, no
// bookkeeping (schema_version; SQLite keeps its version in a pragma).
Result<QStringList> userTables(const QSqlDatabase &db)
{
    if (dialectOf(db) == SqlDialect::Postgres)
        // pg_catalog, not information_schema, which leaves out the tables
        // this user may not read: a copy would skip them without a word.
        return strings(db, QStringLiteral(
            "SELECT CAST(relname AS TEXT) FROM pg_class WHERE relkind IN ('r', 'p') "
            "AND relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) "
            "AND relname <> 'schema_version' ORDER BY relname"));
    return strings(db, QStringLiteral(
        "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' "
        "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"));
}

Result<QStringList> referencedTables(const QSqlDatabase &db, const QString &table)
{
    if (dialectOf(db) == SqlDialect::Postgres)
        return strings(db, QStringLiteral(
            "SELECT DISTINCT ccu.table_name FROM information_schema.table_constraints tc "
            "JOIN information_schema.constraint_column_usage ccu "
            "  ON ccu.constraint_name = tc.constraint_name AND ccu.constraint_schema = tc.constraint_schema "
            "WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema() AND tc.table_name = ?"),
            table);
    return strings(db, QStringLiteral("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)"), table);
}

// Columns a row can be written with: not generated, not hidden.
Result<QStringList> writableColumns(const QSqlDatabase &db, const QString &table)
{
    if (dialectOf(db) == SqlDialect::Postgres)
        return strings(db, QStringLiteral(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position"), table);
    return strings(db, QStringLiteral("SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0 ORDER BY cid"), table);
}

Result<qint64> rowCount(const QSqlDatabase &db, const QString &table)
{
    return queryScalar(db, QStringLiteral("SELECT count(*) FROM %1").arg(table));
}

} // namespace

StoreCopier::StoreCopier(QSqlDatabase source, QSqlDatabase target)
    : m_source(std::move(source)), m_target(std::move(target))
{
}

Result<QStringList> StoreCopier::tablesInCopyOrder() const
{
    auto sourceTables = userTables(m_source);
    if (!sourceTables)
        return sourceTables.error();
    auto targetTables = userTables(m_target);
    if (!targetTables)
        return targetTables.error();
    // Both sides are at the same schema version, so this only trips when a
    // table exists outside the migrations: better to stop than to drop it.
    for (const QString &t : *sourceTables) {
        if (!targetTables->contains(t))
            return fail(QStringLiteral("The target store has no table '%1'").arg(t));
    }
    QHash<QString, QStringList> parents;
    for (const QString &t : *sourceTables) {
        auto refs = referencedTables(m_source, t);
        if (!refs)
            return refs.error();
        refs->removeAll(t);  // a self-reference does not order tables
        parents.insert(t, *refs);
    }
    QStringList ordered;
    QStringList pending = *sourceTables;
    while (!pending.isEmpty()) {
        const auto ready = std::find_if(pending.begin(), pending.end(), [&](const QString &t) {
            return std::all_of(parents[t].cbegin(), parents[t].cend(),
                               [&](const QString &p) { return ordered.contains(p) || !pending.contains(p); });
        });
        if (ready == pending.end())
            return fail(QStringLiteral("Foreign keys among %1 form a cycle; cannot order the copy")
                            .arg(pending.join(QStringLiteral(", "))));
        ordered << *ready;
        pending.erase(ready);
    }
    return ordered;
}

Status StoreCopier::copyTable(const QString &table, qint64 rows, const Progress &progress)
{
    auto targetColumns = writableColumns(m_target, table);
    if (!targetColumns)
        return targetColumns.error();
    auto sourceColumns = writableColumns(m_source, table);
    if (!sourceColumns)
        return sourceColumns.error();
    QStringList columns;
    for (const QString &c : *targetColumns) {
        if (sourceColumns->contains(c))
            columns << c;
    }
    const QString list = columns.join(QStringLiteral(", "));

    QSqlQuery read(m_source);
    read.setForwardOnly(true);  // a million articles need not sit in memory
    if (!read.exec(QStringLiteral("SELECT %1 FROM %2").arg(list, table)))
        return fail(describeSqlError(QStringLiteral("Could not read %1").arg(table), read));
    QSqlQuery write(m_target);
    QStringList marks;
    marks.fill(QStringLiteral("?"), columns.size());
    if (!write.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(table, list, marks.join(QLatin1Char(',')))))
        return fail(describeSqlError(QStringLiteral("Could not prepare writing %1").arg(table), write));

    qint64 done = 0;
    if (progress)
        progress(table, done, rows);
    while (read.next()) {
        for (int i = 0; i < columns.size(); ++i)
            write.bindValue(i, read.value(i));  // NULL stays NULL (no execBound: it turns null text into '')
        if (!write.exec())
            return fail(describeSqlError(QStringLiteral("Could not copy row %1 of %2").arg(done + 1).arg(table), write));
        ++done;
        if (progress && done % kProgressEvery == 0)
            progress(table, done, rows);
    }
    if (progress && done % kProgressEvery != 0)
        progress(table, done, rows);
    return {};
}

// Rows keep their ids, so an identity column's sequence must move past them or
// the next insert on the server would collide.
Status StoreCopier::resetIdentitySequences()
{
    if (dialectOf(m_target) != SqlDialect::Postgres)
        return {};
    QSqlQuery q(m_target);
    if (!q.exec(QStringLiteral("SELECT table_name, column_name FROM information_schema.columns "
                               "WHERE table_schema = current_schema() AND is_identity = 'YES'")))
        return fail(describeSqlError(QStringLiteral("Could not list identity columns"), q));
    QStringList statements;
    while (q.next()) {
        const QString table = q.value(0).toString();
        const QString column = q.value(1).toString();
        statements << QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', '%2'), "
                                     "coalesce((SELECT max(%2) FROM %1), 0) + 1, false)")
                          .arg(table, column);
    }
    return execStatements(m_target, statements);
}

Result<QList<TableCount>> StoreCopier::copy(const Progress &progress)
{
    auto tables = tablesInCopyOrder();
    if (!tables)
        return tables.error();
    QList<TableCount> sourceCounts;
    for (const QString &t : *tables) {
        auto n = rowCount(m_source, t);
        if (!n)
            return n.error();
        auto existing = rowCount(m_target, t);
        if (!existing)
            return existing.error();
        if (*existing > 0)
            return fail(QStringLiteral("The target store is not empty (%1 holds %2 rows); copy only into a new store")
                            .arg(t).arg(*existing));
        sourceCounts << TableCount{t, *n};
    }

    Transaction tx(m_target);
    if (!tx.active())
        return fail(tx.beginError());
    for (const TableCount &c : sourceCounts) {
        if (auto copied = copyTable(c.table, c.rows, progress); !copied)
            return copied.error();
    }
    if (auto reset = resetIdentitySequences(); !reset)
        return reset.error();
    if (auto indexed = ArticleStore::rebuildSearchIndex(m_target); !indexed)
        return indexed.error();
    // Verified inside the transaction: a mismatch rolls everything back.
    for (const TableCount &c : sourceCounts) {
        auto n = rowCount(m_target, c.table);
        if (!n)
            return n.error();
        if (*n != c.rows)
            return fail(QStringLiteral("Copy check failed: %1 has %2 rows in the source but %3 in the target; "
                                       "nothing was kept").arg(c.table).arg(c.rows).arg(*n));
    }
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return sourceCounts;
}

} // namespace tw
