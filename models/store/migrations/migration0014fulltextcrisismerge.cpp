#include "models/store/migrations/migration.h"

namespace tw {

// With automerge at sixteen (migration 13) equal to FTS5's default
// crisismerge of sixteen, a level that reached sixteen segments was merged
// whole inside the commit that filled it, never a few pages per commit: a
// fetch that happened to fill a level paid for rewriting it (111 ms of one
// commit's CPU on a 100,000-article store, more the larger the level) while
// holding the write lock. A crisis threshold of 64 leaves room for the
// incremental merge to keep up, so each commit pays its share; the total
// merge work is the same (bench/ingestbench prints the slowest commit).
Status migration0014FullTextCrisisMerge(QSqlDatabase &db, SqlDialect dialect)
{
    if (dialect == SqlDialect::Postgres)
        return {};
    return execDdl(db, dialect,
                   {QStringLiteral("INSERT INTO articles_fts (articles_fts, rank) VALUES ('crisismerge', 64)")});
}

} // namespace tw
