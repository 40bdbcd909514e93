#pragma once

#include "models/core/result.h"
#include "models/store/storeconnection.h"

#include <QSet>
#include <QSqlDatabase>
#include <QStringList>

#include <vector>

namespace tw {

// One object a step leaves in the schema, looked up by name when a store is
// opened: a store whose version number claims the step but lacks it (one a
// development build wrote between two steps) is refused, never upgraded over.
struct SchemaMark {
    enum Kind { None, Table, Column, Index, Trigger };
    Kind kind = None;
    const char *name = nullptr;   // "table.column" for a column
    bool present = true;          // false: the step removes it

    QString key() const;          // as schemaObjects() lists it: "column:tickers.cik"
    QString describe() const;     // "column tickers.cik"
};

// One numbered schema step. Steps are append-only: a released step is never
// edited, a change is a new step, so every older store can be brought forward.
struct Migration {
    int version;
    const char *name;
    Status (*apply)(QSqlDatabase &db, SqlDialect dialect);
    // Recreates a table others refer to (SQLite cannot drop a constraint in
    // place): run with foreign keys off, then checked before commit.
    bool rebuildsTables = false;
    SchemaMark mark;              // what the step leaves, on both backends unless
    SchemaMark postgresMark{};    // it differs on PostgreSQL (None: the same)

    const SchemaMark &markOn(SqlDialect dialect) const
    {
        return dialect == SqlDialect::Postgres && postgresMark.kind != SchemaMark::None ? postgresMark : mark;
    }
};

const std::vector<Migration> &allMigrations();
int latestSchemaVersion();

// The store's tables, columns, indexes and triggers as SchemaMark::key()
// names them, in one query (SQLite: sqlite_master and pragma_table_info;
// PostgreSQL: information_schema and pg_indexes in the current schema).
QString schemaObjectsSql(SqlDialect dialect);
Result<QSet<QString>> schemaObjects(const QSqlDatabase &db, SqlDialect dialect);
// Whether the objects hold the mark of every step up to `version`; fails
// naming each step whose mark is missing (or still there, for a removal).
Status verifyAppliedSteps(const QSet<QString> &objects, int version, SqlDialect dialect, const QString &location);

// Portable DDL: the few spellings that differ per backend are written as tokens.
//   {{ID}}  an auto-assigned 64-bit primary key
QString adaptDdl(QString sql, SqlDialect dialect);
Status execDdl(QSqlDatabase &db, SqlDialect dialect, const QStringList &statements);

Status migration0001Core(QSqlDatabase &db, SqlDialect dialect);
Status migration0002FullText(QSqlDatabase &db, SqlDialect dialect);
Status migration0003Alerts(QSqlDatabase &db, SqlDialect dialect);
Status migration0004IngestWrites(QSqlDatabase &db, SqlDialect dialect);
Status migration0005ArticleIdentity(QSqlDatabase &db, SqlDialect dialect);
Status migration0006Directory(QSqlDatabase &db, SqlDialect dialect);
Status migration0007ScoringState(QSqlDatabase &db, SqlDialect dialect);
Status migration0008ArticleSort(QSqlDatabase &db, SqlDialect dialect);
Status migration0009Filings(QSqlDatabase &db, SqlDialect dialect);
Status migration0010StudyIndexes(QSqlDatabase &db, SqlDialect dialect);
Status migration0011NewestScore(QSqlDatabase &db, SqlDialect dialect);
Status migration0012FilingDocuments(QSqlDatabase &db, SqlDialect dialect);
Status migration0013FullTextMerge(QSqlDatabase &db, SqlDialect dialect);
Status migration0014FullTextCrisisMerge(QSqlDatabase &db, SqlDialect dialect);
Status migration0015FullTextHashSize(QSqlDatabase &db, SqlDialect dialect);

// What a later step makes again as an earlier one made it (migration 5
// rebuilds `articles` on SQLite), written once: the articles columns after
// `guid` as migration 1 made them, and SQLite's full-text triggers on delete
// and update as migration 2 made them.
QLatin1String migration0001ArticleColumns();
QStringList migration0002FullTextChangeTriggers();

} // namespace tw
