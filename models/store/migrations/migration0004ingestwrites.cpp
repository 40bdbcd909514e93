#include "models/store/migrations/migration.h"

namespace tw {

// What every stored article costs to write.
//
// SQLite: new articles enter the full-text index from ArticleStore, not from
// a trigger. A statement that fires a trigger opens a statement savepoint, and
// FTS5 writes its pending terms out as a new segment at every savepoint: one
// tiny segment per article, a third of ingest time. A plain INSERT into the
// index adds to the pending terms, written once when the batch commits.
// Updates and deletes are rare and keep their triggers, so any writer that
// changes or removes an article still keeps the index in step.
//
// Both backends: the index on content_hash goes. Nothing looks articles up by
// it (the hash is read with the row found by guid or URL), and a random key
// made every insert dirty a different index page: most of what a batch wrote.
Status migration0004IngestWrites(QSqlDatabase &db, SqlDialect dialect)
{
    QStringList statements{QStringLiteral("DROP INDEX IF EXISTS articles_content_hash")};
    if (dialect == SqlDialect::Sqlite)
        statements << QStringLiteral("DROP TRIGGER IF EXISTS articles_fts_insert");
    return execDdl(db, dialect, statements);
}

} // namespace tw
