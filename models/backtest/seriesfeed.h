#pragma once

#include "models/backtest/pointintimescorer.h"
#include "models/core/result.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace tw {

// One ticker's point-in-time series over the study's sessions.
struct ScoredTicker {
    int articleScores = 0;
    QList<SessionScore> series;   // empty without article scores
};

// Hands the backtest each ticker's series in order, scored ahead on worker
// threads (each with its own connection, a clone of the caller's) while the
// caller measures the ones before: reading and grouping a ticker's article
// scores is most of a backtest's time, and tickers do not depend on each
// other. With no workers it scores each ticker when asked, on the caller's
// connection. Memory holds the few series scored ahead, not all of them.
class SeriesFeed {
public:
    SeriesFeed(QSqlDatabase db, int workers, QStringList tickers, std::vector<bool> wanted, ScoreHorizon horizon,
               QString modelVersion, QList<QDate> sessions);
    ~SeriesFeed();
    SeriesFeed(const SeriesFeed &) = delete;
    SeriesFeed &operator=(const SeriesFeed &) = delete;

    // Ticker `k`'s series (in order: each k once, ascending); blocks until it is scored.
    Result<ScoredTicker> take(int k);
    // Empty, or why some series were computed the slow, exact way.
    QString note() const;

    // Workers for `tickers` on this machine: none for a few.
    static int workersFor(qsizetype tickers);

private:
    struct Scorer;
    void work(int worker);
    static Result<ScoredTicker> score(Scorer &scorer, const QString &ticker, const QString &modelVersion,
                                      const QList<QDate> &sessions);

    QSqlDatabase m_db;
    QStringList m_tickers;   // read by every worker: at() only (operator[] may detach)
    std::vector<bool> m_wanted;
    ScoreHorizon m_horizon;
    QString m_modelVersion;
    QList<QDate> m_sessions;

    std::vector<std::optional<Result<ScoredTicker>>> m_ready;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::atomic<int> m_next{0};
    std::atomic<bool> m_stop{false};
    int m_taken = 0;                  // the caller's position: workers stay a few tickers ahead
    std::vector<std::thread> m_threads;
    QStringList m_notes;              // guarded by m_mutex
    std::unique_ptr<Scorer> m_inline; // without workers
};

} // namespace tw
