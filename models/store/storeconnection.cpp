#include "models/store/storeconnection.h"

#include "models/core/logging.h"
#include "models/store/migrations/migration.h"
#include "models/store/migrator.h"
#include "models/store/postgresurl.h"
#include "models/store/servercodecheck.h"
#include "models/store/sqlexec.h"
#include "models/store/sqlitefilecheck.h"
#include "models/store/sqliteschemarepair.h"
#include "models/store/sqlitelockwait.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace tw {

namespace {

// Any number: it only has to be the same in every Tickerwire process, so two
// clients opening a fresh server store do not both run the migrations.
constexpr qint64 kMigrationLockKey = 0x7477'6d69'6772;  // "twmigr"

Result<QSqlDatabase> openSqlite(const QString &path, const QString &connectionName, bool readOnly = false)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    // Readers and the writer thread share the file; waiting beats failing.
    db.setConnectOptions(readOnly ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY")
                                  : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
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
        // A checkpoint every 1,000 pages (SQLite's default) ran after every
        // ingest batch, copying each page it wrote into the database and
        // syncing twice; at 10,000 pages (about 40 MB of log) a page that
        // several batches change (index interiors, the full-text segments)
        // is copied once: a 100,000-article fetch into a million-article
        // store took 16% less CPU and a third less wall time
        // (bench/ingestbench). Reads look pages up in the log's hash index,
        // as before.
        QStringLiteral("PRAGMA wal_autocheckpoint = 10000"),
        // The log keeps its largest size after a checkpoint; a long write
        // (store copy) gives its space back down to this.
        QStringLiteral("PRAGMA journal_size_limit = 67108864"),
    });
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

// libpq's messages are multi-line and technical; the first line names the cause
// and the hint says what to do about it. Neither ever contains the password.
QString describeConnectFailure(const QString &display, const PostgresUrl &url, const QSqlError &error)
{
    QString reason = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    reason = reason.simplified();
    QString hint;
    const QString lower = reason.toLower();
    if (lower.contains(QLatin1String("password authentication failed")))
        hint = QStringLiteral("the server refused the password for user '%1'; put the right one in the keychain "
                              "(Settings), ~/.pgpass or the file named by PGPASSFILE").arg(url.user);
    else if (lower.contains(QLatin1String("no password supplied")))
        hint = QStringLiteral("the server wants a password for user '%1' and none was found; store it in the keychain "
                              "(Settings), ~/.pgpass or the file named by PGPASSFILE").arg(url.user);
    else if (lower.contains(QLatin1String("connection refused")) || lower.contains(QLatin1String("no such file or directory")))
        hint = QStringLiteral("no PostgreSQL server is listening there (is it running?)");
    else if (lower.contains(QLatin1String("timeout")) || lower.contains(QLatin1String("timed out")))
        hint = QStringLiteral("the server did not answer in time (network down?)");
    else if (lower.contains(QLatin1String("does not exist")) && lower.contains(QLatin1String("database")))
        hint = QStringLiteral("the database does not exist; create it first (createdb %1)").arg(url.database);
    if (hint.isEmpty())
        return QStringLiteral("Cannot connect to the store at %1: %2").arg(display, reason);
    return QStringLiteral("Cannot connect to the store at %1: %2 (%3)").arg(display, hint, reason);
}

bool isAuthenticationFailure(const QSqlError &error)
{
    const QString text = (error.databaseText() + QLatin1Char(' ') + error.text()).toLower();
    return text.contains(QLatin1String("password authentication failed"))
        || text.contains(QLatin1String("no password supplied"));
}

// Passwords a lookup (the keychain) supplied, by server, for this process's
// other connections (threads, reconnects). Memory only; never written anywhere.
class FoundPasswords {
public:
    static QString get(const QString &server)
    {
        QMutexLocker lock(&mutex());
        return passwords().value(server);
    }
    static void put(const QString &server, const QString &password)
    {
        QMutexLocker lock(&mutex());
        passwords().insert(server, password);
    }

private:
    static QMutex &mutex()
    {
        static QMutex m;
        return m;
    }
    static QHash<QString, QString> &passwords()
    {
        static QHash<QString, QString> p;
        return p;
    }
};

Status configurePostgres(QSqlDatabase &db)
{
    return execStatements(db, {
        // libpq prints NOTICEs (e.g. "relation already exists, skipping") on stderr.
        QStringLiteral("SET client_min_messages = warning"),
        // A colleague's open transaction can hold a lock on a shared table for
        // hours: wait as long as the wait policy says (as on SQLite), then fail
        // with a message, instead of hanging without a word. Advisory locks
        // (the migration lock) obey it too.
        QStringLiteral("SET lock_timeout = %1").arg(std::max(SqliteLockWait::policy().timeoutMs, 1)),
    });
}

Result<QSqlDatabase> openPostgres(const PostgresUrl &url, const QString &display, const QString &connectionName,
                                  const StorePasswordLookup &passwordLookup)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return fail(QStringLiteral("Cannot open %1: the Qt PostgreSQL driver (QPSQL, Debian package libqt6sql6-psql) "
                                   "is not installed").arg(display));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(url.host);
    db.setPort(url.port);
    db.setUserName(url.user);
    const QString server = url.withoutPassword();
    const QString remembered = url.password.isEmpty() ? FoundPasswords::get(server) : QString();
    if (!url.password.isEmpty())
        db.setPassword(url.password);
    else if (!remembered.isEmpty())
        db.setPassword(remembered);
    db.setDatabaseName(url.database);
    QStringList options = url.connectOptions;
    if (!std::any_of(options.cbegin(), options.cend(),
                     [](const QString &o) { return o.startsWith(QLatin1String("connect_timeout=")); }))
        options << QStringLiteral("connect_timeout=10");
    if (!std::any_of(options.cbegin(), options.cend(),
                     [](const QString &o) { return o.startsWith(QLatin1String("application_name=")); }))
        options << QStringLiteral("application_name=tickerwire");
    db.setConnectOptions(options.join(QLatin1Char(';')));
    bool opened = db.open();
    // libpq found no password (or a wrong one) and the URL gave none: ask the
    // keychain, through the caller, only now that the server wants one.
    if (!opened && url.password.isEmpty() && passwordLookup && isAuthenticationFailure(db.lastError())) {
        const QSqlError first = db.lastError();
        auto password = passwordLookup(server);
        if (!password)
            return fail(describeConnectFailure(display, url, first)
                        + QStringLiteral("; the keychain could not be read: %1").arg(password.errorMessage()));
        if (password->isEmpty() || *password == remembered)
            return fail(describeConnectFailure(display, url, first));
        db.setPassword(*password);
        opened = db.open();
        if (opened)
            FoundPasswords::put(server, *password);
    }
    if (!opened)
        return fail(describeConnectFailure(display, url, db.lastError()));
    if (const Status configured = configurePostgres(db); !configured)
        return fail(QStringLiteral("Cannot configure %1: %2").arg(display, configured.errorMessage()));
    return db;
}

// Reads the schema version without creating anything; 0 = no Tickerwire tables.
// Refuses a database that holds somebody else's tables.
Result<int> postgresSchemaVersion(const QSqlDatabase &db, const QString &display)
{
    // pg_catalog shows every table of the schema; information_schema only
    // those this user holds a privilege on (a REVOKE would hide the store).
    const QString inSchema = QStringLiteral(
        "SELECT count(*) FROM pg_class WHERE relkind IN ('r', 'p', 'v', 'm', 'f') "
        "AND relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())");
    auto hasVersionTable = queryScalar(db, inSchema + QStringLiteral(" AND relname = 'schema_version'"));
    if (!hasVersionTable)
        return hasVersionTable.error();
    if (*hasVersionTable == 0) {
        auto tables = queryScalar(db, inSchema);
        if (!tables)
            return tables.error();
        if (*tables > 0)
            return fail(QStringLiteral("%1 holds tables but is not a Tickerwire store; it was left untouched").arg(display));
        return 0;
    }
    auto version = queryScalar(db, QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version"));
    if (!version)
        return version.error();
    return int(*version);
}

QString newerSchemaMessage(const QString &display, int version)
{
    return QStringLiteral("%1 was written by a newer Tickerwire (schema version %2; this build knows up to %3); "
                          "it was left untouched")
        .arg(display).arg(version).arg(latestSchemaVersion());
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

void StoreConnection::setWaitPolicy(StoreWaitPolicy policy)
{
    SqliteLockWait::setPolicy(std::move(policy));
}

void StoreConnection::waitForLocks()
{
    if (!m_lockWait)
        m_lockWait = std::make_unique<SqliteLockWait>(m_location, displayLocation());
    m_lockWait->install(database());
}

QSqlDatabase StoreConnection::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<std::unique_ptr<StoreConnection>> StoreConnection::openServer(const QString &location,
                                                                     const QString &connectionName, bool migrate,
                                                                     const StorePasswordLookup &passwordLookup)
{
    const QString display = PostgresUrl::redact(location);
    auto url = PostgresUrl::parse(location);
    if (!url)
        return url.error();
    // Declared before the QSqlDatabase copy so it is destroyed after it: removing
    // a connection that a live copy still uses makes Qt warn.
    std::unique_ptr<StoreConnection> connection;
    auto db = openPostgres(*url, display, connectionName, passwordLookup);
    if (!db) {
        dropConnection(connectionName);
        return db.error();
    }
    connection = std::make_unique<StoreConnection>(Key{}, location, connectionName, SqlDialect::Postgres);
    // Several clients may open a fresh shared store at once: one migrates, the
    // others wait and then find nothing left to do. The version is read under
    // the lock too, or a client could see the first migration half-way (some
    // tables, no schema_version yet) and take the store for a foreign one.
    if (migrate) {
        if (auto locked = execStatements(*db, {QStringLiteral("SELECT pg_advisory_lock(%1)").arg(kMigrationLockKey)});
            !locked)
            return locked.error();
    }
    QSqlDatabase lockHolder = *db;
    const auto unlock = qScopeGuard([&] {
        if (migrate)
            (void)execStatements(lockHolder, {QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(kMigrationLockKey)});
    });
    if (const Status path = refuseShadowingSchema(*db, display); !path)
        return path.error();
    auto version = postgresSchemaVersion(*db, display);
    if (!version)
        return version.error();
    if (*version > latestSchemaVersion())
        return fail(newerSchemaMessage(display, *version));
    // The version number's claim, checked against the schema (one query).
    if (*version > 0) {
        auto objects = schemaObjects(*db, SqlDialect::Postgres);
        if (!objects)
            return objects.error();
        if (const Status steps = verifyAppliedSteps(*objects, *version, SqlDialect::Postgres, display); !steps)
            return steps.error();
        // Before anything reads or writes a row (or migrates).
        if (const Status code = refuseColleagueCode(*db, display); !code)
            return code.error();
    }
    // Once the store is at this build's version (its indexes are then all made).
    const auto indexesWhole = [&]() -> Status { return refuseMissingServerIndexes(*db, display); };
    if (*version == latestSchemaVersion()) {
        if (const Status indexes = indexesWhole(); !indexes)
            return indexes.error();
        return connection;
    }
    if (!migrate)
        return fail(QStringLiteral("%1 is at schema version %2, expected %3; open it with this build first")
                        .arg(display).arg(*version).arg(latestSchemaVersion()));
    Migrator migrator(*db, SqlDialect::Postgres, display);
    if (const Status migrated = migrator.migrateToLatest(); !migrated)
        return migrated.error();
    if (const Status indexes = indexesWhole(); !indexes)
        return indexes.error();
    return connection;
}

Status StoreConnection::reconnect()
{
    QSqlDatabase db = database();
    db.close();
    if (!db.open())
        return fail(m_dialect == SqlDialect::Postgres
                        ? describeConnectFailure(displayLocation(), *PostgresUrl::parse(m_location), db.lastError())
                        : QStringLiteral("Cannot reopen %1: %2").arg(m_location, db.lastError().text()));
    if (m_dialect == SqlDialect::Postgres)
        return configurePostgres(db);
    waitForLocks();
    return configureSqlite(db);
}

bool StoreConnection::isAlive() const
{
    QSqlQuery probe(database());
    return probe.exec(QStringLiteral("SELECT 1")) && probe.next();
}

QString StoreConnection::displayLocation() const
{
    return PostgresUrl::redact(m_location);
}

Result<std::unique_ptr<StoreConnection>> StoreConnection::open(const QString &location, const QString &connectionName,
                                                               const StorePasswordLookup &passwordLookup)
{
    if (PostgresUrl::isPostgresLocation(location))
        return openServer(location, connectionName, true, passwordLookup);

    // Judged through SQLite, read-only and with the WAL, before anything is
    // opened for writing: a foreign, damaged or newer file is never written.
    auto file = inspectSqliteFile(location, SqliteLockWait::policy().timeoutMs);
    if (!file)
        return file.error();
    if (file->userVersion > latestSchemaVersion())
        return fail(newerSchemaMessage(location, file->userVersion));
    if (const Status steps = verifyAppliedSteps(file->schemaObjects, file->userVersion, SqlDialect::Sqlite, location);
        !steps)
        return steps.error();
    if (!file->exists) {
        const QFileInfo info(location);
        if (!QDir().mkpath(info.absolutePath()))
            return fail(QStringLiteral("Cannot create the folder %1 for the store").arg(info.absolutePath()));
    }

    auto connection = connectSqlite(location, connectionName, false);
    if (!connection)
        return connection;
    // After the connection, so this copy is destroyed first (see connectSqlite).
    QSqlDatabase db = (*connection)->database();
    Migrator migrator(db, SqlDialect::Sqlite, location);
    if (auto migrated = migrator.migrateToLatest(); !migrated)
        return migrated.error();
    if (const Status schema = SqliteSchemaRepair::apply(db, location); !schema)
        return schema.error();
    return connection;
}

Result<std::unique_ptr<StoreConnection>> StoreConnection::attach(const QString &location, const QString &connectionName,
                                                                 const StorePasswordLookup &passwordLookup)
{
    if (PostgresUrl::isPostgresLocation(location))
        return openServer(location, connectionName, false, passwordLookup);
    auto connection = connectSqlite(location, connectionName, false);
    if (!connection)
        return connection;
    const QSqlDatabase db = (*connection)->database();
    auto version = queryScalar(db, QStringLiteral("PRAGMA user_version"));
    if (!version)
        return version.error();
    if (*version != latestSchemaVersion())
        return fail(QStringLiteral("%1 is at schema version %2, expected %3; open it with StoreConnection::open first")
                        .arg(location).arg(*version).arg(latestSchemaVersion()));
    return connection;
}

Result<std::unique_ptr<StoreConnection>> StoreConnection::openReadOnly(const QString &location,
                                                                       const QString &connectionName,
                                                                       const StorePasswordLookup &passwordLookup)
{
    if (PostgresUrl::isPostgresLocation(location)) {
        // Reads only; the session is also marked read-only so a bug cannot write.
        auto connection = openServer(location, connectionName, false, passwordLookup);
        if (!connection)
            return connection.error();
        QSqlDatabase db = (*connection)->database();
        if (auto ro = execStatements(db, {QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")}); !ro)
            return ro.error();
        return connection;
    }
    auto file = inspectSqliteFile(location, SqliteLockWait::policy().timeoutMs);
    if (!file)
        return file.error();
    if (!file->exists)
        return fail(QStringLiteral("%1 does not exist").arg(location));
    if (file->userVersion > latestSchemaVersion())
        return fail(newerSchemaMessage(location, file->userVersion));
    // A store missing a step it claims is damaged whatever its version: say
    // that first, as "open it once to bring it forward" would not help.
    if (const Status steps = verifyAppliedSteps(file->schemaObjects, file->userVersion, SqlDialect::Sqlite, location);
        !steps)
        return steps.error();
    if (file->userVersion != latestSchemaVersion())
        return fail(QStringLiteral("%1 is at schema version %2, expected %3; open it with this build once to bring it "
                                   "forward (a backup is kept)")
                        .arg(location).arg(file->userVersion).arg(latestSchemaVersion()));
    return connectSqlite(location, connectionName, true);
}

Result<std::unique_ptr<StoreConnection>> StoreConnection::connectSqlite(const QString &location,
                                                                        const QString &connectionName, bool readOnly)
{
    // Declared before the QSqlDatabase copy so it is destroyed after it: removing
    // a connection that a live copy still uses makes Qt warn.
    std::unique_ptr<StoreConnection> connection;
    auto db = openSqlite(location, connectionName, readOnly);
    if (!db) {
        dropConnection(connectionName);
        return db.error();
    }
    // From here on the connection owns the name; failures drop it on return.
    connection = std::make_unique<StoreConnection>(Key{}, location, connectionName, SqlDialect::Sqlite);
    connection->waitForLocks();
    if (readOnly)
        return connection;
    if (auto configured = configureSqlite(*db); !configured)
        return fail(QStringLiteral("Cannot configure %1: %2").arg(location, configured.errorMessage()));
    return connection;
}

} // namespace tw
