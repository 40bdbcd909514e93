#include "models/backtest/pointintimescorer.h"

#include "models/core/storetime.h"

#include <algorithm>
#include <cmath>

namespace tw {

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

// What scoreAt() is given in the exact path: the rows of the last 64
// half-lives (and the three days a story's copies may trail its first).
// The estimator keeps every story in its sums, decayed; older ones weigh
// under 2^-64 of a fresh one, below a double's precision next to it.
qint64 exactMemoryMs(ScoreHorizon horizon)
{
    return 64 * horizonHalfLifeMs(horizon) + 3 * kDayMs;
}

bool byTime(const StoredArticleScore &a, const StoredArticleScore &b)
{
    return a.publishedUtc != b.publishedUtc ? a.publishedUtc < b.publishedUtc : a.articleId < b.articleId;
}

// A story as the corporate scorer merges its copies: mean score and
// confidence, the highest relevance (the link's, read from the store as a
// 0-1 weight), the first copy's time; weighed by the scorer's own storyWeight().
struct Story {
    qint64 first = 0;
    double score = 0;
    double confidence = 0;
    double relevance = 0;
    int copies = 0;

    void add(const ArticleEvidence &r)
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
    StoryEvidence evidence() const { return {first, storyWeight(relevance, confidence), score}; }
};

SessionScore sessionScoreOf(const CorporateScore &s, qint64 closeUtc, int landed)
{
    return SessionScore{closeUtc, s.score, s.label, s.articleCount, landed, s.sufficient()};
}

} // namespace

void EvidenceHistory::add(const ArticleEvidence &row, QByteArrayView titleUtf8)
{
    const size_t begin = m_words.size();
    const size_t count = StoryGrouper::appendWords(titleUtf8, m_words);
    m_rows.push_back(Row{row, quint32(begin), quint32(count)});
}

void EvidenceHistory::add(const StoredArticleScore &row)
{
    const size_t begin = m_words.size();
    const size_t count = StoryGrouper::appendWords(QStringView(row.title), m_words);
    m_rows.push_back(Row{ArticleEvidence{row.articleId, row.publishedUtc, row.score, row.confidence, row.relevance},
                         quint32(begin), quint32(count)});
}

void EvidenceHistory::clear()
{
    m_rows.clear();
    m_words.clear();
}

void EvidenceHistory::sortByTime()
{
    // (time, id) is unique within a ticker, so the order is fully determined.
    auto byTime = [](const Row &a, const Row &b) {
        return a.evidence.publishedUtc != b.evidence.publishedUtc ? a.evidence.publishedUtc < b.evidence.publishedUtc
                                                                  : a.evidence.articleId < b.evidence.articleId;
    };
    if (!std::is_sorted(m_rows.cbegin(), m_rows.cend(), byTime))
        std::sort(m_rows.begin(), m_rows.end(), byTime);
}

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
    EvidenceHistory history;
    for (const StoredArticleScore &r : std::as_const(rows))
        history.add(r);
    QList<SessionScore> running = runningSeries(ticker, history, closesUtc);
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

QList<SessionScore> PointInTimeScorer::series(const QString &ticker, EvidenceHistory &history,
                                              const QList<qint64> &closesUtc)
{
    Q_ASSERT(!needsWholeRows());
    history.sortByTime();
    return runningSeries(ticker, history, closesUtc);
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

QList<SessionScore> PointInTimeScorer::runningSeries(const QString &ticker, const EvidenceHistory &rows,
                                                     const QList<qint64> &closesUtc)
{
    // The estimator's running state (EvidenceSums, as ingest keeps it) carried
    // from close to close: a new story is added, a story a copy joins is
    // taken out and added again with its merged values, and the sums are
    // decayed to each close. Stories are numbered by their first copy, so
    // the ones within five half-lives of a close are a suffix.
    m_times.resize(size_t(rows.size()));
    m_words.resize(size_t(rows.size()));
    for (qsizetype i = 0; i < rows.size(); ++i) {
        m_times[size_t(i)] = rows.row(i).publishedUtc;
        m_words[size_t(i)] = rows.words(i);
    }
    const QList<int> groupOf = StoryGrouper::group(m_times, m_words);
    const qint64 halfLife = horizonHalfLifeMs(m_horizon);
    const qint64 windowMs = qint64(kForgottenHalfLives * double(halfLife));
    std::vector<Story> stories;
    EvidenceSums sums;
    size_t oldest = 0;   // the first story within five half-lives of the close
    qint64 newest = 0;
    qsizetype next = 0;
    QList<SessionScore> out;
    out.reserve(closesUtc.size());
    for (qint64 close : closesUtc) {
        int landed = 0;
        for (; next < rows.size() && rows.row(next).publishedUtc < close; ++next, ++landed) {
            const size_t g = size_t(groupOf[next]);
            if (g == stories.size())
                stories.emplace_back();
            Story &s = stories[g];
            if (s.copies > 0)
                sums.add(s.evidence(), -1.0, halfLife);
            s.add(rows.row(next));
            sums.add(s.evidence(), 1.0, halfLife);
            newest = std::max(newest, s.first);
        }
        sums.advanceTo(close, halfLife);
        while (oldest < stories.size() && close - stories[oldest].first > windowMs)
            ++oldest;
        const CorporateScore score =
            CorporateScorer::fromEvidence(ticker, m_horizon, sums, int(stories.size() - oldest), newest);
        out << sessionScoreOf(score, close, landed);
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
