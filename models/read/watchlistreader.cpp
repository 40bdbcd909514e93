#include "models/read/watchlistreader.h"

#include "models/core/storetime.h"
#include "models/read/corporatescorereader.h"
#include "models/store/sqlexec.h"
#include "models/store/sqlvalues.h"

#include <QSqlQuery>
#include <QVariant>

namespace tw {

WatchlistReader::WatchlistReader(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<QList<WatchlistRow>> WatchlistReader::rows(const QDateTime &startOfToday) const
{
    // Each column is a correlated subquery on an indexed key, so the cost is a
    // handful of index probes per ticker whatever the size of the store.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(R"(
        SELECT t.symbol, t.name,
          (SELECT close FROM quotes WHERE ticker = t.symbol AND bar_interval = '1d' ORDER BY ts_utc DESC LIMIT 1),
          (SELECT close FROM quotes WHERE ticker = t.symbol AND bar_interval = '1d' ORDER BY ts_utc DESC LIMIT 1 OFFSET 1),
          (SELECT trade_date FROM quotes WHERE ticker = t.symbol AND bar_interval = '1d' ORDER BY ts_utc DESC LIMIT 1),
          (SELECT source FROM quotes WHERE ticker = t.symbol AND bar_interval = '1d' ORDER BY ts_utc DESC LIMIT 1),
          (SELECT score FROM corporate_scores WHERE ticker = t.symbol ORDER BY as_of_utc DESC, {HORIZON_PREFERENCE} LIMIT 1),
          (SELECT label FROM corporate_scores WHERE ticker = t.symbol ORDER BY as_of_utc DESC, {HORIZON_PREFERENCE} LIMIT 1),
          (SELECT horizon FROM corporate_scores WHERE ticker = t.symbol ORDER BY as_of_utc DESC, {HORIZON_PREFERENCE} LIMIT 1),
          (SELECT count(*) FROM articles a WHERE a.published_utc >= ?
             AND EXISTS (SELECT 1 FROM article_tickers k WHERE k.article_id = a.id AND k.ticker = t.symbol))
        FROM tickers t WHERE t.on_watchlist = 1 ORDER BY t.position, t.symbol)")
                  .replace(QStringLiteral("{HORIZON_PREFERENCE}"), QLatin1String(kHorizonPreferenceSql)));
    q.addBindValue(toStoreTime(startOfToday));
    if (!q.exec())
        return fail(describeSqlError(QStringLiteral("Watchlist read failed"), q));
    QList<WatchlistRow> rows = readRows(q, [](const QSqlQuery &row) {
        WatchlistRow r;
        r.symbol = row.value(0).toString();
        r.name = row.value(1).toString();
        r.lastClose = nullableDoubleAt(row, 2);
        if (r.lastClose && !row.value(3).isNull() && row.value(3).toDouble() != 0)
            r.changePercent = (*r.lastClose / row.value(3).toDouble() - 1.0) * 100.0;
        r.lastTradeDate = isoDateAt(row, 4);
        r.priceSource = row.value(5).toString();
        r.score = nullableDoubleAt(row, 6);
        r.scoreLabel = row.value(7).toString();
        const QString horizon = row.value(8).toString();
        r.articlesToday = row.value(9).toInt();
        if (r.score && !horizon.isEmpty()) {
            r.scorePoint = CorporateScorePoint();
            r.scorePoint->horizon = horizon;
        }
        return r;
    });
    q.finish();
    // The evidence and the last days of each scored row, read after the
    // list (one statement at a time on the connection).
    CorporateScoreReader scores(m_db);
    for (WatchlistRow &r : rows) {
        if (!r.scorePoint)
            continue;
        const QString horizon = r.scorePoint->horizon;
        auto latest = scores.latest(r.symbol, horizon);
        if (!latest)
            return latest.error();
        r.scorePoint = *latest;
        if (!r.scorePoint)
            continue;
        const QDate last = fromStoreTime(r.scorePoint->asOfUtc).date();
        auto days = scores.daily(r.symbol, horizon, last.addDays(1 - kSparklineDays), last);
        if (!days)
            return days.error();
        r.recentDays = *days;
    }
    return rows;
}

} // namespace tw
