#include "models/store/articlestore.h"

#include "models/core/storetime.h"
#include "models/store/searchquerytranslator.h"
#include "models/store/sqlexec.h"
#include "models/store/storechangenotifier.h"

#include <QCryptographicHash>
#include <QSqlError>

namespace tw {

namespace {
// Writers of articles on a shared server take this transaction-scoped lock, so
// two fetchers storing the same story (same guid, or same URL under another
// guid) one after the other see each other's row instead of both inserting.
// A single lock (not one per article) cannot deadlock however feeds are ordered.
constexpr qint64 kArticleWriteLockKey = 0x7477'6172'7469;  // "twarti"

// The write path's SQL, one text for both backends: SQLite numbers the '?'
// placeholders left to right, as QSqlQuery does. Identity is per origin
// (migration 5): a guid or URL another feed also uses is another article.
constexpr const char *kFindByGuidSql = "SELECT id, content_hash FROM articles WHERE guid = ? AND origin = ?";
// One round trip for both identities (it matters on a server): the guid wins
// over the URL. Written as two index lookups OR-ed: SQLite would otherwise
// take `origin = ?` as the one index term and read every article of the feed
// (`origin || ''` keeps the URL branch on the url index, on both backends).
constexpr const char *kFindByGuidOrUrlSql =
    "SELECT id, content_hash FROM articles WHERE (guid = ? AND origin = ?) "
    "OR (url = ? AND url <> '' AND origin || '' = ?) "
    "ORDER BY CASE WHEN guid = ? THEN 0 ELSE 1 END, id LIMIT 1";
constexpr const char *kInsertSql =
    "INSERT INTO articles (origin, guid, url, title, summary, body, author, source, source_url, published_utc, "
    "published_estimated, fetched_utc, feed_id, content_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
    "ON CONFLICT (origin, guid) DO NOTHING";
constexpr const char *kUpdateSql =
    "UPDATE articles SET title = ?, summary = ?, body = ?, author = ?, content_hash = ? WHERE id = ?";
constexpr const char *kIndexSql = "INSERT INTO articles_fts (rowid, title, summary, body) VALUES (?,?,?,?)";
// What the article said before a change from its own origin, newest kept.
constexpr const char *kNoteRevisionSql =
    "INSERT INTO article_revisions (article_id, revised_utc, previous_title, previous_summary, previous_hash) "
    "SELECT id, ?, title, summary, content_hash FROM articles WHERE id = ?";
constexpr int kRevisionsKept = 20;
constexpr const char *kTrimRevisionsSql =
    "DELETE FROM article_revisions WHERE article_id = ? AND id NOT IN "
    "(SELECT id FROM article_revisions WHERE article_id = ? ORDER BY id DESC LIMIT ?)";

constexpr const char *kColumns =
    "id, guid, url, title, summary, body, author, source, source_url, published_utc, "
    "published_estimated, fetched_utc, feed_id";

Article readArticle(const QSqlQuery &q)
{
    Article a;
    a.id = q.value(0).toLongLong();
    a.guid = q.value(1).toString();
    a.url = q.value(2).toString();
    a.title = q.value(3).toString();
    a.summary = q.value(4).toString();
    a.body = q.value(5).toString();
    a.author = q.value(6).toString();
    a.source = q.value(7).toString();
    a.sourceUrl = q.value(8).toString();
    a.published = fromStoreTime(q.value(9).toLongLong());
    a.publishedEstimated = q.value(10).toInt() != 0;
    a.fetched = fromStoreTime(q.value(11).toLongLong());
    a.feedId = q.value(12).toLongLong();
    return a;
}
} // namespace

ArticleStore::ArticleStore(QSqlDatabase db)
    : m_db(db), m_dialect(dialectOf(db)), m_findByGuid(db), m_findByGuidOrUrl(db), m_insert(db), m_update(db),
      m_noteRevision(db), m_trimRevisions(db), m_lock(db)
{
}

QString ArticleStore::originOf(const Article &article)
{
    return article.feedId > 0 ? QStringLiteral("feed:%1").arg(article.feedId)
                              : QStringLiteral("source:") + article.source;
}

// On the first write, not in the constructor: most ArticleStores only read
// (the reader, counts, search). Each statement is prepared once per store, as
// ingest runs them for every article, and only on the backend that runs it.
Status ArticleStore::prepareWrites()
{
    if (m_writesPrepared)
        return {};
    auto prepare = [](QSqlQuery &q, const QString &sql) -> Status {
        if (!q.prepare(sql))
            return fail(describeSqlError(QStringLiteral("Could not prepare the article writes"), q));
        return {};
    };
    for (auto [query, sql] : {std::pair{&m_findByGuid, kFindByGuidSql}, std::pair{&m_update, kUpdateSql},
                              std::pair{&m_noteRevision, kNoteRevisionSql}, std::pair{&m_trimRevisions, kTrimRevisionsSql}})
        if (auto s = prepare(*query, QLatin1String(sql)); !s)
            return s;
    if (m_dialect == SqlDialect::Postgres) {
        // Announced in the same statement; delivered when the transaction commits.
        const QString insert = QStringLiteral("WITH inserted AS (%1 RETURNING id) SELECT id, pg_notify('%2', "
                                              "'articles:inserted:' || id) FROM inserted")
                                   .arg(QLatin1String(kInsertSql), QLatin1String(StoreChangeNotifier::kChannel));
        for (auto [query, sql] : {std::pair{&m_lock, QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kArticleWriteLockKey)},
                                  std::pair{&m_findByGuidOrUrl, QString::fromLatin1(kFindByGuidOrUrlSql)},
                                  std::pair{&m_insert, insert}})
            if (auto s = prepare(*query, sql); !s)
                return s;
    } else {
        // The per-article statements run on the connection directly (see
        // SqliteStatement). No RETURNING on the insert: SQLite runs it as a
        // trigger, and a statement with a trigger makes FTS5 flush its pending
        // terms; the full-text row is written here instead (migration 4).
        for (auto [statement, sql] : {std::pair{&m_sqliteFindByIdentity, kSqliteFindByIdentitySql},
                                      std::pair{&m_sqliteFindByUrl, kSqliteFindByUrlSql}, std::pair{&m_sqliteInsert, kInsertSql},
                                      std::pair{&m_sqliteIndex, kIndexSql}}) {
            auto prepared = SqliteStatement::prepare(m_db, sql);
            if (!prepared)
                return prepared.error();
            *statement = std::move(*prepared);
        }
    }
    m_writesPrepared = true;
    return {};
}

QString ArticleStore::contentHash(const Article &article)
{
    return contentHash(article.title.toUtf8(), article.summary.toUtf8(), article.body.toUtf8());
}

QString ArticleStore::contentHash(const QByteArray &title, const QByteArray &summary, const QByteArray &body)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(title);
    hash.addData(QByteArrayView("\x1f", 1));
    hash.addData(summary);
    hash.addData(QByteArrayView("\x1f", 1));
    hash.addData(body);
    return QString::fromLatin1(hash.result().toHex());
}

ArticleStore::PreparedText ArticleStore::prepare(const Article &article)
{
    PreparedText text;
    text.title = article.title.toUtf8();
    text.summary = article.summary.toUtf8();
    text.body = article.body.toUtf8();
    text.hash = contentHash(text.title, text.summary, text.body);
    text.origin = originOf(article);
    text.guid = article.guid.toUtf8();
    text.url = article.url.toUtf8();
    text.author = article.author.toUtf8();
    text.source = article.source.toUtf8();
    text.sourceUrl = article.sourceUrl.toUtf8();
    text.originUtf8 = text.origin.toUtf8();
    return text;
}

Status ArticleStore::rebuildSearchIndex(QSqlDatabase db)
{
    if (dialectOf(db) == SqlDialect::Postgres)
        return {};
    return execStatements(db, {QStringLiteral("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")});
}

Result<ArticleStore::Stored> ArticleStore::findByGuidOrUrl(const Article &article, const PreparedText &text)
{
    if (m_dialect == SqlDialect::Sqlite)
        return findOnSqlite(m_sqliteFindByIdentity, m_sqliteFindByUrl, text);
    return findWith(m_findByGuidOrUrl, {article.guid, text.origin, article.url, text.origin, article.guid});
}

Result<ArticleStore::Stored> ArticleStore::findOnSqlite(SqliteStatement &byIdentity, SqliteStatement &byUrl,
                                                        const PreparedText &text)
{
    auto found = findWith(byIdentity, text.guid, text.originUtf8);
    if (!found || *found)
        return found;
    return findWith(byUrl, text.url, text.originUtf8);
}

Result<ArticleStore::Stored> ArticleStore::findWith(SqliteStatement &statement, const QByteArray &first,
                                                    const QByteArray &origin)
{
    statement.bindUtf8(1, first);
    statement.bindUtf8(2, origin);
    auto row = statement.step();
    if (!row) {
        statement.reset();
        return fail(QStringLiteral("Article lookup failed: %1").arg(row.errorMessage()));
    }
    Stored found;
    if (*row)
        found = std::make_pair(statement.columnInt64(0), statement.columnText(1));
    statement.reset();
    return found;
}

Result<ArticleStore::Stored> ArticleStore::findWith(QSqlQuery &query, std::initializer_list<QVariant> values)
{
    if (auto s = execBound(query, values); !s)
        return fail(QStringLiteral("Article lookup failed: %1").arg(s.errorMessage()));
    Stored found;
    if (query.next())
        found = std::make_pair(query.value(0).toLongLong(), query.value(1).toString());
    query.finish();
    return found;
}

Result<std::optional<qint64>> ArticleStore::insertNew(const Article &article, const PreparedText &text)
{
    const QDateTime fetched = article.fetched.isValid() ? article.fetched : nowUtc();
    const QDateTime published = article.published.isValid() ? article.published : fetched;
    const bool estimated = article.publishedEstimated || !article.published.isValid();
    if (m_dialect == SqlDialect::Sqlite) {
        SqliteStatement &q = m_sqliteInsert;
        q.bindUtf8(1, text.originUtf8);
        q.bindUtf8(2, text.guid);
        q.bindUtf8(3, text.url);
        q.bindUtf8(4, text.title);
        q.bindUtf8(5, text.summary);
        q.bindUtf8(6, text.body);
        q.bindUtf8(7, text.author);
        q.bindUtf8(8, text.source);
        q.bindUtf8(9, text.sourceUrl);
        q.bind(10, toStoreTime(published));
        q.bind(11, qint64(estimated ? 1 : 0));
        q.bind(12, toStoreTime(fetched));
        if (article.feedId > 0)
            q.bind(13, article.feedId);
        else
            q.bindNull(13);
        q.bind(14, text.hash);
        if (auto done = q.step(); !done)
            return fail(QStringLiteral("Could not store article \"%1\": %2").arg(article.title.left(60), done.errorMessage()));
        if (q.changes() == 0)
            return std::optional<qint64>{};
        const qint64 id = q.lastInsertRowId();
        m_sqliteIndex.bind(1, id);
        m_sqliteIndex.bindUtf8(2, text.title);
        m_sqliteIndex.bindUtf8(3, text.summary);
        m_sqliteIndex.bindUtf8(4, text.body);
        if (auto done = m_sqliteIndex.step(); !done)
            return fail(QStringLiteral("Could not index article \"%1\": %2").arg(article.title.left(60), done.errorMessage()));
        return std::optional<qint64>{id};
    }
    if (auto s = execBound(m_insert, {text.origin, article.guid, article.url, article.title, article.summary, article.body,
                                      article.author, article.source, article.sourceUrl, toStoreTime(published),
                                      estimated ? 1 : 0, toStoreTime(fetched),
                                      article.feedId > 0 ? QVariant(article.feedId) : QVariant(QMetaType(QMetaType::LongLong)),
                                      text.hash});
        !s)
        return s.error();
    std::optional<qint64> id;
    if (m_insert.next())
        id = m_insert.value(0).toLongLong();
    m_insert.finish();
    return id;
}

Result<ArticleUpsert> ArticleStore::upsert(const Article &article)
{
    return upsert(article, prepare(article));
}

Result<ArticleUpsert> ArticleStore::upsert(const Article &article, const PreparedText &text)
{
    if (article.guid.isEmpty())
        return fail(QStringLiteral("Article \"%1\" has no guid").arg(article.title.left(60)));
    if (auto prepared = prepareWrites(); !prepared)
        return prepared.error();
    const QString &hash = text.hash;
    const QString &origin = text.origin;
    if (m_dialect == SqlDialect::Postgres) {
        if (!m_lock.exec())
            return fail(describeSqlError(QStringLiteral("Could not lock the articles for writing"), m_lock));
        m_lock.finish();
    }

    auto updateExisting = [&](qint64 id, const QString &storedHash) -> Result<ArticleUpsert> {
        if (storedHash == hash)
            return ArticleUpsert{id, UpsertOutcome::Unchanged};
        // Changed by its own feed or source: corrected, or rewritten after
        // publication. The analyst can see that, and what it said before.
        if (auto s = execBound(m_noteRevision, {toStoreTime(nowUtc()), id}); !s)
            return s.error();
        if (auto s = execBound(m_trimRevisions, {id, id, kRevisionsKept}); !s)
            return s.error();
        if (auto s = execBound(m_update, {article.title, article.summary, article.body, article.author, hash, id}); !s)
            return s.error();
        if (auto s = StoreChangeNotifier::announce(m_db, {QStringLiteral("articles"), QStringLiteral("updated"), id}); !s)
            return s.error();
        return ArticleUpsert{id, UpsertOutcome::Updated};
    };

    auto existing = findByGuidOrUrl(article, text);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return updateExisting((*existing)->first, (*existing)->second);

    auto inserted = insertNew(article, text);
    if (!inserted)
        return inserted.error();
    if (inserted->has_value())
        return ArticleUpsert{**inserted, UpsertOutcome::Inserted};
    // Another writer stored this guid since the lookup (only possible when a
    // writer does not take the lock): theirs is the row.
    auto raced = findWith(m_findByGuid, {article.guid, origin});
    if (!raced)
        return raced.error();
    if (!raced->has_value())
        return fail(QStringLiteral("Article \"%1\" was neither inserted nor found").arg(article.title.left(60)));
    return updateExisting((*raced)->first, (*raced)->second);
}

Result<std::optional<Article>> ArticleStore::byId(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM articles WHERE id = ?").arg(QLatin1String(kColumns)));
    q.addBindValue(id);
    if (!q.exec())
        return fail(describeSqlError(QStringLiteral("Article read failed"), q));
    if (!q.next())
        return std::optional<Article>{};
    return std::optional<Article>{readArticle(q)};
}

Result<qint64> ArticleStore::count() const
{
    return queryScalar(m_db, QStringLiteral("SELECT count(*) FROM articles"));
}

Status ArticleStore::remove(qint64 id)
{
    if (auto s = execBound(m_db, QStringLiteral("DELETE FROM articles WHERE id = ?"), {id}); !s)
        return s;
    return StoreChangeNotifier::announce(m_db, {QStringLiteral("articles"), QStringLiteral("deleted"), id});
}

Result<QList<qint64>> ArticleStore::search(const QString &query, int limit) const
{
    auto translated = SearchQueryTranslator::translate(query, m_dialect);
    if (!translated)
        return fail(QStringLiteral("Search \"%1\" failed: %2").arg(query, translated.errorMessage()));
    QSqlQuery q(m_db);
    if (m_dialect == SqlDialect::Postgres)
        q.prepare(QStringLiteral("SELECT id FROM articles WHERE search_vector @@ to_tsquery('english', ?) "
                                 "ORDER BY published_utc DESC, id DESC LIMIT ?"));
    else
        q.prepare(QStringLiteral(
            "SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY a.published_utc DESC, a.id DESC LIMIT ?"));
    q.addBindValue(*translated);
    q.addBindValue(limit);
    if (!q.exec())
        return fail(QStringLiteral("Search \"%1\" failed: %2").arg(query, q.lastError().databaseText()));
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

} // namespace tw
