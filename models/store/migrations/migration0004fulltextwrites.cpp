#include "store/migrations/migration.h"

namespace tw {

// SQLite: new articles enter the full-text index from ArticleStore, not from a
// trigger. A statement that fires a trigger opens a statement savepoint, and
// FTS5 writes its pending terms out as a new segment at every savepoint: one
// tiny segment per article, a third of ingest time. A plain INSERT into the
// index adds to the pending terms, written once when the batch commits.
// Updates and deletes are rare and keep their triggers, so any writer that
// changes or removes an article still keeps the index in step.
Status migration0004FullTextWrites(QSqlDatabase &db, SqlDialect dialect)
{
    if (dialect == SqlDialect::Postgres)
        return {};   // the search vector is a generated column there
    return execDdl(db, dialect, {QStringLiteral("DROP TRIGGER IF EXISTS articles_fts_insert")});
}

} // namespace tw
