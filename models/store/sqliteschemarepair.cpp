#include "models/store/sqliteschemarepair.h"

#include "models/core/logging.h"
#include "models/store/migrator.h"
#include "models/store/sqlexec.h"

#include <QAtomicInteger>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QSet>
#include <QSqlQuery>
#include <QStringList>

#include <optional>

namespace tw {

namespace {
// type:name -> (CREATE statement, whether it is a unique index, its table).
struct SchemaPart {
    QString sql;
    bool unique = false;
    QString table;
};
using SchemaParts = QHash<QString, SchemaPart>;

// Indexes (but SQLite's own for UNIQUE and PRIMARY KEY columns, which cannot
// be dropped) and triggers, as sqlite_master holds them.
Result<SchemaParts> readParts(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral(
            "SELECT m.type || ':' || m.name, m.sql, coalesce(l.\"unique\", 0), m.tbl_name FROM sqlite_master AS m "
            "LEFT JOIN pragma_index_list(m.tbl_name) AS l ON m.type = 'index' AND l.name = m.name "
            "WHERE m.type IN ('index', 'trigger') AND m.sql IS NOT NULL")))
        return fail(describeSqlError(QStringLiteral("Could not read the schema"), q));
    SchemaParts parts;
    while (q.next())
        parts.insert(q.value(0).toString(), {q.value(1).toString(), q.value(2).toInt() != 0, q.value(3).toString()});
    return parts;
}

// This build's schema, from its migrations run once on an in-memory store:
// its indexes and triggers, and the tables they may be on.
struct Reference {
    SchemaParts parts;
    QSet<QString> tables;
};

Result<Reference> referenceParts()
{
    static QMutex mutex;
    static std::optional<Reference> cached;
    QMutexLocker lock(&mutex);
    if (cached)
        return *cached;
    static QAtomicInteger<int> serial;
    const QString name = QStringLiteral("tw-schema-reference-%1").arg(serial.fetchAndAddRelaxed(1));
    Result<Reference> parts = fail(QString());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (!db.open()) {
            parts = fail(QStringLiteral("Could not make this build's schema to compare with"));
        } else if (const Status migrated = Migrator(db, SqlDialect::Sqlite, QStringLiteral(":memory:")).migrateToLatest();
                   !migrated) {
            parts = migrated.error();
        } else if (auto read = readParts(db); !read) {
            parts = read.error();
        } else {
            Reference reference{*read, {}};
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"));
            while (q.next())
                reference.tables.insert(q.value(0).toString());
            parts = reference;
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
    for (auto it = reference->parts.cbegin(); it != reference->parts.cend(); ++it) {
        if (it.key().startsWith(QLatin1String("index:")))
            indexes.insert(it.key().mid(6), it->unique);
    }
    return indexes;
}

Status SqliteSchemaRepair::apply(QSqlDatabase &db, const QString &location)
{
    auto known = referenceParts();
    if (!known)
        return known.error();
    const SchemaParts *reference = &known->parts;
    auto present = readParts(db);
    if (!present)
        return present.error();

    QStringList foreign;
    for (auto it = present->cbegin(); it != present->cend(); ++it) {
        // On a table of the analyst's own they never act on our writes.
        if (reference->contains(it.key()) || !known->tables.contains(it->table))
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
    bool searchRebuilt = false;
    const Status restored = inTransaction(db, [&]() -> Status {
        // Read again under the write lock: another process opening the store
        // at the same time may have made them already.
        auto now = readParts(db);
        if (!now)
            return now.error();
        for (const QString &key : std::as_const(missing)) {
            if (now->contains(key))
                continue;
            QSqlQuery q(db);
            if (!q.exec(reference->value(key).sql))
                return fail(describeSqlError(QStringLiteral("Could not make the missing %1 again").arg(describePart(key)), q));
            // Articles changed while a full-text trigger was gone are indexed
            // as they were: a later change would remove terms never indexed.
            if (key.startsWith(QLatin1String("trigger:articles_fts")) && !searchRebuilt) {
                if (!q.exec(QStringLiteral("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")))
                    return fail(describeSqlError(QStringLiteral("Could not rebuild the search index"), q));
                searchRebuilt = true;
            }
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
                                 << "(another program dropped it); made again"
                                 << (searchRebuilt ? "and the search index rebuilt" : "");
    return {};
}

} // namespace tw
