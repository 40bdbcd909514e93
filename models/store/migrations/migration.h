#pragma once

#include "models/core/result.h"
#include "models/store/storeconnection.h"

#include <QSqlDatabase>
#include <QStringList>

#include <vector>

namespace tw {

// One numbered schema step. Steps are append-only: a released step is never
// edited, a change is a new step, so every older store can be brought forward.
struct Migration {
    int version;
    const char *name;
    Status (*apply)(QSqlDatabase &db, SqlDialect dialect);
    // Recreates a table others refer to (SQLite cannot drop a constraint in
    // place): run with foreign keys off, then checked before commit.
    bool rebuildsTables = false;
};

const std::vector<Migration> &allMigrations();
int latestSchemaVersion();

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

} // namespace tw
