#include "models/store/migrations/migration.h"

namespace tw {

// FTS5 keeps a transaction's new terms in memory and writes them out as a
// segment when they pass `hashsize` (1 MB by default) and at commit. A fetch's
// group of 2,500 articles passed 1 MB several times, so each group left
// several small segments that merging then rewrote: 4 MB holds a group's
// terms, one segment per commit. A fetch of 20,000 articles with nothing to
// link spent 15% fewer instructions on its storing thread (callgrind); the
// memory is the writer's, only while it writes.
Status migration0015FullTextHashSize(QSqlDatabase &db, SqlDialect dialect)
{
    if (dialect == SqlDialect::Postgres)
        return {};
    return execDdl(db, dialect,
                   {QStringLiteral("INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 4194304)")});
}

} // namespace tw
