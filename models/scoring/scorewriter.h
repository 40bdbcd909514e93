#pragma once

#include "models/core/result.h"
#include "models/domain/article.h"
#include "models/linking/entitylinker.h"
#include "models/scoring/articlescorer.h"
#include "models/scoring/corporatescorer.h"
#include "models/scoring/corporatescoreupdater.h"
#include "models/sentiment/sentimentscorer.h"
#include "models/store/articlescorestore.h"

#include <QSqlDatabase>
#include <QStringList>

#include <optional>

namespace tw {

// The built-in sentence scorer and headline model: what the ingest path,
// rescoring and the demo score with.
struct BuiltInScoring {
    const SentimentScorer *sentences = nullptr;
    const HeadlineModel *headlines = nullptr;

    static Result<BuiltInScoring> load();
};

// Writes the scores that follow from stored articles: article_scores for an
// article, corporate_scores for the companies whose articles changed. Used by
// the ingest path (stage 3) and by full rescoring. The caller owns the transaction.
class ScoreWriter {
public:
    ScoreWriter(QSqlDatabase db, const SentimentScorer &sentences, const EntityLinker &linker,
                const HeadlineModel *headlines = nullptr);

    // Scores the stored article `articleId` for each linked company and adds
    // the scores to the companies' running corporate state (`fresh`: the
    // article is new, so it had no scores to take out first).
    Status scoreArticle(qint64 articleId, const Article &article, const QList<TickerLink> &links, bool fresh = false);
    // The same with the article's scores found ahead (ArticleScorer, on
    // another thread, by the model modelVersion() names, for `links`).
    Status scoreArticle(qint64 articleId, const Article &article, const QList<TickerLink> &links, bool fresh,
                        const QList<ArticleScore> &scores);

    // Writes every horizon's score of each ticker (and of every company the
    // batch changed) at `asOfUtc`, or at the store's latest article time when
    // not given, from the running state: the cost follows the batch, not the
    // history.
    Result<QList<CorporateScore>> refreshCorporate(const QStringList &tickers, std::optional<qint64> asOfUtc = {});
    // A new batch: forget running state a failed batch may have left unsaved.
    void beginBatch() { m_corporate.discard(); }
    // The transaction rolled back: nothing read from the store in it holds.
    void rolledBack() { m_corporate.forgetAll(); }

    // For a full rescore: article scores only, the corporate state rebuilt at
    // the end with rebuildCorporate() (one pass per company, not per article).
    void setKeepsCorporateState(bool keep) { m_keepCorporate = keep; }
    // The same in two halves, for a rescore that scores on several threads:
    // scoreRows() is pure (any thread, no store), writeScores() stores them
    // (the connection's thread; no corporate state).
    QList<ArticleScoreRow> scoreRows(const Article &article, const QList<TickerLink> &links) const;
    Status writeScores(qint64 articleId, const QList<ArticleScoreRow> &rows);
    Status rebuildCorporate(const QStringList &tickers) { return m_corporate.rebuild(tickers); }
    // After ArticleRescorer: every article score committed (see
    // CorporateScoreUpdater::rebuildCommitted).
    Status rebuildCorporateAfterRescore(const QStringList &tickers,
                                        const std::function<void(qsizetype, qsizetype)> &progress = {})
    {
        return m_corporate.rebuildCommitted(tickers, progress);
    }

    // Writes each horizon's score as it stood every `stepMs` from `fromUtc` up
    // to `toUtc` (both included), so a store loaded in one go still has a
    // score history for the chart's overlay and the label-change rule.
    // Returns the number of scores written.
    Result<int> backfillCorporateHistory(const QStringList &tickers, qint64 fromUtc, qint64 toUtc, qint64 stepMs);

    // The latest publication time in the store: the "now" of its scores.
    Result<qint64> storeAsOf() const;
    // The rules, the lexicon and the headline model: scores keyed by it are never mixed.
    QString modelVersion() const;
    static QString modelVersionOf(const SentimentScorer &sentences, const HeadlineModel *headlines);

private:
    QSqlDatabase m_db;
    const SentimentScorer &m_sentences;
    const HeadlineModel *m_headlines;
    ArticleScorer m_articles;
    // Worked out once: the headline model's digest hashes all of its weights,
    // and asking for it per article cost more than scoring the article.
    QString m_modelVersion;
    ArticleScoreStore m_articleScores;   // statements prepared once, not per article
    CorporateScoreUpdater m_corporate;
    bool m_keepCorporate = true;
};

} // namespace tw
