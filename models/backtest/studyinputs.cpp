#include "models/backtest/studyinputs.h"

#include "models/store/quotestore.h"
#include "models/store/sqlexec.h"
#include "models/store/tickerstore.h"

#include <QSqlQuery>

namespace tw {

StudyInputs::StudyInputs(QSqlDatabase db) : m_db(std::move(db)) {}

Result<QStringList> StudyInputs::defaultTickers() const
{
    const TickerStore tickers(m_db);
    auto watchlist = tickers.watchlist();
    if (!watchlist)
        return watchlist.error();
    if (watchlist->isEmpty()) {
        watchlist = tickers.all();
        if (!watchlist)
            return watchlist.error();
    }
    QStringList symbols;
    for (const TickerInfo &t : *watchlist)
        symbols << t.symbol;
    return symbols;
}

Result<QString> StudyInputs::newestModelVersion() const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT model_version FROM article_scores ORDER BY scored_utc DESC, model_version DESC "
                               "LIMIT 1")))
        return fail(describeSqlError(QStringLiteral("Reading the scoring model version failed"), q));
    return q.next() ? q.value(0).toString() : QString();
}

Result<QList<DailyClose>> StudyInputs::closes(const QString &ticker) const
{
    auto bars = QuoteStore(m_db).bars(ticker, QDate(1800, 1, 1), QDate(9999, 12, 31));
    if (!bars)
        return bars.error();
    QList<DailyClose> closes;
    closes.reserve(bars->size());
    for (const QuoteBar &b : *bars)
        closes << DailyClose{b.tradingDate, b.close, isSyntheticSource(b.source)};
    return closes;
}

Result<QList<StoredArticleScore>> StudyInputs::articleScores(const QString &ticker, const QString &modelVersion) const
{
    return ArticleScoreStore(m_db).forTicker(ticker, modelVersion);
}

Result<ExchangeClock> StudyInputs::clock(const QString &ticker) const
{
    auto info = TickerStore(m_db).bySymbol(ticker);
    if (!info)
        return info.error();
    return ExchangeClock(*info ? (*info)->timeZone : QString());
}

Result<QHash<qint64, EventSourceSentiment>> StudyInputs::eventSentiment(const QStringList &tickers,
                                                                        const QString &modelVersion) const
{
    // One pass over the event sources of all the tickers' events (EventStore
    // reads them one event at a time, with the articles' texts).
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT es.event_id, a.published_utc, s.score FROM event_sources es "
        "JOIN events e ON e.id = es.event_id JOIN articles a ON a.id = es.article_id "
        "LEFT JOIN article_scores s ON s.article_id = es.article_id AND s.ticker = e.ticker AND s.model_version = ? "
        "WHERE e.ticker = ?"));
    QHash<qint64, EventSourceSentiment> out;
    QHash<qint64, double> sums;
    for (const QString &ticker : tickers) {
        if (auto s = execBound(q, {modelVersion, ticker}); !s)
            return s.error();
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            const qint64 published = q.value(1).toLongLong();
            EventSourceSentiment &e = out[id];
            if (e.firstPublishedUtc == 0 || published < e.firstPublishedUtc)
                e.firstPublishedUtc = published;
            if (!q.value(2).isNull()) {
                sums[id] += q.value(2).toDouble();
                ++e.scoredArticles;
            }
        }
    }
    for (auto it = out.begin(); it != out.end(); ++it)
        if (it->scoredArticles > 0)
            it->meanScore = sums.value(it.key()) / it->scoredArticles;
    return out;
}

} // namespace tw
