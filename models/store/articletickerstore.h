#pragma once

#include "models/core/result.h"
#include "models/store/preparedwrite.h"
#include "models/linking/entitylinker.h"

#include <QList>
#include <QSqlDatabase>

namespace tw {

// Which companies each article is about (article_tickers), each with its
// relevance: stored as a whole number 0-100 (migration 6), read back into
// TickerLink::relevance as 0-1.
class ArticleTickerStore {
public:
    explicit ArticleTickerStore(QSqlDatabase db);

    // Replaces the article's links with `links`.
    Status replace(qint64 articleId, const QList<TickerLink> &links);
    Result<QList<TickerLink>> forArticle(qint64 articleId) const;
    // Every article linked to `ticker`, by id.
    Result<QList<qint64>> articlesFor(const QString &ticker) const;

private:
    QSqlDatabase m_db;
    PreparedWrite m_delete;
    PreparedWrite m_insert;
};

} // namespace tw
