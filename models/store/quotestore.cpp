#include "models/store/quotestore.h"

#include "models/core/storetime.h"
#include "models/store/sqlexec.h"

namespace tw {

namespace {
constexpr const char *kColumns = "ticker, bar_interval, ts_utc, trade_date, open, high, low, close, volume, source";

QuoteBar readBar(const QSqlQuery &q)
{
    QuoteBar b;
    b.ticker = q.value(0).toString();
    b.interval = q.value(1).toString();
    b.timestamp = fromStoreTime(q.value(2).toLongLong());
    b.tradingDate = QDate::fromString(q.value(3).toString(), Qt::ISODate);
    b.open = q.value(4).toDouble();
    b.high = q.value(5).toDouble();
    b.low = q.value(6).toDouble();
    b.close = q.value(7).toDouble();
    b.volume = q.value(8).toLongLong();
    b.source = q.value(9).toString();
    return b;
}

Result<QList<QuoteBar>> readBars(QSqlQuery &q)
{
    if (!q.exec())
        return fail(describeSqlError(QStringLiteral("Quote read failed"), q));
    QList<QuoteBar> result;
    while (q.next())
        result << readBar(q);
    return result;
}
} // namespace

QuoteStore::QuoteStore(QSqlDatabase db) : m_db(db), m_upsert(db)
{
    // The WHERE clause keeps an identical bar from counting as a change.
    m_upsert.prepare(QStringLiteral(
        "INSERT INTO quotes (ticker, bar_interval, ts_utc, trade_date, open, high, low, close, volume, source, fetched_utc) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT (ticker, bar_interval, ts_utc) DO UPDATE SET trade_date = excluded.trade_date, "
        "open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close, "
        "volume = excluded.volume, source = excluded.source, fetched_utc = excluded.fetched_utc "
        "WHERE quotes.open IS DISTINCT FROM excluded.open OR quotes.high IS DISTINCT FROM excluded.high "
        "OR quotes.low IS DISTINCT FROM excluded.low OR quotes.close IS DISTINCT FROM excluded.close "
        "OR quotes.volume IS DISTINCT FROM excluded.volume OR quotes.source IS DISTINCT FROM excluded.source"));
}

Result<bool> QuoteStore::upsert(const QuoteBar &bar)
{
    if (bar.ticker.isEmpty() || !bar.timestamp.isValid() || !bar.tradingDate.isValid())
        return fail(QStringLiteral("Quote bar without ticker, time or trading date"));
    if (auto s = execBound(m_upsert, {bar.ticker, bar.interval, toStoreTime(bar.timestamp),
                                      bar.tradingDate.toString(Qt::ISODate), bar.open, bar.high, bar.low, bar.close,
                                      bar.volume, bar.source, toStoreTime(nowUtc())});
        !s)
        return s.error();
    return m_upsert.numRowsAffected() > 0;
}

Result<QList<QuoteBar>> QuoteStore::bars(const QString &ticker, const QDate &from, const QDate &to,
                                         const QString &interval) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM quotes WHERE ticker = ? AND bar_interval = ? AND trade_date >= ? "
                             "AND trade_date <= ? ORDER BY ts_utc")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(ticker);
    q.addBindValue(interval);
    q.addBindValue(from.toString(Qt::ISODate));
    q.addBindValue(to.toString(Qt::ISODate));
    return readBars(q);
}

Result<QList<QuoteBar>> QuoteStore::latest(const QString &ticker, int n, const QString &interval) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT * FROM (SELECT %1 FROM quotes WHERE ticker = ? AND bar_interval = ? "
                             "ORDER BY ts_utc DESC LIMIT ?) recent ORDER BY ts_utc")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(ticker);
    q.addBindValue(interval);
    q.addBindValue(n);
    return readBars(q);
}

Result<qint64> QuoteStore::count() const
{
    return queryScalar(m_db, QStringLiteral("SELECT count(*) FROM quotes"));
}

} // namespace tw
