#include "models/store/articlescorestore.h"

#include "models/linking/entitylinker.h"
#include "models/store/sqlexec.h"
#include "models/store/storechangenotifier.h"

namespace tw {

ArticleScoreStore::ArticleScoreStore(QSqlDatabase db) : m_db(db), m_delete(db), m_insert(db)
{
    m_delete.prepare(QStringLiteral("DELETE FROM article_scores WHERE article_id = ?"));
    m_insert.prepare(QStringLiteral("INSERT INTO article_scores (article_id, ticker, model_version, score, label, "
                                    "confidence, spans, scored_utc) VALUES (?,?,?,?,?,?,?,?)"));
}

Status ArticleScoreStore::replace(qint64 articleId, const QString &modelVersion, const QList<ArticleScore> &scores,
                                  qint64 scoredUtc)
{
    if (auto s = execBound(m_delete, {articleId}); !s)
        return s;
    const bool hadScores = m_delete.numRowsAffected() > 0;
    for (const ArticleScore &a : scores) {
        if (auto s = execBound(m_insert, {articleId, a.ticker, modelVersion, a.score, sentimentLabelName(a.label),
                                          a.confidence, ArticleScorer::spansJson(a.spans), scoredUtc});
            !s)
            return s;
    }
    if (!hadScores && scores.isEmpty())
        return {};  // nothing was scored before or now: nothing to tell
    // Named by the article: its scores were replaced as a whole.
    return StoreChangeNotifier::announce(m_db, {QStringLiteral("article_scores"), QStringLiteral("updated"), articleId});
}

Result<QList<StoredArticleScore>> ArticleScoreStore::forTicker(const QString &ticker, const QString &modelVersion) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT s.article_id, s.score, s.label, s.confidence, s.spans, COALESCE(t.relevance, 0), a.published_utc, "
        "a.title, a.source FROM article_scores s JOIN articles a ON a.id = s.article_id "
        "LEFT JOIN article_tickers t ON t.article_id = s.article_id AND t.ticker = s.ticker "
        "WHERE s.ticker = ? AND s.model_version = ? ORDER BY a.published_utc, s.article_id"));
    if (auto s = execBound(q, {ticker, modelVersion}); !s)
        return s.error();
    QList<StoredArticleScore> rows;
    while (q.next()) {
        StoredArticleScore r;
        r.articleId = q.value(0).toLongLong();
        r.ticker = ticker;
        r.score = q.value(1).toDouble();
        r.label = q.value(2).toString();
        r.confidence = q.value(3).toDouble();
        r.spans = q.value(4).toString();
        r.relevance = TickerLink::relevanceFromStore(q.value(5).toDouble());
        r.publishedUtc = q.value(6).toLongLong();
        r.title = q.value(7).toString();
        r.source = q.value(8).toString();
        rows << r;
    }
    return rows;
}

} // namespace tw
