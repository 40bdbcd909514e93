#include "models/store/migrator.h"

#include "models/core/logging.h"
#include "models/store/migrations/migration.h"
#include "models/store/sqlexec.h"
#include "models/store/sqlitefilecheck.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

#include <cerrno>
#include <cstring>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

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

namespace {
// fsync: a backup that only sits in the page cache is lost with the machine.
bool syncPath(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
}

// `<backup>.tmp-PID` files of attempts that died (kill -9, power cut) are
// never a backup; one whose process still runs is another upgrade's work.
void removeAbandonedTemporaries(const QString &target)
{
    const QFileInfo info(target);
    const QDir dir = info.absoluteDir();
    const QString prefix = info.fileName() + QStringLiteral(".tmp-");
    for (const QString &name : dir.entryList({prefix + QLatin1Char('*')}, QDir::Files | QDir::Hidden)) {
        bool numeric = false;
        const qint64 pid = name.mid(prefix.size()).toLongLong(&numeric);
        if (numeric && pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
            QFile::remove(dir.filePath(name));
    }
}
} // namespace

Status Migrator::backup(int version)
{
    if (m_dialect != SqlDialect::Sqlite)
        return {};  // a server's backups are its administrator's business (pg_dump)
    const QString target = backupPath(m_location, version);
    // An earlier attempt's copy is kept only when it is whole: one that a
    // kill or a full disk interrupted would otherwise stand in for the store.
    if (QFileInfo::exists(target)) {
        const Status usable = verifySqliteCopy(target, version);
        if (usable)
            return {};
        qCWarning(twStore) << "the backup" << target << "is not usable (" << usable.errorMessage() << "); making it again";
    }
    removeAbandonedTemporaries(target);
    // Written beside the target and renamed over it only once verified, so
    // the name never points at half a copy.
    const QString temporary = QStringLiteral("%1.tmp-%2").arg(target).arg(QCoreApplication::applicationPid());
    QFile::remove(temporary);
    auto removeTemporary = qScopeGuard([&] { QFile::remove(temporary); });
    const auto failed = [&](const QString &why) {
        return fail(QStringLiteral("Could not back up %1 to %2 before upgrading it (%3); the store was not changed")
                        .arg(m_location, target, why));
    };
    // VACUUM INTO writes a consistent copy including what is still in the WAL.
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("VACUUM INTO ?"));
    query.addBindValue(temporary);
    if (!query.exec())
        return failed(query.lastError().text());
    query.finish();
    if (!syncPath(temporary))
        return failed(QStringLiteral("cannot flush the copy to disk"));
    if (const Status verified = verifySqliteCopy(temporary, version); !verified)
        return failed(QStringLiteral("the copy is not whole: %1").arg(verified.errorMessage()));
    if (std::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(target).constData()) != 0)
        return failed(QString::fromLocal8Bit(std::strerror(errno)));
    removeTemporary.dismiss();
    syncPath(QFileInfo(target).absolutePath());
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
        // SQLite rebuilds a table by copying it and dropping the old one; with
        // foreign keys on, the drop would delete every row that refers to it.
        // The pragma is ignored inside a transaction, so it is set around it.
        const bool keysOff = m.rebuildsTables && m_dialect == SqlDialect::Sqlite;
        if (keysOff) {
            if (auto off = execStatements(m_db, {QStringLiteral("PRAGMA foreign_keys = OFF")}); !off)
                return off;
        }
        const auto keysBackOn = qScopeGuard([&] {
            if (keysOff)
                (void)execStatements(m_db, {QStringLiteral("PRAGMA foreign_keys = ON")});
        });
        Transaction tx(m_db);
        if (!tx.active())
            return fail(tx.beginError());
        // Another process may have taken this step while this one waited for the lock.
        auto now = currentVersion();
        if (!now)
            return now.error();
        if (*now >= m.version)
            continue;
        if (auto applied = m.apply(m_db, m_dialect); !applied)
            return fail(QStringLiteral("Migration %1 (%2) failed on %3: %4")
                            .arg(m.version).arg(QString::fromLatin1(m.name), m_location, applied.errorMessage()));
        if (keysOff) {
            auto broken = queryScalar(m_db, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check"));
            if (!broken)
                return broken.error();
            if (*broken > 0)
                return fail(QStringLiteral("Migration %1 (%2) on %3 would leave %4 rows pointing at nothing; "
                                           "nothing was changed")
                                .arg(m.version).arg(QString::fromLatin1(m.name), m_location).arg(*broken));
        }
        if (auto set = setVersion(m.version); !set)
            return set;
        if (auto committed = tx.commit(); !committed)
            return committed;
        qCInfo(twStore) << "migrated" << m_location << "to schema version" << m.version << m.name;
    }
    return {};
}

} // namespace tw
