#include "models/store/migrations/migration.h"

#include "models/store/sqlexec.h"

namespace tw {

// An article is known by its guid within where it came from (`origin`:
// "feed:<id>" for a configured feed, "source:<publisher>" for a file or the
// demo), no longer by its guid alone: one feed reusing another feed's guid
// (by mistake or on purpose, on a shared store) made a second, unrelated
// article overwrite the first's text and scores. A changed article from its
// own origin still updates in place and leaves a note in article_revisions.
//
// SQLite cannot drop the UNIQUE (guid) constraint in place, so the table is
// rebuilt with the same ids (the full-text index and every reference stay
// valid; the migrator runs this step with foreign keys off and checks them
// before committing). PostgreSQL drops the constraint by name.
namespace {
const char *const kOriginOfStoredRows =
    "CASE WHEN feed_id IS NOT NULL THEN 'feed:' || feed_id ELSE 'source:' || source END";

QStringList revisions()
{
    return {
        QStringLiteral(R"(CREATE TABLE article_revisions (
            id {{ID}},
            article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            revised_utc BIGINT NOT NULL,
            previous_title TEXT NOT NULL DEFAULT '',
            previous_summary TEXT NOT NULL DEFAULT '',
            previous_hash TEXT NOT NULL))"),
        QStringLiteral("CREATE INDEX article_revisions_article ON article_revisions(article_id, id)"),
    };
}
} // namespace

Status migration0005ArticleIdentity(QSqlDatabase &db, SqlDialect dialect)
{
    if (dialect == SqlDialect::Postgres) {
        auto constraint = queryScalar(db, QStringLiteral(
            "SELECT count(*) FROM pg_constraint WHERE conrelid = 'articles'::regclass AND conname = 'articles_guid_key'"));
        if (!constraint)
            return constraint.error();
        QStringList statements{
            QStringLiteral("ALTER TABLE articles ADD COLUMN origin TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("UPDATE articles SET origin = %1").arg(QLatin1String(kOriginOfStoredRows)),
        };
        // The name PostgreSQL gives a column's UNIQUE constraint (migration 1).
        if (*constraint > 0)
            statements << QStringLiteral("ALTER TABLE articles DROP CONSTRAINT articles_guid_key");
        statements << QStringLiteral("CREATE UNIQUE INDEX articles_identity ON articles(guid, origin)");
        return execDdl(db, dialect, statements + revisions());
    }
    return execDdl(db, dialect, QStringList{
        QStringLiteral(R"(CREATE TABLE articles_v5 (
            id INTEGER PRIMARY KEY,
            guid TEXT NOT NULL,%1,
            origin TEXT NOT NULL DEFAULT ''))").arg(migration0001ArticleColumns()),
        QStringLiteral("INSERT INTO articles_v5 (id, guid, url, title, summary, body, author, source, source_url, "
                       "published_utc, published_estimated, fetched_utc, feed_id, content_hash, origin) "
                       "SELECT id, guid, url, title, summary, body, author, source, source_url, published_utc, "
                       "published_estimated, fetched_utc, feed_id, content_hash, %1 FROM articles")
            .arg(QLatin1String(kOriginOfStoredRows)),
        // Takes its indexes and its two remaining full-text triggers along;
        // they are made again below as migration 2 made them (migration 4
        // dropped the insert trigger).
        QStringLiteral("DROP TABLE articles"),
        QStringLiteral("ALTER TABLE articles_v5 RENAME TO articles"),
        QStringLiteral("CREATE UNIQUE INDEX articles_identity ON articles(guid, origin)"),
        QStringLiteral("CREATE INDEX articles_published ON articles(published_utc)"),
        QStringLiteral("CREATE INDEX articles_url ON articles(url)"),
        QStringLiteral("CREATE INDEX articles_source ON articles(source)"),
    } + migration0002FullTextChangeTriggers() + revisions());
}

} // namespace tw
