#pragma once

#include "models/core/result.h"
#include "models/domain/article.h"
#include "models/store/sqldialect.h"
#include "models/store/sqlitestatement.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <initializer_list>
#include <optional>
#include <utility>

namespace tw {

enum class UpsertOutcome { Inserted, Updated, Unchanged };

struct ArticleUpsert {
    qint64 id = 0;
    UpsertOutcome outcome = UpsertOutcome::Unchanged;
};

// Reads and writes articles. Writes are idempotent: an article is the same
// article when it comes from the same origin (its feed, or for a file its
// source) and its guid or its canonical URL matches; storing it again
// changes nothing unless its text changed, and a change keeps a note of the
// previous title and summary (article_revisions). Another origin's article
// with the same guid or URL is a separate article: nothing one feed sends
// can rewrite another feed's articles. The caller owns the transaction.
// On PostgreSQL writes serialise on an advisory lock until the caller's
// transaction ends, and each change is announced to other clients (NOTIFY).
class ArticleStore {
public:
    explicit ArticleStore(QSqlDatabase db);

    // An article's text as the store hashes and indexes it. Pure (any
    // thread): a fetch prepares it off the storing thread.
    struct PreparedText {
        QByteArray title, summary, body;   // UTF-8
        QString hash;                      // contentHash
        QString origin;                    // originOf
        // The other text columns in UTF-8, as SQLite takes them.
        QByteArray guid, url, author, source, sourceUrl, originUtf8;
    };
    static PreparedText prepare(const Article &article);

    // How SQLite finds an article already stored, each value bound once:
    // the identity first (1 guid, 2 origin), then the URL under the same
    // origin (1 url, 2 origin). Two probes: one statement with OR ran as a
    // multi-index OR with a temporary B-tree for its ORDER BY, about 38,000
    // instructions per new article.
    static constexpr const char *kSqliteFindByIdentitySql =
        "SELECT id, content_hash FROM articles WHERE guid = ?1 AND origin = ?2";
    static constexpr const char *kSqliteFindByUrlSql =
        "SELECT id, content_hash FROM articles WHERE url = ?1 AND url <> '' AND origin || '' = ?2 ORDER BY id LIMIT 1";
    using Stored = std::optional<std::pair<qint64, QString>>;   // id and content hash
    // The article `text` was prepared from as upsert finds it on SQLite,
    // with statements of those two texts on any connection (the writer's, or
    // StoredContentCheck's own): none when it is not stored.
    static Result<Stored> findOnSqlite(SqliteStatement &byIdentity, SqliteStatement &byUrl, const PreparedText &text);

    Result<ArticleUpsert> upsert(const Article &article);
    // The same with the text prepared ahead; `text` must be prepare(article).
    Result<ArticleUpsert> upsert(const Article &article, const PreparedText &text);
    Result<std::optional<Article>> byId(qint64 id) const;
    Result<qint64> count() const;
    Status remove(qint64 id);

    // Full-text search, newest first; the same syntax on both backends (words,
    // "phrases", AND/OR/NOT, prefix*, parentheses; see SearchQueryTranslator).
    // Returns article ids. On PostgreSQL words are English-stemmed.
    Result<QList<qint64>> search(const QString &query, int limit) const;

    static QString contentHash(const Article &article);
    // "feed:<id>" for a configured feed's article, else "source:<publisher>".
    static QString originOf(const Article &article);

    // SQLite: indexes every stored article again. For writers that insert
    // articles in bulk without this class (a store copy, generated benchmark
    // stores); a no-op on PostgreSQL, whose index is a generated column.
    static Status rebuildSearchIndex(QSqlDatabase db);

private:
    static QString contentHash(const QByteArray &title, const QByteArray &summary, const QByteArray &body);
    Status prepareWrites();
    Result<Stored> findByGuidOrUrl(const Article &article, const PreparedText &text);
    static Result<Stored> findWith(QSqlQuery &query, std::initializer_list<QVariant> values);
    static Result<Stored> findWith(SqliteStatement &statement, const QByteArray &first, const QByteArray &origin);
    // The new row's id, or nullopt when another writer stored the guid first.
    Result<std::optional<qint64>> insertNew(const Article &article, const PreparedText &text);

    QSqlDatabase m_db;
    SqlDialect m_dialect;
    QSqlQuery m_findByGuid;
    QSqlQuery m_findByGuidOrUrl;
    QSqlQuery m_insert;
    QSqlQuery m_update;
    QSqlQuery m_noteRevision;
    QSqlQuery m_trimRevisions;
    QSqlQuery m_lock;
    // SQLite's per-article statements (see prepareWrites); empty on PostgreSQL.
    SqliteStatement m_sqliteFindByIdentity;
    SqliteStatement m_sqliteFindByUrl;
    SqliteStatement m_sqliteInsert;
    SqliteStatement m_sqliteIndex;   // a new article's full-text row (migration 4)
    bool m_writesPrepared = false;
};

} // namespace tw
