#pragma once

#include <QString>

namespace tw {

// The version of the SQLite library that Qt's QSQLITE driver runs (it may be
// Qt's bundled copy or the system's), for the About dialog and bug reports.
// Empty when the driver is missing.
QString sqliteLibraryVersion();

} // namespace tw
