#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace tw {

enum class SqlDialect { Sqlite, Postgres };

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
    static Result<std::unique_ptr<StoreConnection>> open(const QString &location, const QString &connectionName);

    // A second connection to an already opened (and migrated) store, for another thread.
    static Result<std::unique_ptr<StoreConnection>> attach(const QString &location, const QString &connectionName);

    QSqlDatabase database() const;
    const QString &location() const { return m_location; }
    const QString &connectionName() const { return m_connectionName; }
    SqlDialect dialect() const { return m_dialect; }

    // Only open() and attach() can make the key, so only they construct.
    class Key {
        friend class StoreConnection;
        Key() = default;
    };
    StoreConnection(Key, QString location, QString connectionName, SqlDialect dialect);

private:

    QString m_location;
    QString m_connectionName;
    SqlDialect m_dialect;
};

} // namespace tw
