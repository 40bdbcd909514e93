#pragma once

#include "models/core/result.h"
#include "models/store/sqlitestatement.h"
#include "models/events/eventtypes.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <optional>

namespace tw {

// An event as stored: merged from one or more articles.
struct StoredEvent {
    qint64 id = 0;
    ExtractedEvent event;   // confidence: that of the most confident single statement
    int sources = 0;

    // More independent reports make an event more certain: the best single
    // statement's confidence, moved halfway to 0.99 by each further source.
    double confidence() const;
};

// An article that reports an event, with the sentence that says so
// (offsets in ArticleText::compose of the article).
struct EventSource {
    qint64 articleId = 0;
    QString guid;
    QString title;
    QString source;
    QString url;
    QDateTime published;
    qint64 sentenceStart = 0;
    qint64 sentenceEnd = 0;
};

struct EventFilter {
    QString ticker;                     // empty: all
    std::optional<EventKind> kind;
    QDate since;                        // invalid: no bound
    QString metric;                     // empty: all
};

// events and event_sources. An event's identity across reports lives in
// merge_key ("ticker|kind|metric|subject|first date|figure"); the subject
// (product, counterparty, role...) is read back from it. The caller owns the
// transaction.
class EventStore {
public:
    explicit EventStore(QSqlDatabase db);

    Result<QList<StoredEvent>> query(const EventFilter &filter) const;
    Result<QList<EventSource>> sources(qint64 eventId) const;

    // For the merger: the stored events an extracted one may be the same as
    // (same company, kind and metric, within the kind's merge window; source
    // counts are not read: `sources` is 0).
    Result<QList<StoredEvent>> candidates(const ExtractedEvent &event) const;
    Result<qint64> insert(const ExtractedEvent &event);
    Status improve(qint64 eventId, const EventDate &date, const QString &title, double confidence);
    Status addSource(qint64 eventId, qint64 articleId, qint64 sentenceStart, qint64 sentenceEnd);
    // Forgets what the article said; events nothing reports any more (no
    // article, no filing) go.
    Status detachArticle(qint64 articleId);

private:
    static QString selectSql(const QString &where);
    Result<QList<StoredEvent>> select(const QString &where, const QVariantList &values) const;
    Result<QList<StoredEvent>> read(QSqlQuery &query, const QVariantList &values) const;
    Result<QList<StoredEvent>> readCandidates(QSqlQuery &query, SqliteStatement &sqlite, const QString &sql,
                                              const QVariantList &values) const;

    QSqlDatabase m_db;
    mutable QSqlQuery m_candidates;        // within a date window
    mutable QSqlQuery m_candidatesAnyDate; // kinds merged whatever their dates
    mutable SqliteStatement m_sqliteCandidates, m_sqliteCandidatesAnyDate;   // the same on SQLite
    QSqlQuery m_keyExists, m_insert, m_improve, m_addSource, m_articleEvents, m_detach, m_prune;
};

} // namespace tw
