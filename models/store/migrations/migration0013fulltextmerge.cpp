#include "models/store/migrations/migration.h"

namespace tw {

// FTS5 adds each transaction's new terms as a small segment and, with its
// default automerge of 4, merges a level as soon as it holds four segments,
// spending work on every commit in proportion to the number of levels: on a
// million-article store a 10,000-article fetch spent most of its index time
// rewriting old segments. Merging sixteen at a time rewrites each posting
// about half as often (log16 instead of log4 of the history) and leaves more,
// smaller segments, which a search on a million articles reads as fast
// (bench/ingestbench, bench_window). The setting lives in the index itself;
// PostgreSQL's GIN index has no such step.
Status migration0013FullTextMerge(QSqlDatabase &db, SqlDialect dialect)
{
    if (dialect == SqlDialect::Postgres)
        return {};
    return execDdl(db, dialect,
                   {QStringLiteral("INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16)")});
}

} // namespace tw
