#include "models/backtest/rankcorrelation.h"

#include <algorithm>
#include <bit>
#include <array>
#include <numeric>
#include <utility>

namespace tw {

namespace {

// A double's bits mapped to an unsigned number in the same order (-0 taken
// as +0, so equal values have equal keys). NaN is never given.
quint64 orderedKey(double v)
{
    if (v == 0)
        v = 0.0;
    const auto bits = std::bit_cast<quint64>(v);
    return (bits >> 63) != 0 ? ~bits : bits | (quint64(1) << 63);
}

// The order's entries: the value's place, and in the top bit whether its
// value differs from the one before it in the order.
constexpr quint32 kNewValue = quint32(1) << 31;

// Below this many values std::sort is as quick.
constexpr size_t kRadixFrom = 1024;

// A value's key and its place in the input.
struct Keyed {
    quint64 key;
    quint32 index;
};

// The places of the non-NaN values, sorted by value, each marked kNewValue
// where its value differs from the one before. The order among equal values
// is left arbitrary (ranks average them).
//
// A pooled backtest ranks millions of values several times over, and each
// ticker thousands: a least-significant-digit radix sort on the keys' high
// 32 bits (bytes, so the scatter stays in cache; the four histograms counted
// in one pass, a pass skipped when every key shares its byte), then each run
// of equal high bits sorted by the whole key (such runs are short: values
// within a millionth of each other).
std::vector<quint32> sortedOrder(std::span<const double> values)
{
    Q_ASSERT(values.size() < kNewValue);
    std::vector<Keyed> items;
    items.reserve(values.size());
    for (size_t i = 0; i < values.size(); ++i)
        if (!std::isnan(values[i]))
            items.push_back({orderedKey(values[i]), quint32(i)});
    const size_t n = items.size();
    auto byKey = [](const Keyed &a, const Keyed &b) { return a.key < b.key; };
    if (n < kRadixFrom) {
        std::sort(items.begin(), items.end(), byKey);
    } else {
        std::array<std::array<size_t, 256>, 4> counts{};
        for (const Keyed &k : items)
            for (int d = 0; d < 4; ++d)
                ++counts[size_t(d)][(k.key >> (32 + 8 * d)) & 0xff];
        std::vector<Keyed> buffer(n);
        for (int d = 0; d < 4; ++d) {
            std::array<size_t, 256> &count = counts[size_t(d)];
            const int shift = 32 + 8 * d;
            if (count[(items.front().key >> shift) & 0xff] == n)
                continue;   // one digit for all: this pass would not move anything
            size_t sum = 0;
            for (size_t &c : count)
                sum += std::exchange(c, sum);
            for (const Keyed &k : items)
                buffer[count[(k.key >> shift) & 0xff]++] = k;
            items.swap(buffer);
        }
        for (size_t i = 0; i < n;) {
            size_t j = i + 1;
            while (j < n && (items[j].key >> 32) == (items[i].key >> 32))
                ++j;
            if (j - i > 1)
                std::sort(items.begin() + qsizetype(i), items.begin() + qsizetype(j), byKey);
            i = j;
        }
    }
    std::vector<quint32> order(n);
    for (size_t k = 0; k < n; ++k)
        order[k] = items[k].index | (k == 0 || items[k].key != items[k - 1].key ? kNewValue : 0);
    return order;
}

} // namespace

std::vector<double> averageRanks(std::span<const double> values)
{
    // NaN has no rank (it never compares equal, so it would also break ties).
    const std::vector<quint32> order = sortedOrder(values);
    std::vector<double> ranks(values.size(), std::numeric_limits<double>::quiet_NaN());
    for (size_t i = 0; i < order.size();) {
        size_t j = i + 1;
        while (j < order.size() && (order[j] & kNewValue) == 0)
            ++j;
        const double rank = (double(i) + double(j - 1)) / 2.0 + 1.0;
        for (size_t k = i; k < j; ++k)
            ranks[order[k] & ~kNewValue] = rank;
        i = j;
    }
    return ranks;
}

RankOrder::RankOrder(std::span<const double> values) : m_order(sortedOrder(values)) {}

std::vector<double> RankOrder::ranksOf(std::span<const qint32> position, size_t size) const
{
    // Each place taken gets its rank at once as if its value were unique; a
    // run of equal values, once it ends, gives its places their mean rank.
    std::vector<double> ranks(size, std::numeric_limits<double>::quiet_NaN());
    std::vector<qint32> taken(size);   // subset places in value order
    size_t seen = 0;                   // places taken so far
    size_t runStart = 0;               // `seen` when the current value's run began
    bool newValue = false;             // a new value began since the last place taken
    auto endRun = [&] {
        if (seen - runStart > 1) {
            const double rank = double(runStart + 1 + seen) / 2.0;
            for (size_t k = runStart; k < seen; ++k)
                ranks[size_t(taken[k])] = rank;
        }
        runStart = seen;
    };
    auto positionOf = [&](quint32 entry) {
        const quint32 index = entry & ~kNewValue;
        return index < position.size() ? position[index] : -1;
    };
    // The order visits values' places at random: over a pooled run's
    // millions, waiting on memory for each `position` read and `ranks`
    // write was most of the time. Fetch both some entries ahead.
    constexpr size_t kPositionAhead = 32, kRankAhead = 16;
    const size_t count = m_order.size();
    for (size_t k = 0; k < count; ++k) {
        if (k + kPositionAhead < count) {
            const quint32 index = m_order[k + kPositionAhead] & ~kNewValue;
            if (index < position.size())
                __builtin_prefetch(position.data() + index);
        }
        if (k + kRankAhead < count) {
            const qint32 ahead = positionOf(m_order[k + kRankAhead]);
            if (ahead >= 0)
                __builtin_prefetch(ranks.data() + ahead, 1);
        }
        const quint32 entry = m_order[k];
        newValue = newValue || (entry & kNewValue) != 0;
        const qint32 p = positionOf(entry);
        if (p < 0)
            continue;
        if (newValue) {
            endRun();
            newValue = false;
        }
        taken[seen++] = p;
        ranks[size_t(p)] = double(seen);
    }
    endRun();
    return ranks;
}

std::vector<double> RankOrder::ranks(size_t size) const
{
    std::vector<double> ranks(size, std::numeric_limits<double>::quiet_NaN());
    constexpr size_t kAhead = 16;   // as in ranksOf: the writes land at random
    const size_t count = m_order.size();
    for (size_t i = 0; i < count;) {
        size_t j = i + 1;
        while (j < count && (m_order[j] & kNewValue) == 0)
            ++j;
        // ranksOf's arithmetic: its rank as if unique, or the run's mean.
        const double rank = j - i > 1 ? double(i + 1 + j) / 2.0 : double(j);
        for (size_t k = i; k < j; ++k) {
            if (k + kAhead < count)
                __builtin_prefetch(ranks.data() + (m_order[k + kAhead] & ~kNewValue), 1);
            ranks[m_order[k] & ~kNewValue] = rank;
        }
        i = j;
    }
    return ranks;
}

CorrelationEstimate spearmanCorrelation(std::span<const double> x, std::span<const double> y,
                                        std::span<const qint32> session, int lag, qint64 minimum)
{
    if (x.size() < size_t(std::max<qint64>(minimum, 3)) || y.size() != x.size()) {
        CorrelationEstimate e;
        e.n = qint64(x.size());
        return e;
    }
    return rankCorrelation(averageRanks(x), averageRanks(y), session, lag, minimum);
}

CorrelationEstimate rankCorrelation(std::vector<double> zx, std::vector<double> zy, std::span<const qint32> session,
                                    int lag, qint64 minimum)
{
    CorrelationEstimate e;
    const size_t n = zx.size();
    e.n = qint64(n);
    if (n < size_t(std::max<qint64>(minimum, 3)) || zy.size() != n || session.size() != n)
        return e;
    auto standardise = [n](std::vector<double> &r) {
        const double mean = (double(n) + 1.0) / 2.0;   // the mean of ranks, ties or not
        double ss = 0;
        for (double v : r)
            ss += (v - mean) * (v - mean);
        const double sd = std::sqrt(ss / double(n));
        if (!(sd > 0))
            return false;
        for (double &v : r)
            v = (v - mean) / sd;
        return true;
    };
    if (!standardise(zx) || !standardise(zy))
        return e;
    // The correlation is the mean of the products u = zx * zy.
    double sum = 0;
    for (size_t i = 0; i < n; ++i)
        sum += zx[i] * zy[i];
    const double rho = sum / double(n);
    // Per-session sums of the centred products, then their autocovariances.
    const auto [lo, hi] = std::minmax_element(session.begin(), session.end());
    std::vector<double> bySession(size_t(*hi - *lo + 1), 0.0);
    for (size_t i = 0; i < n; ++i)
        bySession[size_t(session[i] - *lo)] += zx[i] * zy[i] - rho;
    // The autocovariance at each lag k is summed over t in order, as ever,
    // but all lags in one pass: lag k's sum no longer waits on the one
    // before it (a backtest asks this of every ticker and window, with lags
    // up to the forward window over ten years of sessions).
    const size_t lags = size_t(std::max(lag, 0));
    std::vector<double> acc(lags + 1, 0.0);
    double omega = 0;
    for (double s : bySession)
        omega += s * s;
    for (size_t t = 1; t < bySession.size(); ++t) {
        const double b = bySession[t];
        const double *before = bySession.data() + t;
        const size_t most = std::min(lags, t);
        for (size_t k = 1; k <= most; ++k)
            acc[k] += b * before[-qsizetype(k)];
    }
    for (size_t k = 1; k <= lags; ++k) {
        const double w = 1.0 - double(k) / double(lag + 1);
        omega += 2.0 * w * acc[k];
    }
    e.value = rho;
    e.standardError = std::sqrt(std::max(omega, 0.0)) / double(n);
    return e;
}

double studentT975(qint64 df)
{
    static constexpr std::array<double, 30> table{
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120,  2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
    if (df < 1)
        return std::numeric_limits<double>::quiet_NaN();
    if (df <= 30)
        return table[size_t(df - 1)];
    // Cornish–Fisher expansion around the normal quantile (error < 1e-4 here).
    const double z = 1.959964, v = double(df);
    const double z3 = z * z * z, z5 = z3 * z * z;
    return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v);
}

MeanBand meanWithBand(std::span<const double> values)
{
    MeanBand b;
    b.n = qint64(values.size());
    if (values.empty())
        return b;
    b.mean = std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
    if (values.size() < 2)
        return b;
    double ss = 0;
    for (double v : values)
        ss += (v - b.mean) * (v - b.mean);
    const double sd = std::sqrt(ss / double(values.size() - 1));
    b.halfWidth = studentT975(b.n - 1) * sd / std::sqrt(double(values.size()));
    return b;
}

} // namespace tw
