#pragma once

#include "models/core/result.h"
#include "models/scoring/articlescorer.h"
#include "models/store/sqlitestatement.h"

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

// An article score as it is written: the spans already in JSON, so the
// costly part of a row can be made where the scoring runs (any thread).
struct ArticleScoreRow {
    QString ticker;
    double score = 0;
    SentimentLabel label = SentimentLabel::Neutral;
    double confidence = 0;
    QByteArray spansJson;   // UTF-8, ArticleScorer::spansJsonUtf8

    static ArticleScoreRow from(const ArticleScore &score);
};

// article_scores: one row per (article, ticker, model version).
class ArticleScoreStore {
public:
    explicit ArticleScoreStore(QSqlDatabase db);

    // Replaces every score of the article (any model version: they described
    // text that may have changed) with `scores` under `modelVersion`.
    Status replace(qint64 articleId, const QString &modelVersion, const QList<ArticleScore> &scores, qint64 scoredUtc);
    Status replace(qint64 articleId, const QString &modelVersion, const QList<ArticleScoreRow> &rows, qint64 scoredUtc);

    // The ticker's scores under `modelVersion`, oldest article first (ties by id).
    Result<QList<StoredArticleScore>> forTicker(const QString &ticker, const QString &modelVersion) const;

private:
    // true when the article had scores before.
    Result<bool> replaceSqlite(qint64 articleId, const QList<ArticleScoreRow> &rows, qint64 scoredUtc);

    QSqlDatabase m_db;
    QSqlQuery m_delete;
    QSqlQuery m_insert;
    // On SQLite the two statements run on the connection itself (see
    // SqliteStatement): binding through QSqlQuery cost more than the writes.
    SqliteStatement m_sqliteOldRows;
    SqliteStatement m_sqliteDelete;
    SqliteStatement m_sqliteUpdate;
    SqliteStatement m_sqliteUpdateVersion;
    SqliteStatement m_sqliteInsert;
    QByteArray m_modelVersionUtf8;
    QString m_modelVersionOfUtf8;
};

} // namespace tw
