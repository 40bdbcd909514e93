#pragma once

#include "models/backtest/pricehistory.h"
#include "models/backtest/rankcorrelation.h"
#include "models/core/result.h"
#include "models/scoring/corporatescorer.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>

class QIODevice;

namespace tw {

// 1, 5 and 20 sessions (out of line: GCC 12 misreads an inlined initializer list here).
QList<int> defaultForwardDays();

struct BacktestOptions {
    QStringList tickers;                 // empty: the watchlist
    ScoreHorizon horizon = ScoreHorizon::Medium;
    QList<int> forwardDays = defaultForwardDays();   // sessions
    QString benchmark;                   // empty: raw returns, else excess over it
    QDate since, until;                  // scoring days; invalid: no bound
    int recentYears = 0;                 // without `since`: only the last N years of stored sessions
    QString modelVersion;                // empty: the store's newest
};

// The mean forward return of the sessions whose score carried one label.
struct LabelReturn {
    QString label;
    double mean = 0;
    double halfWidth95 = 0;   // Student's t on the days as if independent: a guide, not a test
    qint64 n = 0;
};

// Everything measured for one forward window, pooled or for one ticker.
struct WindowStats {
    int days = 1;
    CorrelationEstimate level;    // IC of the score's level
    CorrelationEstimate change;   // IC of its change since the previous session
    double hitRate = 0;           // share of days the score's side of 50 matched the return's sign
    qint64 hitN = 0;
    QList<LabelReturn> byLabel;   // Bearish ... Bullish, then any other label
};

// What happened to one ticker on the way in.
struct TickerReport {
    QString ticker;
    int bars = 0;
    int missingSessions = 0;
    QList<DetectedSplit> splits;
    QList<PriceGap> gaps;
    int articleScores = 0;
    int scoredSessions = 0;       // sessions in range whose score rests on at least one story
    bool synthetic = false;
    QString skipped;              // why it is not in the figures, or empty
    QList<WindowStats> windows;   // its own figures, one per forward window
};

struct BacktestResult {
    BacktestOptions options;      // as run: tickers and model version resolved
    QDate firstSession, lastSession;
    int sessions = 0;
    QList<WindowStats> pooled;
    QList<TickerReport> tickers;
    bool syntheticPrices = false; // some prices are the demo's (source "demo")
    QStringList notes;            // caveats worth printing (small N, scorer path, benchmark gaps)

    // How the figures were made, for the report's header.
    static QString method();
    const WindowStats *pooledWindow(int days) const;
};

// The point-in-time backtest: for each ticker and session, the corporate
// score known at the close (PointInTimeScorer) against the return from that
// close to the close `days` sessions later (split-adjusted; minus the
// benchmark's over the same sessions when there is one). Sessions count
// where the score rests on at least one story (its number, shrunk towards
// 50 by the scorer when the evidence is thin). Reads through StudyInputs one
// ticker at a time, so memory holds the prices and the per-session scores,
// not the articles.
class Backtester {
public:
    using Progress = std::function<void(int done, int total)>;

    explicit Backtester(QSqlDatabase db);
    void setProgress(Progress progress) { m_progress = std::move(progress); }
    // Writes the daily series (one row per ticker and session) as CSV as it goes.
    void setSeriesOutput(QIODevice *csv) { m_csv = csv; }

    Result<BacktestResult> run(const BacktestOptions &options);

    // Fewer observations than this make no IC (reported as too few days).
    static constexpr qint64 kMinObservations = 20;

private:
    QSqlDatabase m_db;
    Progress m_progress;
    QIODevice *m_csv = nullptr;
};

// The labels a corporate score can carry, most bearish first.
QStringList scoreLabelsInOrder();

} // namespace tw
