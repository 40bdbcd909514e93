#include "models/store/quotestore.h"

#include "models/core/storetime.h"
#include "models/store/sqldialect.h"
#include "models/store/sqlexec.h"
#include "models/store/sqlitestatement.h"

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

// bars() over every date: the bounds keep its rows exactly (a date is ISO text).
constexpr const char *kDailyClosesSql =
    "SELECT trade_date, close, source FROM quotes WHERE ticker = ? AND bar_interval = '1d' "
    "AND trade_date >= '1800-01-01' AND trade_date <= '9999-12-31' ORDER BY ts_utc";

// "2024-05-31" without a QString; anything else as bars() reads it.
QDate isoDate(QByteArrayView text)
{
    auto digits = [&](qsizetype from, qsizetype n) {
        int v = 0;
        for (qsizetype i = from; i < from + n; ++i) {
            const char c = text[i];
            if (c < '0' || c > '9')
                return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    };
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        const int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
        if (y >= 0 && m >= 0 && d >= 0)
            return QDate(y, m, d);
    }
    return QDate::fromString(QString::fromUtf8(text), Qt::ISODate);
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

Result<QList<DailyClose>> QuoteStore::dailyCloses(const QString &ticker) const
{
    QList<DailyClose> closes;
    if (dialectOf(m_db) == SqlDialect::Sqlite && sqliteHandleOf(m_db)) {
        auto q = SqliteStatement::prepare(m_db, kDailyClosesSql);
        if (!q)
            return fail(QStringLiteral("Quote read failed: %1").arg(q.errorMessage()));
        q->bind(1, ticker);
        for (;;) {
            const Result<bool> row = q->step();
            if (!row)
                return fail(QStringLiteral("Quote read failed: %1").arg(row.errorMessage()));
            if (!*row)
                break;
            closes.append(DailyClose{isoDate(q->columnUtf8(0)), q->columnDouble(1),
                                     q->columnUtf8(2) == QByteArrayView("demo")});
        }
        return closes;
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QString::fromLatin1(kDailyClosesSql));
    if (auto s = execBound(q, {ticker}); !s)
        return fail(QStringLiteral("Quote read failed: %1").arg(s.errorMessage()));
    while (q.next())
        closes.append(DailyClose{QDate::fromString(q.value(0).toString(), Qt::ISODate), q.value(1).toDouble(),
                                 isSyntheticSource(q.value(2).toString())});
    return closes;
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
