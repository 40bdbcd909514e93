#pragma once

#include "models/domain/article.h"
#include "models/domain/ticker.h"
#include "models/pipeline/articleingestor.h"
#include "models/store/sqlexec.h"
#include "models/store/storeconnection.h"
#include "models/store/tickerstore.h"
#include "wirestory.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// A small store with META and GOOGL on the watchlist, and writers for the rows
// the scoring and event stages produce, so each rule kind can be fed exactly
// the data it watches.
namespace alerttest {

inline std::unique_ptr<tw::StoreConnection> openStore(const QString &path, const QString &name)
{
    auto opened = tw::StoreConnection::open(path, name);
    if (!opened)
        qFatal("cannot open store %s: %s", qPrintable(path), qPrintable(opened.errorMessage()));
    return std::move(opened.value());
}

inline void addTickers(QSqlDatabase db)
{
    tw::TickerStore store(db);
    tw::TickerInfo meta;
    meta.symbol = QStringLiteral("META");
    meta.name = QStringLiteral("Meta Platforms, Inc.");
    meta.aliases = {QStringLiteral("Meta"), QStringLiteral("Meta Platforms")};
    tw::TickerInfo googl;
    googl.symbol = QStringLiteral("GOOGL");
    googl.name = QStringLiteral("Alphabet Inc.");
    googl.aliases = {QStringLiteral("Alphabet"), QStringLiteral("Google")};
    googl.position = 1;
    QVERIFY(store.upsert(meta).ok());
    QVERIFY(store.upsert(googl).ok());
}

inline tw::Article article(const QString &slug, const QString &title, const QString &body,
                           const QDateTime &published, const QString &source = QStringLiteral("Example Wire"))
{
    tw::Article a =
        twtest::wireStory(QStringLiteral("https://news.example.com/") + slug, title, body, published, source);
    a.url = a.guid;
    return a;
}

inline tw::IngestReport ingest(QSqlDatabase db, const QList<tw::Article> &articles)
{
    auto report = tw::ArticleIngestor(db).ingest(articles);
    if (!report)
        qFatal("ingest failed: %s", qPrintable(report.errorMessage()));
    return *report;
}

inline qint64 ms(const QDateTime &t) { return t.toMSecsSinceEpoch(); }

inline void addScore(QSqlDatabase db, const QString &ticker, const QString &horizon, const QDateTime &asOf,
                     double score, const QString &label)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO corporate_scores (ticker, horizon, as_of_utc, score, label, article_count, "
                             "confidence, model_version) VALUES (?,?,?,?,?,3,0.8,'test') "
                             "ON CONFLICT (ticker, horizon, as_of_utc) DO UPDATE SET score = excluded.score, "
                             "label = excluded.label"));
    QVERIFY2(tw::execBound(q, {ticker, horizon, ms(asOf), score, label}).ok(), qPrintable(q.lastError().text()));
}

inline void addBar(QSqlDatabase db, const QString &ticker, const QDate &day, double close)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO quotes (ticker, bar_interval, ts_utc, trade_date, close, source, fetched_utc) "
                             "VALUES (?, '1d', ?, ?, ?, 'test', 0) ON CONFLICT (ticker, bar_interval, ts_utc) "
                             "DO UPDATE SET close = excluded.close"));
    const QDateTime ts(day, QTime(14, 30), Qt::UTC);
    QVERIFY(tw::execBound(q, {ticker, ms(ts), day.toString(Qt::ISODate), close}).ok());
}

// Returns the event id. Same merge key: the row is updated in place.
inline qint64 addEvent(QSqlDatabase db, const QString &ticker, const QString &kind, const QString &title,
                       const QString &metric, double low, double high, const QString &mergeKey,
                       const QList<qint64> &sources = {})
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO events (ticker, event_date, kind, title, metric, amount_low, amount_high, "
                             "currency, unit, period, confidence, merge_key, created_utc) "
                             "VALUES (?, '2026-04-08', ?, ?, ?, ?, ?, 'USD', 'billion', '2026', 0.9, ?, 0) "
                             "ON CONFLICT (merge_key) DO UPDATE SET amount_low = excluded.amount_low, "
                             "amount_high = excluded.amount_high, title = excluded.title"));
    if (!tw::execBound(q, {ticker, kind, title, metric, low, high, mergeKey}).ok())
        qFatal("event insert failed");
    QSqlQuery id(db);
    id.prepare(QStringLiteral("SELECT id FROM events WHERE merge_key = ?"));
    id.addBindValue(mergeKey);
    if (!id.exec() || !id.next())
        qFatal("event vanished");
    const qint64 eventId = id.value(0).toLongLong();
    QSqlQuery src(db);
    src.prepare(QStringLiteral("INSERT INTO event_sources (event_id, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING"));
    for (qint64 a : sources) {
        if (!tw::execBound(src, {eventId, a}).ok())
            qFatal("event source insert failed");
    }
    return eventId;
}

} // namespace alerttest
