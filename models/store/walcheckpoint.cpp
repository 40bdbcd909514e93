#include "models/store/walcheckpoint.h"

#include "models/store/sqlitestatement.h"

#include <sqlite3.h>

#include <algorithm>
#include <memory>

namespace tw {

QString WalCheckpoint::fileOf(const QSqlDatabase &db)
{
    sqlite3 *connection = sqliteHandleOf(db);
    const char *file = connection ? sqlite3_db_filename(connection, "main") : nullptr;
    return file ? QString::fromUtf8(file) : QString();
}

Result<int> WalCheckpoint::run(const QString &file)
{
    if (file.isEmpty())
        return 0;
    sqlite3 *opened = nullptr;
    const int rc = sqlite3_open_v2(file.toUtf8().constData(), &opened, SQLITE_OPEN_READWRITE, nullptr);
    const std::unique_ptr<sqlite3, decltype(&sqlite3_close)> connection(opened, &sqlite3_close);
    if (rc != SQLITE_OK)
        return fail(QStringLiteral("Could not open %1 to copy its log: %2")
                        .arg(file, QString::fromUtf8(opened ? sqlite3_errmsg(opened) : sqlite3_errstr(rc))));
    // A connection finds the log on its first read: before that a checkpoint
    // does nothing.
    if (sqlite3_exec(connection.get(), "SELECT 1 FROM sqlite_schema LIMIT 1", nullptr, nullptr, nullptr) != SQLITE_OK)
        return fail(QStringLiteral("Could not read %1 to copy its log: %2")
                        .arg(file, QString::fromUtf8(sqlite3_errmsg(connection.get()))));
    // Not the last connection (the writer's is open), so closing this one
    // neither checkpoints again nor removes the log.
    int frames = 0;
    int copied = 0;
    const int done = sqlite3_wal_checkpoint_v2(connection.get(), "main", SQLITE_CHECKPOINT_PASSIVE, &frames, &copied);
    if (done == SQLITE_BUSY)
        return 0;   // another checkpoint is running
    if (done != SQLITE_OK)
        return fail(QStringLiteral("Could not copy the log of %1: %2")
                        .arg(file, QString::fromUtf8(sqlite3_errmsg(connection.get()))));
    return std::max(0, copied);
}

} // namespace tw
