#include "models/store/sqliteschemarepair.h"

#include "models/core/logging.h"
#include "models/store/migrator.h"
#include "models/store/sqlexec.h"

#include <QAtomicInteger>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QSqlQuery>
#include <QStringList>

#include <optional>

namespace tw {

namespace {
// type:name -> (CREATE statement, whether it is a unique index).
struct SchemaPart {
    QString sql;
    bool unique = false;
};
using SchemaParts = QHash<QString, SchemaPart>;

// Indexes (but SQLite's own for UNIQUE and PRIMARY KEY columns, which cannot
// be dropped) and triggers, as sqlite_master holds them.
Result<SchemaParts> readParts(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral(
            "SELECT m.type || ':' || m.name, m.sql, coalesce(l.\"unique\", 0) FROM sqlite_master AS m "
            "LEFT JOIN pragma_index_list(m.tbl_name) AS l ON m.type = 'index' AND l.name = m.name "
            "WHERE m.type IN ('index', 'trigger') AND m.sql IS NOT NULL")))
        return fail(describeSqlError(QStringLiteral("Could not read the schema"), q));
    SchemaParts parts;
    while (q.next())
        parts.insert(q.value(0).toString(), {q.value(1).toString(), q.value(2).toInt() != 0});
    return parts;
}

// This build's schema, from its migrations run once on an in-memory store.
Result<SchemaParts> referenceParts()
{
    static QMutex mutex;
    static std::optional<SchemaParts> cached;
    QMutexLocker lock(&mutex);
    if (cached)
        return *cached;
    static QAtomicInteger<int> serial;
    const QString name = QStringLiteral("tw-schema-reference-%1").arg(serial.fetchAndAddRelaxed(1));
    Result<SchemaParts> parts = fail(QString());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (!db.open()) {
            parts = fail(QStringLiteral("Could not make this build's schema to compare with"));
        } else if (const Status migrated = Migrator(db, SqlDialect::Sqlite, QStringLiteral(":memory:")).migrateToLatest();
                   !migrated) {
            parts = migrated.error();
        } else {
            parts = readParts(db);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (parts)
        cached = *parts;
    return parts;
}

QString describePart(const QString &key)
{
    return QString(key).replace(QLatin1Char(':'), QLatin1Char(' '));
}
} // namespace

Result<QHash<QString, bool>> SqliteSchemaRepair::referenceIndexes()
{
    auto reference = referenceParts();
    if (!reference)
        return reference.error();
    QHash<QString, bool> indexes;
    for (auto it = reference->cbegin(); it != reference->cend(); ++it) {
        if (it.key().startsWith(QLatin1String("index:")))
            indexes.insert(it.key().mid(6), it->unique);
    }
    return indexes;
}

Status SqliteSchemaRepair::apply(QSqlDatabase &db, const QString &location)
{
    auto reference = referenceParts();
    if (!reference)
        return reference.error();
    auto present = readParts(db);
    if (!present)
        return present.error();

    QStringList foreign;
    for (auto it = present->cbegin(); it != present->cend(); ++it) {
        if (reference->contains(it.key()))
            continue;
        if (it.key().startsWith(QLatin1String("trigger:")) || it->unique)
            foreign << describePart(it.key());
    }
    if (!foreign.isEmpty()) {
        foreign.sort();
        return fail(QStringLiteral("%1 holds %2, which Tickerwire never makes and which would act on every write; "
                                   "it was not used. Remove it (sqlite3 %1 'DROP …') if you did not mean to add it")
                        .arg(location, foreign.join(QStringLiteral(", "))));
    }

    QStringList missing;
    for (auto it = reference->cbegin(); it != reference->cend(); ++it) {
        if (!present->contains(it.key()))
            missing << it.key();
    }
    if (missing.isEmpty())
        return {};
    missing.sort();
    const Status restored = inTransaction(db, [&]() -> Status {
        for (const QString &key : std::as_const(missing)) {
            QSqlQuery q(db);
            if (!q.exec(reference->value(key).sql))
                return fail(describeSqlError(QStringLiteral("Could not make the missing %1 again").arg(describePart(key)), q));
        }
        return {};
    });
    QStringList described;
    for (const QString &key : std::as_const(missing))
        described << describePart(key);
    if (!restored)
        return fail(QStringLiteral("%1 lacks %2 (another program dropped it) and it could not be made again: %3; "
                                   "nothing was changed")
                        .arg(location, described.join(QStringLiteral(", ")), restored.errorMessage()));
    qCWarning(twStore).noquote() << location << "lacked" << described.join(QStringLiteral(", "))
                                 << "(another program dropped it); made again";
    return {};
}

} // namespace tw
