#include "store/articlestore.h"

#include "core/storetime.h"
#include "store/searchquerytranslator.h"
#include "store/sqlexec.h"
#include "store/storechangenotifier.h"

#include <QCryptographicHash>
#include <QSqlError>

namespace tw {

namespace {
// Writers of articles on a shared server take this transaction-scoped lock, so
// two fetchers storing the same story (same guid, or same URL under another
// guid) one after the other see each other's row instead of both inserting.
// A single lock (not one per article) cannot deadlock however feeds are ordered.
constexpr qint64 kArticleWriteLockKey = 0x7477'6172'7469;  // "twarti"

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
    : m_db(db), m_dialect(dialectOf(db)), m_findByGuid(db), m_findByGuidOrUrl(db), m_insert(db), m_update(db), m_lock(db)
{
    if (m_dialect == SqlDialect::Postgres)
        m_lock.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kArticleWriteLockKey));
    // Prepared once: ingest runs these for every article.
    m_findByGuid.prepare(QStringLiteral("SELECT id, content_hash FROM articles WHERE guid = ?"));
    // One round trip for both identities (it matters on a server): the guid wins over the URL.
    m_findByGuidOrUrl.prepare(QStringLiteral(
        "SELECT id, content_hash FROM articles WHERE guid = ? OR (url = ? AND url <> '') "
        "ORDER BY CASE WHEN guid = ? THEN 0 ELSE 1 END, id LIMIT 1"));
    const QString insert = QStringLiteral(
        "INSERT INTO articles (guid, url, title, summary, body, author, source, source_url, published_utc, "
        "published_estimated, fetched_utc, feed_id, content_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT (guid) DO NOTHING");
    if (m_dialect == SqlDialect::Postgres)
        // Announced in the same statement; delivered when the transaction commits.
        m_insert.prepare(QStringLiteral("WITH inserted AS (%1 RETURNING id) SELECT id, pg_notify('%2', "
                                        "'articles:inserted:' || id) FROM inserted")
                             .arg(insert, QLatin1String(StoreChangeNotifier::kChannel)));
    else
        // No RETURNING: SQLite runs it as a trigger, and a statement with a
        // trigger makes FTS5 flush its pending terms (see migration 4).
        m_insert.prepare(insert);
    m_update.prepare(QStringLiteral(
        "UPDATE articles SET title = ?, summary = ?, body = ?, author = ?, content_hash = ? WHERE id = ?"));
    if (m_dialect == SqlDialect::Sqlite) {
        // The same statements as above, with SQLite's numbered parameters.
        auto find = SqliteStatement::prepare(
            db, "SELECT id, content_hash FROM articles WHERE guid = ?1 OR (url = ?2 AND url <> '') "
                "ORDER BY CASE WHEN guid = ?1 THEN 0 ELSE 1 END, id LIMIT 1");
        // No RETURNING: SQLite runs it as a trigger, and a statement with a
        // trigger makes FTS5 flush its pending terms (see migration 4).
        auto insert = SqliteStatement::prepare(
            db, "INSERT INTO articles (guid, url, title, summary, body, author, source, source_url, published_utc, "
                "published_estimated, fetched_utc, feed_id, content_hash) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13) "
                "ON CONFLICT (guid) DO NOTHING");
        auto index = SqliteStatement::prepare(
            db, "INSERT INTO articles_fts (rowid, title, summary, body) VALUES (?1,?2,?3,?4)");
        for (auto *r : {&find, &insert, &index})
            if (!*r && m_sqlitePrepareError.isEmpty())
                m_sqlitePrepareError = r->errorMessage();
        if (m_sqlitePrepareError.isEmpty()) {
            m_sqliteFind = std::move(*find);
            m_sqliteInsert = std::move(*insert);
            m_sqliteIndex = std::move(*index);
        }
    }
}

QString ArticleStore::contentHash(const Article &article)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(article.title.toUtf8());
    hash.addData(QByteArrayView("\x1f", 1));
    hash.addData(article.summary.toUtf8());
    hash.addData(QByteArrayView("\x1f", 1));
    hash.addData(article.body.toUtf8());
    return QString::fromLatin1(hash.result().toHex());
}

Status ArticleStore::rebuildSearchIndex(QSqlDatabase db)
{
    if (dialectOf(db) == SqlDialect::Postgres)
        return {};
    return execStatements(db, {QStringLiteral("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")});
}

Result<ArticleStore::Stored> ArticleStore::findByGuidOrUrl(const Article &article)
{
    if (m_dialect == SqlDialect::Sqlite) {
        m_sqliteFind.bind(1, article.guid);
        m_sqliteFind.bind(2, article.url);
        auto row = m_sqliteFind.step();
        if (!row)
            return fail(QStringLiteral("Article lookup failed: %1").arg(row.errorMessage()));
        Stored found;
        if (*row)
            found = std::make_pair(m_sqliteFind.columnInt64(0), m_sqliteFind.columnText(1));
        m_sqliteFind.reset();
        return found;
    }
    if (auto s = execBound(m_findByGuidOrUrl, {article.guid, article.url, article.guid}); !s)
        return fail(QStringLiteral("Article lookup failed: %1").arg(s.errorMessage()));
    Stored found;
    if (m_findByGuidOrUrl.next())
        found = std::make_pair(m_findByGuidOrUrl.value(0).toLongLong(), m_findByGuidOrUrl.value(1).toString());
    m_findByGuidOrUrl.finish();
    return found;
}

Result<ArticleStore::Stored> ArticleStore::findByGuid(const QString &guid)
{
    if (auto s = execBound(m_findByGuid, {guid}); !s)
        return fail(QStringLiteral("Article lookup failed: %1").arg(s.errorMessage()));
    Stored found;
    if (m_findByGuid.next())
        found = std::make_pair(m_findByGuid.value(0).toLongLong(), m_findByGuid.value(1).toString());
    m_findByGuid.finish();
    return found;
}

Result<std::optional<qint64>> ArticleStore::insertNew(const Article &article, const QString &hash)
{
    const QDateTime fetched = article.fetched.isValid() ? article.fetched : nowUtc();
    const QDateTime published = article.published.isValid() ? article.published : fetched;
    const bool estimated = article.publishedEstimated || !article.published.isValid();
    if (m_dialect == SqlDialect::Sqlite) {
        SqliteStatement &q = m_sqliteInsert;
        q.bind(1, article.guid);
        q.bind(2, article.url);
        q.bind(3, article.title);
        q.bind(4, article.summary);
        q.bind(5, article.body);
        q.bind(6, article.author);
        q.bind(7, article.source);
        q.bind(8, article.sourceUrl);
        q.bind(9, toStoreTime(published));
        q.bind(10, qint64(estimated ? 1 : 0));
        q.bind(11, toStoreTime(fetched));
        if (article.feedId > 0)
            q.bind(12, article.feedId);
        else
            q.bindNull(12);
        q.bind(13, hash);
        if (auto done = q.step(); !done)
            return fail(QStringLiteral("Could not store article \"%1\": %2").arg(article.title.left(60), done.errorMessage()));
        if (q.changes() == 0)
            return std::optional<qint64>{};
        const qint64 id = q.lastInsertRowId();
        m_sqliteIndex.bind(1, id);
        m_sqliteIndex.bind(2, article.title);
        m_sqliteIndex.bind(3, article.summary);
        m_sqliteIndex.bind(4, article.body);
        if (auto done = m_sqliteIndex.step(); !done)
            return fail(QStringLiteral("Could not index article \"%1\": %2").arg(article.title.left(60), done.errorMessage()));
        return std::optional<qint64>{id};
    }
    if (auto s = execBound(m_insert, {article.guid, article.url, article.title, article.summary, article.body,
                                      article.author, article.source, article.sourceUrl, toStoreTime(published),
                                      estimated ? 1 : 0, toStoreTime(fetched),
                                      article.feedId > 0 ? QVariant(article.feedId) : QVariant(QMetaType(QMetaType::LongLong)),
                                      hash});
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
    if (article.guid.isEmpty())
        return fail(QStringLiteral("Article \"%1\" has no guid").arg(article.title.left(60)));
    if (!m_sqlitePrepareError.isEmpty())
        return fail(m_sqlitePrepareError);
    const QString hash = contentHash(article);
    if (m_dialect == SqlDialect::Postgres) {
        if (!m_lock.exec())
            return fail(describeSqlError(QStringLiteral("Could not lock the articles for writing"), m_lock));
        m_lock.finish();
    }

    auto updateExisting = [&](qint64 id, const QString &storedHash) -> Result<ArticleUpsert> {
        if (storedHash == hash)
            return ArticleUpsert{id, UpsertOutcome::Unchanged};
        if (auto s = execBound(m_update, {article.title, article.summary, article.body, article.author, hash, id}); !s)
            return s.error();
        if (auto s = StoreChangeNotifier::announce(m_db, {QStringLiteral("articles"), QStringLiteral("updated"), id}); !s)
            return s.error();
        return ArticleUpsert{id, UpsertOutcome::Updated};
    };

    auto existing = findByGuidOrUrl(article);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return updateExisting((*existing)->first, (*existing)->second);

    auto inserted = insertNew(article, hash);
    if (!inserted)
        return inserted.error();
    if (inserted->has_value())
        return ArticleUpsert{**inserted, UpsertOutcome::Inserted};
    // Another writer stored this guid since the lookup (only possible when a
    // writer does not take the lock): theirs is the row.
    auto raced = findByGuid(article.guid);
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
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM articles WHERE id = ?"));
    if (auto s = execBound(q, {id}); !s)
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
