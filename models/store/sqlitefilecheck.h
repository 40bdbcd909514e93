#pragma once

#include "models/core/result.h"

#include <QString>

namespace tw {

// What the 100-byte header of an existing SQLite file says, read without
// opening it through SQLite (so nothing can be written to a foreign file).
struct SqliteHeader {
    bool exists = false;        // false: no file, or an empty one (a new store)
    int userVersion = 0;
};

// Fails with a message naming the file when it is not an SQLite database or is
// shorter than its header says (truncated).
Result<SqliteHeader> inspectSqliteFile(const QString &path);

} // namespace tw
