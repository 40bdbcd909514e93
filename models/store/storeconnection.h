#pragma once

#include "models/core/result.h"
#include "models/store/sqldialect.h"
#include "models/store/sqlitelockwait.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

namespace tw {

// Asked for a server store's password when the server wants one that neither
// the URL nor libpq's own sources (PGPASSFILE, ~/.pgpass) supplied; app/ reads
// the keychain (models/ cannot). Gets USER@HOST:PORT/DB (PostgresUrl::withoutPassword);
// an empty string means it has none.
using StorePasswordLookup = std::function<Result<QString>(const QString &serverWithoutPassword)>;

// Owns one named Qt SQL connection for one thread (Qt SQL connections must not
// cross threads), opened on a validated and fully migrated store. Removing the
// connection on destruction is what makes the name reusable.
class StoreConnection {
public:
    ~StoreConnection();
    StoreConnection(const StoreConnection &) = delete;
    StoreConnection &operator=(const StoreConnection &) = delete;

    // Opens (creating if absent) the store at `location`, refusing files that
    // are not Tickerwire stores, are damaged, or come from a newer build; those
    // are never written to. Runs pending migrations after backing the file up.
    // `location` is an SQLite file path or a postgresql://USER@HOST:PORT/DB URL
    // (the database must exist; its tables are created on first open).
    // A password `passwordLookup` supplies is remembered (in memory, for this
    // process) so attach() and reconnect() to the same server need no second lookup.
    static Result<std::unique_ptr<StoreConnection>> open(const QString &location, const QString &connectionName,
                                                         const StorePasswordLookup &passwordLookup = {});

    // A second connection to an already opened (and migrated) store, for another thread.
    static Result<std::unique_ptr<StoreConnection>> attach(const QString &location, const QString &connectionName,
                                                           const StorePasswordLookup &passwordLookup = {});

    // Opens an existing store at the latest schema version for reading only:
    // never creates, migrates or writes (the source of `store copy`).
    static Result<std::unique_ptr<StoreConnection>> openReadOnly(const QString &location, const QString &connectionName,
                                                                 const StorePasswordLookup &passwordLookup = {});

    QSqlDatabase database() const;

    // How SQLite connections opened from now on wait for a store another
    // process is writing (how long, who hears about a long wait). Set once,
    // early (the CLI reports waits on stderr).
    static void setWaitPolicy(StoreWaitPolicy policy);

    // Server stores: closes and reopens the connection after the server went
    // away (restart, network cut), with the same session settings. Nothing
    // committed is lost; an open transaction was already rolled back by the server.
    Status reconnect();
    // Cheap liveness probe (SELECT 1).
    bool isAlive() const;
    // The location as given (may hold a password); use displayLocation() in messages.
    const QString &location() const { return m_location; }
    QString displayLocation() const;
    const QString &connectionName() const { return m_connectionName; }
    SqlDialect dialect() const { return m_dialect; }

    // Only open() and attach() can make the key, so only they construct.
    class Key {
        friend class StoreConnection;
        Key() = default;
    };
    StoreConnection(Key, QString location, QString connectionName, SqlDialect dialect);

private:
    static Result<std::unique_ptr<StoreConnection>> openServer(const QString &location, const QString &connectionName,
                                                               bool migrate, const StorePasswordLookup &passwordLookup);
    // The SQLite file as connection `connectionName`, waiting on locks as the
    // policy says and, unless read-only, configured (configureSqlite).
    static Result<std::unique_ptr<StoreConnection>> connectSqlite(const QString &location,
                                                                  const QString &connectionName, bool readOnly);

    void waitForLocks();

    QString m_location;
    QString m_connectionName;
    SqlDialect m_dialect;
    // SQLite only; outlives the driver's handle (destroyed after ~StoreConnection's body).
    std::unique_ptr<SqliteLockWait> m_lockWait;
};

} // namespace tw
