#pragma once

#include "models/core/result.h"

#include <QSet>
#include <QString>

namespace tw {

// What an existing SQLite file holds, as SQLite itself reads it: opened
// read-only together with its write-ahead log, so a store whose latest pages
// still live in `-wal` (a window that is open, a process that was killed, a
// checkpoint a full disk stopped) reads as what it is. Nothing is written to
// the file or its log; SQLite may create the `-shm` index beside a `-wal`
// that has none (it needs one to read the log).
struct SqliteStoreFile {
    bool exists = false;        // false: no file, or an empty one (a new store)
    int userVersion = 0;        // the schema version (PRAGMA user_version)
    QSet<QString> schemaObjects;   // of a Tickerwire store, as schemaObjects() lists them
};

// Fails with a message naming the file, ending "it was left untouched", when
// it is not an SQLite database, is damaged, or holds another program's tables.
Result<SqliteStoreFile> inspectSqliteFile(const QString &path, int busyTimeoutMs = 5000);

// Whether `path` is a whole, readable SQLite database (PRAGMA integrity_check
// says "ok") at schema version `userVersion`; the reason when not. For backups.
Status verifySqliteCopy(const QString &path, int userVersion);

} // namespace tw
