#include "models/store/feedstore.h"

#include "models/core/storetime.h"
#include "models/store/sqlexec.h"
#include "models/store/sqlvalues.h"

#include <QSqlQuery>

namespace tw {

namespace {
constexpr const char *kColumns =
    "id, url, kind, ticker, title, enabled, interval_s, etag, last_modified, last_state, last_error, "
    "last_success_utc, last_attempt_utc, consecutive_failures, next_due_utc";

Feed readFeed(const QSqlQuery &q)
{
    Feed f;
    f.id = q.value(0).toLongLong();
    f.url = q.value(1).toString();
    feedKindFromId(q.value(2).toString(), &f.kind);
    f.ticker = q.value(3).toString();
    f.title = q.value(4).toString();
    f.enabled = q.value(5).toInt() != 0;
    f.intervalSeconds = q.value(6).toInt();
    f.etag = q.value(7).toString();
    f.lastModified = q.value(8).toString();
    f.lastState = feedStateFromId(q.value(9).toString());
    f.lastError = q.value(10).toString();
    f.lastSuccess = nullableInstantAt(q, 11);
    f.lastAttempt = nullableInstantAt(q, 12);
    f.consecutiveFailures = q.value(13).toInt();
    f.nextDue = nullableInstantAt(q, 14);
    return f;
}
} // namespace

FeedStore::FeedStore(QSqlDatabase db) : m_db(std::move(db)) {}

Result<qint64> FeedStore::add(const Feed &feed)
{
    if (auto s = execBound(m_db,
                           QStringLiteral("INSERT INTO feeds (url, kind, ticker, title, enabled, interval_s, "
                                          "created_utc) VALUES (?,?,?,?,?,?,?) ON CONFLICT (url) DO NOTHING"),
                           {feed.url, feedKindId(feed.kind), feed.ticker, feed.title, feed.enabled ? 1 : 0,
                            feed.intervalSeconds, toStoreTime(nowUtc())});
        !s)
        return s.error();
    QSqlQuery id(m_db);
    id.prepare(QStringLiteral("SELECT id FROM feeds WHERE url = ?"));
    if (auto s = execBound(id, {feed.url}); !s)
        return s.error();
    if (!id.next())
        return fail(QStringLiteral("Feed %1 was not stored").arg(feed.url));
    return id.value(0).toLongLong();
}

Status FeedStore::update(const Feed &feed)
{
    return execBound(m_db,
                     QStringLiteral("UPDATE feeds SET url = ?, kind = ?, ticker = ?, title = ?, enabled = ?, "
                                    "interval_s = ?, etag = ?, last_modified = ?, last_state = ?, last_error = ?, "
                                    "last_success_utc = ?, last_attempt_utc = ?, consecutive_failures = ?, "
                                    "next_due_utc = ? WHERE id = ?"),
                     {feed.url, feedKindId(feed.kind), feed.ticker, feed.title, feed.enabled ? 1 : 0,
                      feed.intervalSeconds, feed.etag, feed.lastModified, feedStateId(feed.lastState),
                      feed.lastError, nullableInstant(feed.lastSuccess), nullableInstant(feed.lastAttempt),
                      feed.consecutiveFailures, nullableInstant(feed.nextDue), feed.id});
}

Status FeedStore::remove(qint64 id)
{
    return execBound(m_db, QStringLiteral("DELETE FROM feeds WHERE id = ?"), {id});
}

Result<QList<Feed>> FeedStore::all() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT %1 FROM feeds ORDER BY id").arg(QLatin1String(kColumns))))
        return fail(describeSqlError(QStringLiteral("Feed list failed"), q));
    return readRows(q, readFeed);
}

Result<std::optional<Feed>> FeedStore::byId(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM feeds WHERE id = ?").arg(QLatin1String(kColumns)));
    if (auto s = execBound(q, {id}); !s)
        return s.error();
    if (!q.next())
        return std::optional<Feed>{};
    return std::optional<Feed>{readFeed(q)};
}

} // namespace tw
