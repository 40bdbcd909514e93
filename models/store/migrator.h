#pragma once

#include "models/core/result.h"
#include "models/store/storeconnection.h"

#include <QSqlDatabase>

namespace tw {

// Brings a store forward to a schema version, one numbered step per
// transaction. Before touching a store that already holds data it copies the
// file aside as `<file>.bak-v<N>` (N = the version found).
class Migrator {
public:
    Migrator(QSqlDatabase db, SqlDialect dialect, QString location);

    Result<int> currentVersion() const;
    // `target` < latest is for tests that build stores as older builds wrote them.
    Status migrateTo(int target);
    Status migrateToLatest();

    static QString backupPath(const QString &location, int version);

private:
    Status setVersion(int version);
    Status backup(int version);

    QSqlDatabase m_db;
    SqlDialect m_dialect;
    QString m_location;
};

} // namespace tw
