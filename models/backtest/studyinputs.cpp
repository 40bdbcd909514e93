#include "models/backtest/studyinputs.h"

#include "models/store/quotestore.h"
#include "models/store/sqlexec.h"
#include "models/store/tickerstore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>
#include <iterator>
#include <thread>
#include <vector>

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

Result<QStringList> StudyInputs::tickersOrDefault(const QStringList &asked) const
{
    return asked.isEmpty() ? defaultTickers() : Result<QStringList>(asked);
}

Result<QString> StudyInputs::modelVersionOrNewest(const QString &asked) const
{
    return asked.isEmpty() ? newestModelVersion() : Result<QString>(asked);
}

Result<QList<DailyClose>> StudyInputs::closes(const QString &ticker) const
{
    return QuoteStore(m_db).dailyCloses(ticker);
}

Result<QList<DailyClose>> StudyInputs::benchmarkCloses(const QString &symbol) const
{
    if (symbol.isEmpty())
        return QList<DailyClose>();
    auto c = closes(symbol);
    if (c && c->isEmpty())
        return fail(QStringLiteral("no daily bars for the benchmark %1 (import them with `tickerwire quotes "
                                   "import FILE --ticker %1`)")
                        .arg(symbol));
    return c;
}

void StudyInputs::mergeDates(QList<QDate> &dates, const QList<DailyClose> &closes)
{
    QList<QDate> own;
    own.reserve(closes.size());
    for (const DailyClose &c : closes)
        own << c.date;
    if (!std::is_sorted(own.cbegin(), own.cend()))
        std::sort(own.begin(), own.end());
    own.erase(std::unique(own.begin(), own.end()), own.end());
    QList<QDate> merged;
    merged.reserve(dates.size() + own.size());
    std::set_union(dates.cbegin(), dates.cend(), own.cbegin(), own.cend(), std::back_inserter(merged));
    dates = std::move(merged);
}

int StudyInputs::connectionsFor(qsizetype tickers)
{
    if (tickers < 8)
        return 1;
    return std::clamp(QThread::idealThreadCount(), 1, 4);
}

Result<QList<QList<DailyClose>>> StudyInputs::closesOf(const QStringList &tickers, int connections) const
{
    QList<QList<DailyClose>> out(tickers.size());
    connections = int(std::clamp<qsizetype>(connections, 1, tickers.size()));
    // Connection c reads tickers c, c + connections, ...: neighbours in the
    // list are often neighbours in the store, and both halves stay busy.
    std::vector<QString> errors;
    errors.resize(size_t(connections));
    QList<DailyClose> *perTicker = out.data();   // each thread fills its own entries
    auto readEvery = [&](const QSqlDatabase &db, int c) {
        const QuoteStore quotes(db);   // one per connection: it prepares its writer once
        for (qsizetype k = c; k < tickers.size(); k += connections) {
            auto closes = quotes.dailyCloses(tickers[k]);
            if (!closes) {
                errors[size_t(c)] = closes.errorMessage();
                return;
            }
            perTicker[k] = std::move(*closes);
        }
    };
    std::vector<std::thread> threads;
    for (int c = 1; c < connections; ++c)
        threads.emplace_back([&, c] {
            const QString name = QStringLiteral("study-closes-%1-%2").arg(quintptr(&out)).arg(c);
            {
                QSqlDatabase db = QSqlDatabase::cloneDatabase(m_db.connectionName(), name);
                if (db.open())
                    readEvery(db, c);
                else
                    errors[size_t(c)] =
                        QStringLiteral("Cannot open a second connection to the store: %1").arg(db.lastError().text());
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        });
    readEvery(m_db, 0);
    for (std::thread &t : threads)
        t.join();
    for (const QString &e : errors)
        if (!e.isEmpty())
            return fail(e);
    return out;
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
