#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>
#include <QString>

namespace tw {

// Copies a SQLite store's write-ahead log into the database file from a
// connection of its own, so any thread can do it: a passive checkpoint,
// which waits for no reader or writer and takes no write lock. Without it
// the writer does the copying, in the commit that crosses
// wal_autocheckpoint or when its connection closes: a fetch that wrote
// 25 MB spent its last 0.15 s on that before it could exit.
class WalCheckpoint {
public:
    // The file a SQLite connection writes to; empty for other drivers and
    // for in-memory stores (nothing to copy).
    static QString fileOf(const QSqlDatabase &db);
    // Copies what it can and returns how many pages of the log are in the
    // database now (0 when another checkpoint was running). What readers
    // still use is copied later by whoever checkpoints next.
    static Result<int> run(const QString &file);
};

} // namespace tw
