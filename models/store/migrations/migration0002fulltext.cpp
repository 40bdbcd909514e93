#include "models/store/migrations/migration.h"

namespace tw {

QStringList migration0002FullTextChangeTriggers()
{
    return {
        QStringLiteral(R"(CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, summary, body)
            VALUES ('delete', old.id, old.title, old.summary, old.body);
        END)"),
        QStringLiteral(R"(CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, summary, body ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, summary, body)
            VALUES ('delete', old.id, old.title, old.summary, old.body);
            INSERT INTO articles_fts(rowid, title, summary, body)
            VALUES (new.id, new.title, new.summary, new.body);
        END)"),
    };
}

// SQLite: an external-content FTS5 table kept in step with `articles` by
// triggers, so every writer (ours or a future one) keeps the index in sync.
Status migration0002FullText(QSqlDatabase &db, SqlDialect dialect)
{
    if (dialect == SqlDialect::Postgres) {
        return execDdl(db, dialect, {
            QStringLiteral(R"(ALTER TABLE articles ADD COLUMN search_vector tsvector
                GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
                    setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
                    setweight(to_tsvector('english', coalesce(body, '')), 'C')) STORED)"),
            QStringLiteral("CREATE INDEX articles_search ON articles USING GIN (search_vector)"),
        });
    }
    return execDdl(db, dialect, QStringList{
        QStringLiteral(R"(CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, summary, body,
            content='articles', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'))"),
        QStringLiteral(R"(CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, summary, body)
            VALUES (new.id, new.title, new.summary, new.body);
        END)"),
    } + migration0002FullTextChangeTriggers() + QStringList{
        // Stores written before this step already hold articles.
        QStringLiteral("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')"),
    });
}

} // namespace tw
