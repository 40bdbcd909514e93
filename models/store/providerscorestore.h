#pragma once

#include "models/core/result.h"
#include "models/domain/article.h"

#include <QList>
#include <QSqlDatabase>

namespace tw {

// Sentiment figures a news provider attached to an article (Alpha Vantage
// NEWS_SENTIMENT, ...), kept beside our own scores for comparison and never
// read as ours. One row per (article, ticker, provider); '' ticker = whole article.
class ProviderScoreStore {
public:
    explicit ProviderScoreStore(QSqlDatabase db);
    // Replaces the article's provider figures with `scores` (an updated article
    // brings the provider's current view).
    Status replace(qint64 articleId, const QList<ProviderSentiment> &scores);

private:
    QSqlDatabase m_db;
};

} // namespace tw
