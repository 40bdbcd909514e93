#pragma once

#include "models/core/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

namespace tw {

// The indexes and triggers of an SQLite store at the latest schema version,
// as this build's migrations leave them (a new store and an upgraded one have
// the same). Another program may have changed them: a dropped unique index
// makes every write fail on SQL the analyst cannot act on, a dropped
// full-text trigger lets search drift from the articles without a word, and
// an added trigger or unique index runs or refuses on every write. So, once
// the store is migrated: a missing one is made again (one transaction, with
// a warning naming it; a unique index the rows no longer fit fails with the
// reason), and a trigger or unique index the migrations never make is
// refused, naming it. An index of the analyst's own that is not unique is
// left alone. Writes nothing when nothing is missing.
class SqliteSchemaRepair {
public:
    static Status apply(QSqlDatabase &db, const QString &location);

    // The named indexes this build's migrations make, each with whether it is
    // unique; a PostgreSQL store gets the same names.
    static Result<QHash<QString, bool>> referenceIndexes();
};

} // namespace tw
