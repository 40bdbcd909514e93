#include "models/store/bulkpagecache.h"

#include "models/store/sqldialect.h"
#include "models/store/sqlexec.h"

#include <QSqlQuery>

namespace tw {

BulkPageCache::BulkPageCache(QSqlDatabase db, int megabytes) : m_db(std::move(db))
{
    if (dialectOf(m_db) != SqlDialect::Sqlite)
        return;
    auto previous = queryScalar(m_db, QStringLiteral("PRAGMA cache_size"));
    if (!previous)
        return;
    // A negative size is in KiB.
    if (QSqlQuery q(m_db); q.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(qint64(megabytes) * 1024)))
        m_previous = *previous == 0 ? -2000 : *previous;
}

BulkPageCache::~BulkPageCache()
{
    if (m_previous != 0 && m_db.isOpen())
        QSqlQuery(QStringLiteral("PRAGMA cache_size = %1").arg(m_previous), m_db);
}

} // namespace tw
