#include "models/store/articlescorestore.h"

#include "models/linking/entitylinker.h"
#include "models/store/sqldialect.h"
#include "models/store/sqlexec.h"
#include "models/store/storechangenotifier.h"

namespace tw {

namespace {
const char *const kDeleteSql = "DELETE FROM article_scores WHERE article_id = ?";
const char *const kInsertSql = "INSERT INTO article_scores (article_id, ticker, model_version, score, label, "
                               "confidence, spans, scored_utc) VALUES (?,?,?,?,?,?,?,?)";
} // namespace

ArticleScoreRow ArticleScoreRow::from(const ArticleScore &score)
{
    return {score.ticker, score.score, score.label, score.confidence, ArticleScorer::spansJsonUtf8(score.spans)};
}

ArticleScoreStore::ArticleScoreStore(QSqlDatabase db) : m_db(db), m_delete(db), m_insert(db)
{
    if (dialectOf(m_db) == SqlDialect::Sqlite) {
        auto deleting = SqliteStatement::prepare(m_db, kDeleteSql);
        auto inserting = SqliteStatement::prepare(m_db, kInsertSql);
        if (deleting && inserting) {
            m_sqliteDelete = std::move(*deleting);
            m_sqliteInsert = std::move(*inserting);
            return;
        }
    }
    m_delete.prepare(QLatin1String(kDeleteSql));
    m_insert.prepare(QLatin1String(kInsertSql));
}

Status ArticleScoreStore::replace(qint64 articleId, const QString &modelVersion, const QList<ArticleScore> &scores,
                                  qint64 scoredUtc)
{
    QList<ArticleScoreRow> rows;
    rows.reserve(scores.size());
    for (const ArticleScore &a : scores)
        rows << ArticleScoreRow::from(a);
    return replace(articleId, modelVersion, rows, scoredUtc);
}

Status ArticleScoreStore::replace(qint64 articleId, const QString &modelVersion, const QList<ArticleScoreRow> &rows,
                                  qint64 scoredUtc)
{
    bool hadScores = false;
    if (m_sqliteDelete.isPrepared()) {
        m_sqliteDelete.bind(1, articleId);
        if (auto done = m_sqliteDelete.step(); !done)
            return fail(QStringLiteral("Could not replace the scores of article %1: %2").arg(articleId).arg(done.errorMessage()));
        hadScores = m_sqliteDelete.changes() > 0;
        if (modelVersion != m_modelVersionOfUtf8) {
            m_modelVersionOfUtf8 = modelVersion;
            m_modelVersionUtf8 = modelVersion.toUtf8();
        }
        for (const ArticleScoreRow &a : rows) {
            // As QSqlQuery bound them: text, a real, text, a real, text, an integer.
            m_sqliteInsert.bind(1, articleId);
            m_sqliteInsert.bind(2, a.ticker);
            m_sqliteInsert.bindUtf8(3, m_modelVersionUtf8);
            m_sqliteInsert.bind(4, a.score);
            m_sqliteInsert.bind(5, sentimentLabelName(a.label));
            m_sqliteInsert.bind(6, a.confidence);
            m_sqliteInsert.bindUtf8(7, a.spansJson);
            m_sqliteInsert.bind(8, scoredUtc);
            if (auto done = m_sqliteInsert.step(); !done)
                return fail(QStringLiteral("Could not store the scores of article %1: %2").arg(articleId).arg(done.errorMessage()));
        }
    } else {
        if (auto s = execBound(m_delete, {articleId}); !s)
            return s;
        hadScores = m_delete.numRowsAffected() > 0;
        for (const ArticleScoreRow &a : rows) {
            if (auto s = execBound(m_insert, {articleId, a.ticker, modelVersion, a.score, sentimentLabelName(a.label),
                                              a.confidence, QString::fromUtf8(a.spansJson), scoredUtc});
                !s)
                return s;
        }
    }
    if (!hadScores && rows.isEmpty())
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
