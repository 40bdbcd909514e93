#pragma once

#include <QtGlobal>

#include <cmath>
#include <limits>
#include <span>
#include <utility>
#include <vector>

namespace tw {

// An information coefficient with its uncertainty.
struct CorrelationEstimate {
    double value = std::numeric_limits<double>::quiet_NaN();
    double standardError = std::numeric_limits<double>::quiet_NaN();
    qint64 n = 0;

    bool valid() const { return !std::isnan(value); }
    double t() const { return standardError > 0 ? value / standardError : std::numeric_limits<double>::quiet_NaN(); }
    double low95() const { return value - 1.96 * standardError; }
    double high95() const { return value + 1.96 * standardError; }
};

// Ranks 1..n in the values' order; tied values share the mean of their
// ranks. A NaN value has no rank (NaN) and is not counted in n.
std::vector<double> averageRanks(std::span<const double> values);

// Values sorted once, so the ranks of many subsets of them (the sessions
// that have a 1-, 5- or 20-day return) cost a pass each, not a sort each.
// Keeps only the order and where each run of equal values begins (4 bytes a
// value), not the values.
class RankOrder {
public:
    RankOrder() = default;
    explicit RankOrder(std::span<const double> values);   // NaN values are never in a subset
    // Average ranks (1..size) of a subset: `position[i]` is value i's place
    // in the subset, or -1 when it is not in it.
    std::vector<double> ranksOf(std::span<const qint32> position, size_t size) const;
    // Average ranks of all the values (ranksOf every place): `size` of them, NaN for a NaN value.
    std::vector<double> ranks(size_t size) const;

private:
    std::vector<quint32> m_order;   // value indexes by value; top bit: a new value begins here
};

// The correlation of two rank vectors with the standard error below.
CorrelationEstimate rankCorrelation(std::vector<double> rx, std::vector<double> ry, std::span<const qint32> session,
                                    int lag, qint64 minimum = 20);

// Spearman's rank correlation of x and y (the Pearson correlation of their
// ranks, ties averaged), with a standard error that allows for overlapping
// forward returns and for tickers that move together on a day:
// Newey–West (Bartlett kernel, `lag` sessions) on the products of the
// standardised ranks after summing them per session (Driscoll–Kraay). With
// one ticker this is plain Newey–West. `session[i]` is observation i's index
// in the session calendar. Fewer than `minimum` observations, or a constant
// x or y, give an invalid estimate.
CorrelationEstimate spearmanCorrelation(std::span<const double> x, std::span<const double> y,
                                        std::span<const qint32> session, int lag, qint64 minimum = 20);

// The 97.5% quantile of Student's t with `degreesOfFreedom` (for 95% bands
// of means of a few events).
double studentT975(qint64 degreesOfFreedom);

// Mean, and the half-width of its 95% band (Student's t), of a sample.
struct MeanBand {
    double mean = std::numeric_limits<double>::quiet_NaN();
    double halfWidth = std::numeric_limits<double>::quiet_NaN();
    qint64 n = 0;
};
MeanBand meanWithBand(std::span<const double> values);

} // namespace tw
