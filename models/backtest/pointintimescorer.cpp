#include "models/backtest/pointintimescorer.h"

#include "models/core/storetime.h"

#include <algorithm>
#include <cmath>

namespace tw {

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

// The estimator's arithmetic as CorporateScorer::compute does it in this
// build (models/scoring/corporatescorer.cpp): story weight max(relevance,
// 0.1) x (0.5 + 0.5 x confidence) x 2^-(age / half-life), stories older than
// five half-lives left out, mean shrunk by a neutral prior weight of 0.25,
// score 50 + 50 tanh(2 x mean). series() checks these against compute() at
// run time and stops using them if they no longer match.
constexpr double kPrior = 0.25;
constexpr double kStretch = 2.0;
constexpr double kForgotten = 1.0 / 32;
constexpr double kMinRelevance = 0.1;

// What scoreAt() is given in the exact path: the rows of the last twenty
// half-lives (and the three days a story's copies may trail its first) —
// older stories weigh under a millionth and the scorer forgets them after five.
qint64 exactMemoryMs(ScoreHorizon horizon)
{
    return 20 * horizonHalfLifeMs(horizon) + 3 * kDayMs;
}

bool byTime(const StoredArticleScore &a, const StoredArticleScore &b)
{
    return a.publishedUtc != b.publishedUtc ? a.publishedUtc < b.publishedUtc : a.articleId < b.articleId;
}

// A story as the scorer merges its copies: mean score and confidence, the
// highest relevance, the first copy's time.
struct Story {
    qint64 first = 0;
    double score = 0;
    double confidence = 0;
    double relevance = 0;
    int copies = 0;
    bool counted = false;

    void add(const StoredArticleScore &r)
    {
        if (copies == 0) {
            first = r.publishedUtc;
            score = r.score;
            confidence = r.confidence;
            relevance = r.relevance;
        } else {
            score = (score * copies + r.score) / (copies + 1);
            confidence = (confidence * copies + r.confidence) / (copies + 1);
            relevance = std::max(relevance, r.relevance);
        }
        ++copies;
    }
    double weight() const { return std::max(relevance, kMinRelevance) * (0.5 + 0.5 * confidence); }
};

SessionScore sessionScoreOf(const CorporateScore &s, qint64 closeUtc, int landed)
{
    return SessionScore{closeUtc, s.score, s.label, s.articleCount, landed};
}

} // namespace

PointInTimeScorer::PointInTimeScorer(ScoreHorizon horizon) : m_horizon(horizon) {}

CorporateScore PointInTimeScorer::scoreAt(const QString &ticker, ScoreHorizon horizon, qint64 cutoffUtc,
                                          const QList<StoredArticleScore> &rows)
{
    QList<StoredArticleScore> known;
    known.reserve(rows.size());
    for (const StoredArticleScore &r : rows)
        if (r.publishedUtc < cutoffUtc)
            known << r;
    return CorporateScorer::compute(ticker, horizon, cutoffUtc, known);
}

QString PointInTimeScorer::note() const
{
    if (!m_exactOnly)
        return {};
    return QStringLiteral("point-in-time scores computed one close at a time through the corporate scorer "
                          "(its running form disagreed with it: %1)")
        .arg(m_disagreement);
}

QList<SessionScore> PointInTimeScorer::series(const QString &ticker, QList<StoredArticleScore> rows,
                                              const QList<qint64> &closesUtc)
{
    if (!std::is_sorted(rows.cbegin(), rows.cend(), byTime))   // the store reads them in this order
        std::stable_sort(rows.begin(), rows.end(), byTime);
    if (m_exactOnly)
        return exactSeries(ticker, rows, closesUtc);
    QList<SessionScore> running = runningSeries(ticker, rows, closesUtc);
    if (m_checked >= kChecks || closesUtc.isEmpty() || rows.isEmpty())
        return running;
    // Check closes spread over the history, where there is news to score.
    const qsizetype step = std::max<qsizetype>(1, closesUtc.size() / 8);
    for (qsizetype i = 0; i < closesUtc.size() && m_checked < kChecks; i += step) {
        qsizetype c = i;
        while (c < closesUtc.size() && running[c].stories == 0)
            ++c;
        if (c == closesUtc.size())
            break;
        if (!agrees(ticker, rows, closesUtc[c], running[c]))
            return exactSeries(ticker, rows, closesUtc);
        ++m_checked;
    }
    return running;
}

bool PointInTimeScorer::agrees(const QString &ticker, const QList<StoredArticleScore> &rows, qint64 closeUtc,
                               const SessionScore &running)
{
    const qint64 from = closeUtc - exactMemoryMs(m_horizon);
    const auto begin = std::lower_bound(rows.cbegin(), rows.cend(), from,
                                        [](const StoredArticleScore &r, qint64 t) { return r.publishedUtc < t; });
    const CorporateScore exact = scoreAt(ticker, m_horizon, closeUtc, QList<StoredArticleScore>(begin, rows.cend()));
    if (std::abs(exact.score - running.score) <= 1e-6 && exact.label == running.label
        && exact.articleCount == running.stories)
        return true;
    m_exactOnly = true;
    m_disagreement = QStringLiteral("%1 at %2: %3 %4 from %5 stories against %6 %7 from %8")
                         .arg(ticker, isoUtc(fromStoreTime(closeUtc)))
                         .arg(running.score, 0, 'f', 3)
                         .arg(running.label)
                         .arg(running.stories)
                         .arg(exact.score, 0, 'f', 3)
                         .arg(exact.label)
                         .arg(exact.articleCount);
    return false;
}

QList<SessionScore> PointInTimeScorer::runningSeries(const QString &ticker, const QList<StoredArticleScore> &rows,
                                                     const QList<qint64> &closesUtc)
{
    Q_UNUSED(ticker);
    const QList<int> groupOf = StoryGrouper::group(rows);
    const double halfLife = double(horizonHalfLifeMs(m_horizon));
    auto decayAt = [halfLife](qint64 asOf, qint64 published) {
        return std::pow(0.5, double(asOf - published) / halfLife);
    };

    std::vector<Story> stories;
    size_t oldest = 0;      // stories before it are forgotten
    int counted = 0;
    double weights = 0, weighted = 0;   // decayed to asOf
    qint64 asOf = 0;
    qsizetype next = 0;
    QList<SessionScore> out;
    out.reserve(closesUtc.size());
    for (qint64 close : closesUtc) {
        if (counted > 0) {
            const double f = decayAt(close, asOf);
            weights *= f;
            weighted *= f;
        }
        asOf = close;
        int landed = 0;
        for (; next < rows.size() && rows[next].publishedUtc < close; ++next, ++landed) {
            const size_t g = size_t(groupOf[next]);
            if (g == stories.size())
                stories.emplace_back();
            Story &s = stories[g];
            if (s.counted) {
                const double d = decayAt(close, s.first);
                weights -= s.weight() * d;
                weighted -= s.weight() * s.score * d;
            }
            s.add(rows[next]);
            const double d = decayAt(close, s.first);
            if (d < kForgotten) {
                if (s.counted)
                    --counted;
                s.counted = false;
                continue;
            }
            weights += s.weight() * d;
            weighted += s.weight() * s.score * d;
            if (!s.counted)
                ++counted;
            s.counted = true;
        }
        for (; oldest < stories.size(); ++oldest) {
            Story &s = stories[oldest];
            const double d = decayAt(close, s.first);
            if (d >= kForgotten)
                break;
            if (s.counted) {
                weights -= s.weight() * d;
                weighted -= s.weight() * s.score * d;
                s.counted = false;
                --counted;
            }
        }
        if (counted == 0)
            weights = weighted = 0;   // no residue of rounding where nothing is left
        const double mean = weights > 0 ? weighted / (weights + kPrior) : 0.0;
        const double score = std::clamp(50.0 + 50.0 * std::tanh(kStretch * mean), 0.0, 100.0);
        out << SessionScore{close, score, corporateScoreLabel(std::round(score)), counted, landed};
    }
    return out;
}

QList<SessionScore> PointInTimeScorer::exactSeries(const QString &ticker, const QList<StoredArticleScore> &rows,
                                                   const QList<qint64> &closesUtc) const
{
    const qint64 memory = exactMemoryMs(m_horizon);
    QList<SessionScore> out;
    out.reserve(closesUtc.size());
    qsizetype begin = 0, end = 0;
    for (qint64 close : closesUtc) {
        const qsizetype before = end;
        while (end < rows.size() && rows[end].publishedUtc < close)
            ++end;
        while (begin < end && rows[begin].publishedUtc < close - memory)
            ++begin;
        const CorporateScore s = CorporateScorer::compute(ticker, m_horizon, close, rows.mid(begin, end - begin));
        out << sessionScoreOf(s, close, int(end - before));
    }
    return out;
}

} // namespace tw
