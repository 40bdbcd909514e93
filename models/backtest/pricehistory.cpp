#include "models/backtest/pricehistory.h"

#include <array>
#include <cmath>

namespace tw {

namespace {
// The ratios splits come in (forward); their inverses are reverse splits.
constexpr std::array<double, 9> kSplitFactors{1.5, 2, 3, 4, 5, 8, 10, 15, 20};
// A day's own move on top of the split: within ±5% (log) of the factor.
constexpr double kSplitTolerance = 0.05;
} // namespace

QString DetectedSplit::ratioText() const
{
    auto n = [](double v) { return QString::number(v, 'g', 3); };
    if (factor >= 1)
        return factor == 1.5 ? QStringLiteral("3:2") : QStringLiteral("%1:1").arg(n(factor));
    const double inverse = 1 / factor;
    return std::abs(inverse - 1.5) < 1e-9 ? QStringLiteral("2:3") : QStringLiteral("1:%1").arg(n(inverse));
}

double PriceHistory::splitFactorOf(double ratio)
{
    if (!(ratio > 0) || std::abs(std::log(ratio)) < std::log(1.4))
        return 0;
    for (double k : kSplitFactors) {
        if (std::abs(std::log(ratio * k)) < kSplitTolerance)
            return k;        // forward: the price fell to about 1/k
        if (std::abs(std::log(ratio / k)) < kSplitTolerance)
            return 1 / k;    // reverse: it rose about k-fold
    }
    return 0;
}

PriceHistory PriceHistory::build(const QString &ticker, const QList<DailyClose> &bars, const SessionCalendar &calendar)
{
    PriceHistory h;
    h.m_ticker = ticker;
    h.m_close = QList<double>(calendar.size(), kNone);
    h.m_piece = QList<int>(calendar.size(), -1);
    for (const DailyClose &b : bars) {
        const qsizetype i = calendar.indexOf(b.date);
        if (i < 0 || !(b.close > 0))
            continue;
        if (std::isnan(h.m_close[i]))
            ++h.m_bars;
        h.m_close[i] = b.close;
        h.m_synthetic = h.m_synthetic || b.synthetic;
    }
    if (h.m_bars == 0)
        return h;

    // Pieces of history: runs of sessions cut where more than kGapSessions
    // in a row have no bar.
    qsizetype first = 0, last = calendar.size() - 1;
    while (std::isnan(h.m_close[first]))
        ++first;
    while (std::isnan(h.m_close[last]))
        --last;
    h.m_first = calendar.at(first);
    h.m_last = calendar.at(last);
    int piece = 0;
    qsizetype previousBar = first;
    for (qsizetype i = first; i <= last; ++i) {
        if (std::isnan(h.m_close[i])) {
            ++h.m_missing;
            continue;
        }
        const qsizetype hole = i - previousBar - 1;
        if (hole > kGapSessions) {
            h.m_gaps << PriceGap{calendar.at(previousBar), calendar.at(i), int(hole)};
            ++piece;
        }
        // Pieces cover their holes too, so a return from a bar before a
        // short hole to one after it stays within one piece.
        for (qsizetype j = previousBar + 1; j <= i; ++j)
            h.m_piece[j] = piece;
        h.m_piece[i] = piece;
        previousBar = i;
    }

    // Splits, newest first, so each adjusts every close before it once.
    QList<qsizetype> barAt;
    for (qsizetype i = first; i <= last; ++i)
        if (!std::isnan(h.m_close[i]))
            barAt << i;
    for (qsizetype k = barAt.size() - 1; k > 0; --k) {
        const qsizetype i = barAt[k], before = barAt[k - 1];
        if (h.m_piece[i] != h.m_piece[before])
            continue;   // across a gap a move may be anything
        const double factor = splitFactorOf(h.m_close[i] / h.m_close[before]);
        if (factor == 0)
            continue;
        h.m_splits.prepend(DetectedSplit{calendar.at(i), factor});
        for (qsizetype j = first; j <= before; ++j)
            if (!std::isnan(h.m_close[j]))
                h.m_close[j] /= factor;
    }
    return h;
}

double PriceHistory::close(qsizetype i) const
{
    return i >= 0 && i < m_close.size() ? m_close[i] : kNone;
}

double PriceHistory::forwardReturn(qsizetype i, int days) const
{
    const qsizetype j = i + days;
    if (i < 0 || j >= m_close.size() || days <= 0)
        return kNone;
    if (m_piece[i] < 0 || m_piece[i] != m_piece[j])
        return kNone;
    const double a = m_close[i], b = m_close[j];
    if (std::isnan(a) || std::isnan(b))
        return kNone;
    return b / a - 1;
}

} // namespace tw
