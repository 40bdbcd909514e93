#pragma once

#include "models/backtest/sessioncalendar.h"
#include "models/domain/quote.h"   // DailyClose

#include <QDate>
#include <QList>
#include <QString>

#include <limits>

namespace tw {

// A share split found in unadjusted prices: on `date` the close moved by
// about 1/factor from the bar before (factor 2: a 2-for-1 split; 0.1: a
// 1-for-10 reverse split). Closes before `date` are divided by `factor`.
struct DetectedSplit {
    QDate date;
    double factor = 1;
    QString ratioText() const;   // "2:1", "1:10", "3:2"
};

// A stretch of sessions with no bar long enough to cut the history in two
// (a halt, a hole in the data, a symbol reused): no return spans it.
struct PriceGap {
    QDate lastBefore;
    QDate firstAfter;
    int sessions = 0;
};

// One ticker's daily closes laid on the study's session calendar, adjusted
// for the splits found in them.
class PriceHistory {
public:
    static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
    // More sessions than this without a bar, inside the ticker's range, cut
    // its history (shorter holes are missing price days).
    static constexpr int kGapSessions = 5;

    PriceHistory() = default;
    // The closes of one ticker, any order; dates outside `calendar` are ignored.
    static PriceHistory build(const QString &ticker, const QList<DailyClose> &bars, const SessionCalendar &calendar);

    const QString &ticker() const { return m_ticker; }
    bool isEmpty() const { return m_bars == 0; }
    int barCount() const { return m_bars; }
    // Sessions between the first and the last bar that have no bar.
    int missingSessions() const { return m_missing; }
    const QList<DetectedSplit> &splits() const { return m_splits; }
    const QList<PriceGap> &gaps() const { return m_gaps; }
    bool synthetic() const { return m_synthetic; }
    QDate firstDate() const { return m_first; }
    QDate lastDate() const { return m_last; }

    // Split-adjusted close at session `i`, NaN without a bar.
    double close(qsizetype i) const;
    // close(i + days) / close(i) - 1 within one piece of history, else NaN.
    double forwardReturn(qsizetype i, int days) const;
    // close(i) / close(i - 1) - 1, NaN unless both bars exist in one piece.
    double dailyReturn(qsizetype i) const { return forwardReturn(i - 1, 1); }

    // A split's move, if the close-to-close ratio is one: 1/factor within 5%
    // (after the day's own move). 0 when it is not.
    static double splitFactorOf(double ratio);

private:
    QString m_ticker;
    QList<double> m_close;   // per session
    QList<int> m_piece;      // per session: which piece of history (-1 outside)
    QList<DetectedSplit> m_splits;
    QList<PriceGap> m_gaps;
    QDate m_first, m_last;
    int m_bars = 0;
    int m_missing = 0;
    bool m_synthetic = false;
};

} // namespace tw
