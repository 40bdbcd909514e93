#pragma once

#include "models/core/result.h"
#include "models/scoring/articlescorer.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace tw {

// An article score as the corporate score reads it back, with what it needs
// of the article (time, title for duplicates and explanations) and the link.
struct StoredArticleScore {
    qint64 articleId = 0;
    QString ticker;
    double score = 0;
    QString label;
    double confidence = 0;
    QString spans;          // JSON, as ArticleScorer::spansJson wrote it
    // The link's relevance as a weight 0-1 (article_tickers keeps 0-100): the
    // one weight the link brings to the corporate score.
    double relevance = 0;
    qint64 publishedUtc = 0;
    QString title;
    QString source;
};

// article_scores: one row per (article, ticker, model version).
class ArticleScoreStore {
public:
    explicit ArticleScoreStore(QSqlDatabase db);

    // Replaces every score of the article (any model version: they described
    // text that may have changed) with `scores` under `modelVersion`.
    Status replace(qint64 articleId, const QString &modelVersion, const QList<ArticleScore> &scores, qint64 scoredUtc);

    // The ticker's scores under `modelVersion`, oldest article first (ties by id).
    Result<QList<StoredArticleScore>> forTicker(const QString &ticker, const QString &modelVersion) const;

private:
    QSqlDatabase m_db;
    QSqlQuery m_delete;
    QSqlQuery m_insert;
};

} // namespace tw
