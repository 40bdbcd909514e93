#pragma once

#include <QSqlDatabase>

namespace tw {

// A larger SQLite page cache on one connection for the length of a bulk job
// (`score --all` reads and rewrites most of a store): with the default 2 MB,
// every page beyond it is read from the operating system again, which was a
// fifth of a full rescore's time. Restores the size it found; does nothing
// on PostgreSQL. Pages are allocated as they are used, so a small store
// costs no more memory than before.
class BulkPageCache {
public:
    explicit BulkPageCache(QSqlDatabase db, int megabytes = 256);
    ~BulkPageCache();
    BulkPageCache(const BulkPageCache &) = delete;
    BulkPageCache &operator=(const BulkPageCache &) = delete;

private:
    QSqlDatabase m_db;
    qint64 m_previous = 0;   // PRAGMA cache_size as found (0: not changed)
};

} // namespace tw
