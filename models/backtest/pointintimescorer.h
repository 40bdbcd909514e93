#pragma once

#include "models/scoring/corporatescorer.h"
#include "models/store/articleevidencereader.h"
#include "models/store/articlescorestore.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <span>
#include <vector>

namespace tw {

// One ticker's article scores as the running form of the estimator reads
// them: the numbers, and each title's words (StoryGrouper's) side by side in
// one array. No title is kept: a backtest reads two million of them.
class EvidenceHistory {
public:
    void add(const ArticleEvidence &row, QByteArrayView titleUtf8);
    void add(const StoredArticleScore &row);
    void clear();   // keeps the memory, for the next ticker's rows
    qsizetype size() const { return qsizetype(m_rows.size()); }
    bool isEmpty() const { return m_rows.empty(); }
    // Time order, ties by article id: the order the estimator reads rows in.
    void sortByTime();
    const ArticleEvidence &row(qsizetype i) const { return m_rows[size_t(i)].evidence; }
    std::span<const quint64> words(qsizetype i) const
    {
        const Row &r = m_rows[size_t(i)];
        return std::span<const quint64>(m_words).subspan(r.wordsBegin, r.wordCount);
    }

private:
    struct Row {
        ArticleEvidence evidence;
        quint32 wordsBegin = 0;
        quint32 wordCount = 0;
    };
    std::vector<Row> m_rows;
    std::vector<quint64> m_words;
};

// A company's corporate score as it stood at one session's close.
struct SessionScore {
    qint64 closeUtc = 0;
    double score = 50;
    QString label;
    int stories = 0;    // distinct stories behind it (0: no news in the horizon's memory)
    int landed = 0;     // article scores published since the previous close
    bool sufficient = false;   // enough evidence for a score (else the scorer says "Insufficient news")
};

// The point-in-time corporate score: for each session close, the score the
// corporate scorer gives from the article scores published (not fetched)
// strictly before that close, decayed to the close. An article published at
// or after a close counts from the next one. Nothing later than a close ever
// reaches its score, so history is never recomputed with later information.
//
// scoreAt() is the definition: it hands the scorer's own estimator
// (CorporateScorer::compute) the rows known at the cutoff. series() gives the
// same numbers for every close of a long history in one pass: stories are
// grouped once (StoryGrouper is online: a row's story depends only on
// earlier rows) and their decayed evidence is carried from close to close.
// That running form is the estimator's own running state (EvidenceSums,
// storyWeight, fromEvidence) fed in another order, so series() checks
// itself against scoreAt() on the first closes it scores; if they ever
// disagree (the estimator changed and the running form did not follow), it
// computes every close through scoreAt() instead, slower but still exact, and
// says so in note().
class PointInTimeScorer {
public:
    explicit PointInTimeScorer(ScoreHorizon horizon);

    ScoreHorizon horizon() const { return m_horizon; }

    // The score known at `cutoffUtc` from `rows` (any order; later rows are left out).
    static CorporateScore scoreAt(const QString &ticker, ScoreHorizon horizon, qint64 cutoffUtc,
                                  const QList<StoredArticleScore> &rows);

    // The score at each of `closesUtc` (ascending) from `rows` of one ticker
    // (any order).
    QList<SessionScore> series(const QString &ticker, QList<StoredArticleScore> rows,
                               const QList<qint64> &closesUtc);
    // The same from the rows' numbers and titles' words, once the running
    // form is trusted: only while needsWholeRows() is false.
    // Puts `history` in time order.
    QList<SessionScore> series(const QString &ticker, EvidenceHistory &history, const QList<qint64> &closesUtc);
    // True while series() still checks its running form against scoreAt(),
    // or computes every close through it: both need the whole rows (titles).
    bool needsWholeRows() const { return m_exactOnly || m_checked < kChecks; }

    // True once the running form disagreed with scoreAt() and was dropped.
    bool exactOnly() const { return m_exactOnly; }
    // Empty, or why the series were computed one close at a time.
    QString note() const;

    // How many closes series() compares with scoreAt() before trusting the
    // running form for the rest of this scorer's life.
    static constexpr int kChecks = 24;

private:
    QList<SessionScore> runningSeries(const QString &ticker, const EvidenceHistory &rows,
                                      const QList<qint64> &closesUtc);
    QList<SessionScore> exactSeries(const QString &ticker, const QList<StoredArticleScore> &rows,
                                    const QList<qint64> &closesUtc) const;
    bool agrees(const QString &ticker, const QList<StoredArticleScore> &rows, qint64 closeUtc,
                const SessionScore &running);

    ScoreHorizon m_horizon;
    // runningSeries()'s view of the rows for the grouper, kept from ticker to ticker.
    std::vector<qint64> m_times;
    std::vector<std::span<const quint64>> m_words;
    int m_checked = 0;
    bool m_exactOnly = false;
    QString m_disagreement;
};

} // namespace tw
