#include "models/store/migrator.h"

#include "models/core/logging.h"
#include "models/store/migrations/migration.h"
#include "models/store/sqlexec.h"

#include <QFile>
#include <QSqlQuery>

namespace tw {

Migrator::Migrator(QSqlDatabase db, SqlDialect dialect, QString location)
    : m_db(std::move(db)), m_dialect(dialect), m_location(std::move(location))
{
}

Result<int> Migrator::currentVersion() const
{
    if (m_dialect == SqlDialect::Sqlite) {
        auto v = queryScalar(m_db, QStringLiteral("PRAGMA user_version"));
        if (!v)
            return v.error();
        return static_cast<int>(*v);
    }
    // PostgreSQL has no user_version: a one-row table plays its part.
    QSqlDatabase db = m_db;
    auto created = execStatements(db, {QStringLiteral(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")});
    if (!created)
        return created.error();
    auto v = queryScalar(m_db, QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version"));
    if (!v)
        return v.error();
    return static_cast<int>(*v);
}

Status Migrator::setVersion(int version)
{
    if (m_dialect == SqlDialect::Sqlite)
        return execStatements(m_db, {QStringLiteral("PRAGMA user_version = %1").arg(version)});
    return execStatements(m_db, {QStringLiteral("DELETE FROM schema_version"),
                                 QStringLiteral("INSERT INTO schema_version (version) VALUES (%1)").arg(version)});
}

QString Migrator::backupPath(const QString &location, int version)
{
    return QStringLiteral("%1.bak-v%2").arg(location).arg(version);
}

Status Migrator::backup(int version)
{
    if (m_dialect != SqlDialect::Sqlite)
        return {};  // a server's backups are its administrator's business (pg_dump)
    const QString target = backupPath(m_location, version);
    if (QFile::exists(target))
        return {};  // an earlier attempt already saved this version; keep that copy
    // VACUUM INTO writes a consistent copy including what is still in the WAL.
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("VACUUM INTO ?"));
    query.addBindValue(target);
    if (!query.exec())
        return fail(describeSqlError(QStringLiteral("Could not back up %1 to %2 before migrating")
                                         .arg(m_location, target), query));
    qCInfo(twStore) << "backed up" << m_location << "to" << target;
    return {};
}

Status Migrator::migrateToLatest()
{
    return migrateTo(latestSchemaVersion());
}

Status Migrator::migrateTo(int target)
{
    auto current = currentVersion();
    if (!current)
        return current.error();
    if (*current > latestSchemaVersion())
        return fail(QStringLiteral("%1 was written by a newer Tickerwire (schema version %2; this build knows up to %3)")
                        .arg(m_location).arg(*current).arg(latestSchemaVersion()));
    if (*current >= target)
        return {};
    if (*current > 0) {
        if (auto saved = backup(*current); !saved)
            return saved;
    }
    for (const Migration &m : allMigrations()) {
        if (m.version <= *current || m.version > target)
            continue;
        Transaction tx(m_db);
        if (!tx.active())
            return fail(tx.beginError());
        if (auto applied = m.apply(m_db, m_dialect); !applied)
            return fail(QStringLiteral("Migration %1 (%2) failed on %3: %4")
                            .arg(m.version).arg(QString::fromLatin1(m.name), m_location, applied.errorMessage()));
        if (auto set = setVersion(m.version); !set)
            return set;
        if (auto committed = tx.commit(); !committed)
            return committed;
        qCInfo(twStore) << "migrated" << m_location << "to schema version" << m.version << m.name;
    }
    return {};
}

} // namespace tw
