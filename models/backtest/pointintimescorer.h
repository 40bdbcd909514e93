#pragma once

#include "models/scoring/corporatescorer.h"
#include "models/store/articlescorestore.h"

#include <QList>
#include <QString>

namespace tw {

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

    // True once the running form disagreed with scoreAt() and was dropped.
    bool exactOnly() const { return m_exactOnly; }
    // Empty, or why the series were computed one close at a time.
    QString note() const;

    // How many closes series() compares with scoreAt() before trusting the
    // running form for the rest of this scorer's life.
    static constexpr int kChecks = 24;

private:
    QList<SessionScore> runningSeries(const QString &ticker, const QList<StoredArticleScore> &rows,
                                      const QList<qint64> &closesUtc);
    QList<SessionScore> exactSeries(const QString &ticker, const QList<StoredArticleScore> &rows,
                                    const QList<qint64> &closesUtc) const;
    bool agrees(const QString &ticker, const QList<StoredArticleScore> &rows, qint64 closeUtc,
                const SessionScore &running);

    ScoreHorizon m_horizon;
    int m_checked = 0;
    bool m_exactOnly = false;
    QString m_disagreement;
};

} // namespace tw
