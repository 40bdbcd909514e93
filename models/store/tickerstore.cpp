#include "models/store/tickerstore.h"

#include "models/store/sqlexec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>

namespace tw {

TickerStore::TickerStore(QSqlDatabase db) : m_db(std::move(db)) {}

Status TickerStore::upsert(const TickerInfo &t)
{
    const QString aliases = QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(t.aliases)).toJson(QJsonDocument::Compact));
    return execBound(m_db,
                     QStringLiteral("INSERT INTO tickers (symbol, name, exchange, timezone, aliases, on_watchlist, "
                                    "position, cik) VALUES (?,?,?,?,?,?,?,?) "
                                    "ON CONFLICT (symbol) DO UPDATE SET name = excluded.name, "
                                    "exchange = excluded.exchange, timezone = excluded.timezone, "
                                    "aliases = excluded.aliases, on_watchlist = excluded.on_watchlist, "
                                    "position = excluded.position, cik = excluded.cik"),
                     {t.symbol.toUpper(), t.name, t.exchange, t.timeZone, aliases, t.onWatchlist ? 1 : 0, t.position,
                      t.cik});
}

Status TickerStore::remove(const QString &symbol)
{
    return execBound(m_db, QStringLiteral("DELETE FROM tickers WHERE symbol = ?"), {symbol.toUpper()});
}

Result<QList<TickerInfo>> TickerStore::byCik(qint64 cik) const
{
    auto found = select(QStringLiteral("WHERE cik = ?"), cik);
    if (found)
        std::stable_sort(found->begin(), found->end(),
                         [](const TickerInfo &a, const TickerInfo &b) { return a.onWatchlist && !b.onWatchlist; });
    return found;
}

Result<QList<TickerInfo>> TickerStore::select(const QString &where, const QVariant &value) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT symbol, name, exchange, timezone, aliases, on_watchlist, position, cik FROM tickers "
                             "%1 ORDER BY position, symbol")
                  .arg(where));
    if (value.isValid())
        q.addBindValue(value);
    if (!q.exec())
        return fail(describeSqlError(QStringLiteral("Ticker list failed"), q));
    return readRows(q, [](const QSqlQuery &row) {
        TickerInfo t;
        t.symbol = row.value(0).toString();
        t.name = row.value(1).toString();
        t.exchange = row.value(2).toString();
        t.timeZone = row.value(3).toString();
        for (const auto &alias : QJsonDocument::fromJson(row.value(4).toString().toUtf8()).array())
            t.aliases << alias.toString();
        t.onWatchlist = row.value(5).toInt() != 0;
        t.position = row.value(6).toInt();
        t.cik = row.value(7).toLongLong();
        return t;
    });
}

Result<QList<TickerInfo>> TickerStore::all() const
{
    return select(QString(), QVariant());
}

Result<QList<TickerInfo>> TickerStore::watchlist() const
{
    return select(QStringLiteral("WHERE on_watchlist = ?"), 1);
}

Result<std::optional<TickerInfo>> TickerStore::bySymbol(const QString &symbol) const
{
    return firstMatch(select(QStringLiteral("WHERE symbol = ?"), symbol.toUpper()));
}

} // namespace tw
