#include "models/store/eventstore.h"

#include "models/events/eventdetectors.h"

#include "models/core/storetime.h"
#include "models/store/sqldialect.h"
#include "models/store/sqlexec.h"
#include "models/store/sqlvalues.h"
#include "models/store/storechangenotifier.h"

#include <QSqlQuery>

#include <cmath>

namespace tw {

namespace {
const QString kEventColumns = QStringLiteral(
    "e.id, e.ticker, e.event_date, e.date_precision, e.kind, e.title, e.metric, e.basis, e.amount_low, e.amount_high, "
    "e.currency, e.unit, e.period, e.confidence, e.merge_key");
const QString kColumns = kEventColumns + QStringLiteral(", (SELECT count(*) FROM event_sources s WHERE s.event_id = e.id)");
// The merger needs no source counts: a count(*) per candidate was most of its cost.
const QString kCandidateColumns = kEventColumns + QStringLiteral(", 0");

// Prepared on first use, kept for the store object's life.
Status prepareOnce(QSqlQuery &q, const QString &sql)
{
    if (q.lastQuery().isEmpty() && !q.prepare(sql))
        return fail(describeSqlError(QStringLiteral("Could not prepare an event statement"), q));
    return {};
}

QString keyPart(QString s)
{
    return s.replace(QLatin1Char('|'), QLatin1Char('/'));
}

QString mergeKey(const ExtractedEvent &e)
{
    return QStringList{keyPart(e.ticker), eventKindId(e.kind), keyPart(e.metric), keyPart(e.subject),
                       e.date.display(), keyPart(e.amount.display())}
        .join(QLatin1Char('|'));
}
} // namespace

double StoredEvent::confidence() const
{
    const double best = event.confidence;
    return best + (0.99 - best) * (1.0 - std::pow(0.5, std::max(0, sources - 1)));
}

EventStore::EventStore(QSqlDatabase db)
    : m_db(db), m_candidates(db), m_candidatesAnyDate(db), m_keyExists(db), m_insert(db), m_improve(db),
      m_addSource(db), m_articleEvents(db), m_detach(db), m_prune(db)
{
}

QString EventStore::selectSql(const QString &where)
{
    return QStringLiteral("SELECT %1 FROM events e %2 ORDER BY e.event_date, e.id").arg(kColumns, where);
}

Result<QList<StoredEvent>> EventStore::select(const QString &where, const QVariantList &values) const
{
    QSqlQuery q(m_db);
    q.prepare(selectSql(where));
    return read(q, values);
}

namespace {
// An event row of kColumns (or kCandidateColumns), from a QSqlQuery or a
// SqliteRow: both give a column as QSQLITE's QVariant.
template <typename Row>
StoredEvent eventFrom(const Row &row)
{
    StoredEvent s;
    s.id = row.value(0).toLongLong();
    ExtractedEvent &e = s.event;
    e.ticker = row.value(1).toString();
    e.date.date = isoDateAt(row, 2);
    e.date.precision = datePrecisionFromId(row.value(3).toString());
    e.kind = eventKindFromId(row.value(4).toString()).value_or(EventKind::Launch);
    e.title = row.value(5).toString();
    e.metric = row.value(6).toString();
    e.date.basis = dateBasisFromId(row.value(7).toString());
    e.amount.low = nullableDoubleAt(row, 8);
    e.amount.high = nullableDoubleAt(row, 9);
    e.amount.currency = row.value(10).toString();
    e.amount.unit = row.value(11).toString();
    e.amount.period = row.value(12).toString();
    e.confidence = row.value(13).toDouble();
    e.subject = row.value(14).toString().section(QLatin1Char('|'), 3, 3);
    s.sources = row.value(15).toInt();
    return s;
}

} // namespace

Result<QList<StoredEvent>> EventStore::read(QSqlQuery &q, const QVariantList &values) const
{
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    if (!q.exec())
        return fail(describeSqlError(QStringLiteral("Could not read events"), q));
    const QList<StoredEvent> events = readRows(q, [](const QSqlQuery &row) { return eventFrom(row); });
    q.finish();
    return events;
}

// The merger's reads, once per extracted event: on SQLite through the
// driver's handle, where QSQLITE built its record of 16 columns at every
// exec (most of a candidate read's cost).
Result<QList<StoredEvent>> EventStore::readCandidates(QSqlQuery &q, SqliteStatement &sqlite, const QString &sql,
                                                      const QVariantList &values) const
{
    if (dialectOf(m_db) != SqlDialect::Sqlite) {
        if (auto s = prepareOnce(q, sql); !s)
            return s.error();
        return read(q, values);
    }
    if (auto ready = sqlite.prepareOnce(m_db, sql); !ready)
        return ready.error();
    for (int i = 0; i < values.size(); ++i)
        sqlite.bindAsQt(i + 1, values[i]);
    return readAllRows(sqlite, [] { return QStringLiteral("Could not read events"); }, eventFrom<SqliteRow>);
}

Result<QList<StoredEvent>> EventStore::query(const EventFilter &filter) const
{
    QStringList conditions;
    QVariantList values;
    if (!filter.ticker.isEmpty()) {
        conditions << QStringLiteral("e.ticker = ?");
        values << filter.ticker;
    }
    if (filter.kind) {
        conditions << QStringLiteral("e.kind = ?");
        values << eventKindId(*filter.kind);
    }
    if (filter.since.isValid()) {
        conditions << QStringLiteral("e.event_date >= ?");
        values << filter.since.toString(Qt::ISODate);
    }
    if (!filter.metric.isEmpty()) {
        conditions << QStringLiteral("e.metric = ?");
        values << filter.metric;
    }
    return select(conditions.isEmpty() ? QString() : QStringLiteral("WHERE ") + conditions.join(QStringLiteral(" AND ")),
                  values);
}

Result<QList<EventSource>> EventStore::sources(qint64 eventId) const
{
    const QString sql = QStringLiteral("SELECT a.id, a.guid, a.title, a.source, a.url, a.published_utc, "
                                       "s.sentence_start, s.sentence_end FROM event_sources s "
                                       "JOIN articles a ON a.id = s.article_id WHERE s.event_id = ? "
                                       "ORDER BY a.published_utc, a.id");
    return selectRows(m_db, sql, {eventId}, [](const QSqlQuery &row) {
        return EventSource{row.value(0).toLongLong(), row.value(1).toString(), row.value(2).toString(),
                           row.value(3).toString(), row.value(4).toString(), fromStoreTime(row.value(5).toLongLong()),
                           row.value(6).toLongLong(), row.value(7).toLongLong()};
    });
}

Result<QList<StoredEvent>> EventStore::candidates(const ExtractedEvent &e) const
{
    const std::optional<qint64> days = sameEventMaxDaysApart(e.kind);
    const QString metric = e.metric.isNull() ? QStringLiteral("") : e.metric;   // a null QString binds as NULL
    if (!days || !e.date.date.isValid()) {
        static const QString sql = QStringLiteral("SELECT %1 FROM events e WHERE e.ticker = ? AND e.kind = ? AND "
                                                  "e.metric = ? ORDER BY e.event_date, e.id")
                                       .arg(kCandidateColumns);
        return readCandidates(m_candidatesAnyDate, m_sqliteCandidatesAnyDate, sql,
                              {e.ticker, eventKindId(e.kind), metric});
    }
    // A stored event is at most `days` from this one, measured between the
    // ends of their date ranges; its stored date is the range's first day,
    // at most a year (the widest precision) before its last. Undated events
    // ('') may match anything.
    const QString from = e.date.first().addDays(-*days - 366).toString(Qt::ISODate);
    const QString to = e.date.last().addDays(*days).toString(Qt::ISODate);
    static const QString sql = QStringLiteral("SELECT %1 FROM events e WHERE e.ticker = ? AND e.kind = ? AND "
                                              "e.metric = ? AND ((e.event_date >= ? AND e.event_date <= ?) OR "
                                              "e.event_date = '') ORDER BY e.event_date, e.id")
                                   .arg(kCandidateColumns);
    return readCandidates(m_candidates, m_sqliteCandidates, sql, {e.ticker, eventKindId(e.kind), metric, from, to});
}

Result<qint64> EventStore::insert(const ExtractedEvent &e)
{
    const QString base = mergeKey(e);
    QString key = base;
    // Two events that the merge rules keep apart may still print the same
    // key (a reaffirmed figure on the same day): number the later ones.
    if (auto s = prepareOnce(m_keyExists, QStringLiteral("SELECT 1 FROM events WHERE merge_key = ?")); !s)
        return s.error();
    for (int n = 2;; ++n) {
        if (auto s = execBound(m_keyExists, {key}); !s)
            return s.error();
        const bool taken = m_keyExists.next();
        m_keyExists.finish();
        if (!taken)
            break;
        key = base + QStringLiteral("#%1").arg(n);
    }
    QSqlQuery &q = m_insert;
    // Not RETURNING on SQLite: that statement opens a statement savepoint,
    // which makes FTS5 flush the batch's pending full-text terms into a new
    // segment and merge it (on a store of a million articles, most of a
    // batch's event cost). The rowid is the connection's last insert id.
    const bool sqlite = dialectOf(m_db) == SqlDialect::Sqlite;
    static const QString insertSql = QStringLiteral(
        "INSERT INTO events (ticker, event_date, date_precision, kind, title, metric, basis, amount_low, amount_high, "
        "currency, unit, period, confidence, merge_key, created_utc) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    static const QString returningSql = insertSql + QStringLiteral(" RETURNING id");
    if (auto s = prepareOnce(q, sqlite ? insertSql : returningSql); !s)
        return s.error();
    if (auto s = execBound(q, {e.ticker, e.date.date.toString(Qt::ISODate), datePrecisionId(e.date.precision),
                               eventKindId(e.kind), e.title, e.metric, dateBasisId(e.date.basis),
                               nullableDouble(e.amount.low), nullableDouble(e.amount.high), e.amount.currency,
                               e.amount.unit, e.amount.period, e.confidence, key, toStoreTime(nowUtc())});
        !s)
        return s.error();
    const qint64 id = sqlite ? q.lastInsertId().toLongLong() : (q.next() ? q.value(0).toLongLong() : 0);
    q.finish();
    if (id <= 0)
        return fail(QStringLiteral("Could not store the event '%1'").arg(e.title));
    if (auto s = StoreChangeNotifier::announce(m_db, {QStringLiteral("events"), QStringLiteral("inserted"), id}); !s)
        return s.error();
    return id;
}

Status EventStore::improve(qint64 eventId, const EventDate &date, const QString &title, double confidence)
{
    QSqlQuery &q = m_improve;
    if (auto s = prepareOnce(q, QStringLiteral(
            "UPDATE events SET event_date = ?, date_precision = ?, basis = ?, title = ?, confidence = ? WHERE id = ?"));
        !s)
        return s;
    if (auto s = execBound(q, {date.date.toString(Qt::ISODate), datePrecisionId(date.precision),
                               dateBasisId(date.basis), title, confidence, eventId});
        !s)
        return s;
    return StoreChangeNotifier::announce(m_db, {QStringLiteral("events"), QStringLiteral("updated"), eventId});
}

Status EventStore::addSource(qint64 eventId, qint64 articleId, qint64 sentenceStart, qint64 sentenceEnd)
{
    QSqlQuery &q = m_addSource;
    if (auto s = prepareOnce(q, QStringLiteral("INSERT INTO event_sources (event_id, article_id, sentence_start, sentence_end) "
                                               "VALUES (?,?,?,?) ON CONFLICT (event_id, article_id) DO NOTHING"));
        !s)
        return s;
    if (auto s = execBound(q, {eventId, articleId, sentenceStart, sentenceEnd}); !s)
        return s;
    // A new source is news about the event (more confidence, another publisher).
    if (q.numRowsAffected() <= 0)
        return {};
    return StoreChangeNotifier::announce(m_db, {QStringLiteral("events"), QStringLiteral("updated"), eventId});
}

Status EventStore::detachArticle(qint64 articleId)
{
    // Only the events this article reported can lose their last source: a
    // scan of every event per article made a batch cost the whole history.
    if (auto s = prepareOnce(m_articleEvents, QStringLiteral("SELECT event_id FROM event_sources WHERE article_id = ?")); !s)
        return s;
    if (auto s = execBound(m_articleEvents, {articleId}); !s)
        return s;
    const QList<qint64> reported = readIds(m_articleEvents);
    m_articleEvents.finish();
    if (reported.isEmpty())
        return {};
    if (auto s = prepareOnce(m_detach, QStringLiteral("DELETE FROM event_sources WHERE article_id = ?")); !s)
        return s;
    if (auto s = execBound(m_detach, {articleId}); !s)
        return s;
    if (auto s = prepareOnce(m_prune, QStringLiteral("DELETE FROM events WHERE id = ? AND NOT EXISTS "
                                                     "(SELECT 1 FROM event_sources s WHERE s.event_id = events.id) "
                                                     "AND NOT EXISTS (SELECT 1 FROM event_filings f WHERE f.event_id = events.id)"));
        !s)
        return s;
    for (qint64 id : reported) {
        if (auto s = execBound(m_prune, {id}); !s)
            return s;
        if (m_prune.numRowsAffected() <= 0)
            continue;
        if (auto s = StoreChangeNotifier::announce(m_db, {QStringLiteral("events"), QStringLiteral("deleted"), id}); !s)
            return s;
    }
    return {};
}

} // namespace tw
