#include "models/read/articlescorereader.h"

#include "models/linking/entitylinker.h"
#include "models/store/sqlexec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

namespace tw {

ArticleScoreReader::ArticleScoreReader(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QList<ScoreSpan> ArticleScoreReader::parseSpans(const QString &json)
{
    QList<ScoreSpan> spans;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    const QJsonArray array = doc.isObject() ? doc.object().value(QStringLiteral("spans")).toArray() : doc.array();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        ScoreSpan s;
        if (o.contains(QStringLiteral("field")))
            s.field = o.value(QStringLiteral("field")).toString();
        s.start = o.value(QStringLiteral("start")).toInt(-1);
        s.end = o.contains(QStringLiteral("end")) ? o.value(QStringLiteral("end")).toInt(-1)
                                                  : s.start + o.value(QStringLiteral("length")).toInt(0);
        s.weight = o.contains(QStringLiteral("weight")) ? o.value(QStringLiteral("weight")).toDouble()
                                                        : o.value(QStringLiteral("score")).toDouble();
        s.text = o.contains(QStringLiteral("text")) ? o.value(QStringLiteral("text")).toString()
                                                    : o.value(QStringLiteral("phrase")).toString();
        if ((s.start >= 0 && s.end > s.start) || !s.text.isEmpty())
            spans << s;
    }
    return spans;
}

Result<QList<ArticleTickerScore>> ArticleScoreReader::scores(qint64 articleId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(R"(
        SELECT k.ticker, coalesce(at.relevance, 0), s.score, s.label, s.confidence, s.model_version, s.spans
        FROM (SELECT ticker FROM article_tickers WHERE article_id = :a
              UNION SELECT ticker FROM article_scores WHERE article_id = :a) k
        LEFT JOIN article_tickers at ON at.article_id = :a AND at.ticker = k.ticker
        LEFT JOIN article_scores s ON s.article_id = :a AND s.ticker = k.ticker
          AND s.scored_utc = (SELECT max(scored_utc) FROM article_scores
                              WHERE article_id = :a AND ticker = k.ticker)
        ORDER BY coalesce(at.relevance, 0) DESC, k.ticker)"));
    q.bindValue(QStringLiteral(":a"), articleId);
    if (!q.exec())
        return fail(describeSqlError(QStringLiteral("Article scores read failed"), q));
    QList<ArticleTickerScore> out;
    while (q.next()) {
        if (!out.isEmpty() && out.last().ticker == q.value(0).toString())
            continue; // two model versions scored at the same instant: keep one
        ArticleTickerScore s;
        s.ticker = q.value(0).toString();
        s.relevance = TickerLink::relevanceFromStore(q.value(1).toDouble());
        s.scored = !q.value(2).isNull();
        s.score = q.value(2).toDouble();
        s.label = q.value(3).toString();
        s.confidence = q.value(4).toDouble();
        s.modelVersion = q.value(5).toString();
        s.spans = parseSpans(q.value(6).toString());
        out << s;
    }
    return out;
}

} // namespace tw
