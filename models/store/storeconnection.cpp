#include "store/storeconnection.h"

#include "core/logging.h"
#include "store/migrations/migration.h"
#include "store/migrator.h"
#include "store/sqlexec.h"
#include "store/sqlitefilecheck.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace tw {

namespace {

bool isServerLocation(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"));
}

Result<QSqlDatabase> openSqlite(const QString &path, const QString &connectionName)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    // Readers and the writer thread share the file; waiting beats failing.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return fail(QStringLiteral("Cannot open %1: %2").arg(path, db.lastError().text()));
    return db;
}

Status configureSqlite(QSqlDatabase &db)
{
    return execStatements(db, {
        QStringLiteral("PRAGMA journal_mode = WAL"),
        QStringLiteral("PRAGMA synchronous = NORMAL"),
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA temp_store = MEMORY"),
    });
}

// A valid SQLite file may still be somebody else's database, or damaged in a
// way the header does not show. Reading the schema catches both before any write.
Status checkSqliteSchema(const QSqlDatabase &db, const QString &path, int userVersion)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next())
        return fail(QStringLiteral("%1 is damaged (%2); it was left untouched").arg(path, query.lastError().text()));
    if (userVersion == 0 && query.value(0).toLongLong() > 0)
        return fail(QStringLiteral("%1 is an SQLite database but not a Tickerwire store; it was left untouched").arg(path));
    if (userVersion > 0 && !query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'articles'")))
        return fail(QStringLiteral("%1 is damaged (%2); it was left untouched").arg(path, query.lastError().text()));
    if (userVersion > 0 && query.next() && query.value(0).toLongLong() == 0)
        return fail(QStringLiteral("%1 is an SQLite database but not a Tickerwire store; it was left untouched").arg(path));
    return {};
}

void dropConnection(const QString &connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

} // namespace

StoreConnection::StoreConnection(Key, QString location, QString connectionName, SqlDialect dialect)
    : m_location(std::move(location)), m_connectionName(std::move(connectionName)), m_dialect(dialect)
{
}

StoreConnection::~StoreConnection()
{
    dropConnection(m_connectionName);
}

QSqlDatabase StoreConnection::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<std::unique_ptr<StoreConnection>> StoreConnection::open(const QString &location, const QString &connectionName)
{
    if (isServerLocation(location))
        return fail(QStringLiteral("PostgreSQL stores are not supported by this build yet"));

    auto header = inspectSqliteFile(location);
    if (!header)
        return header.error();
    if (header->userVersion > latestSchemaVersion())
        return fail(QStringLiteral("%1 was written by a newer Tickerwire (schema version %2; this build knows up to %3); "
                                   "it was left untouched")
                        .arg(location).arg(header->userVersion).arg(latestSchemaVersion()));
    if (!header->exists) {
        const QFileInfo info(location);
        if (!QDir().mkpath(info.absolutePath()))
            return fail(QStringLiteral("Cannot create the folder %1 for the store").arg(info.absolutePath()));
    }

    auto db = openSqlite(location, connectionName);
    if (!db) {
        dropConnection(connectionName);
        return db.error();
    }
    // From here on the connection owns the name; failures drop it on return.
    auto connection = std::make_unique<StoreConnection>(Key{}, location, connectionName, SqlDialect::Sqlite);
    if (header->exists) {
        if (auto checked = checkSqliteSchema(*db, location, header->userVersion); !checked)
            return checked.error();
    }
    if (auto configured = configureSqlite(*db); !configured)
        return fail(QStringLiteral("Cannot configure %1: %2").arg(location, configured.errorMessage()));
    Migrator migrator(*db, SqlDialect::Sqlite, location);
    if (auto migrated = migrator.migrateToLatest(); !migrated)
        return migrated.error();
    return connection;
}

Result<std::unique_ptr<StoreConnection>> StoreConnection::attach(const QString &location, const QString &connectionName)
{
    if (isServerLocation(location))
        return fail(QStringLiteral("PostgreSQL stores are not supported by this build yet"));
    auto db = openSqlite(location, connectionName);
    if (!db) {
        dropConnection(connectionName);
        return db.error();
    }
    auto connection = std::make_unique<StoreConnection>(Key{}, location, connectionName, SqlDialect::Sqlite);
    if (auto configured = configureSqlite(*db); !configured)
        return fail(QStringLiteral("Cannot configure %1: %2").arg(location, configured.errorMessage()));
    auto version = queryScalar(*db, QStringLiteral("PRAGMA user_version"));
    if (!version)
        return version.error();
    if (*version != latestSchemaVersion())
        return fail(QStringLiteral("%1 is at schema version %2, expected %3; open it with StoreConnection::open first")
                        .arg(location).arg(*version).arg(latestSchemaVersion()));
    return connection;
}

} // namespace tw
