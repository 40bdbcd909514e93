#include "models/store/articletickerstore.h"

#include "models/store/sqlexec.h"

namespace tw {

ArticleTickerStore::ArticleTickerStore(QSqlDatabase db)
    : m_db(db), m_delete(db, "DELETE FROM article_tickers WHERE article_id = ?"),
      m_insert(db, "INSERT INTO article_tickers (article_id, ticker, relevance) VALUES (?,?,?)")
{
}

Status ArticleTickerStore::replace(qint64 articleId, const QList<TickerLink> &links)
{
    if (auto s = m_delete.exec({articleId}); !s)
        return s;
    for (const TickerLink &l : links) {
        if (auto s = m_insert.exec({articleId, l.ticker, double(l.relevancePercent())}); !s)
            return s;
    }
    return {};
}

Result<QList<TickerLink>> ArticleTickerStore::forArticle(qint64 articleId) const
{
    const QString sql = QStringLiteral(
        "SELECT ticker, relevance FROM article_tickers WHERE article_id = ? ORDER BY relevance DESC, ticker");
    return selectRows(m_db, sql, {articleId}, [](const QSqlQuery &row) {
        return TickerLink{row.value(0).toString(), TickerLink::relevanceFromStore(row.value(1).toDouble()), 0};
    });
}

Result<QList<qint64>> ArticleTickerStore::articlesFor(const QString &ticker) const
{
    return selectIds(m_db, QStringLiteral("SELECT article_id FROM article_tickers WHERE ticker = ? ORDER BY article_id"),
                     {ticker});
}

} // namespace tw
