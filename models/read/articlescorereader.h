#pragma once

#include "models/core/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace tw {

// A phrase that moved a score: character offsets into one field of the
// article (title, summary or body) and its signed weight.
struct ScoreSpan {
    QString field = QStringLiteral("body");
    int start = 0;
    int end = 0;
    double weight = 0;
    QString text; // the phrase as the scorer saw it, when it says
};

struct ArticleTickerScore {
    QString ticker;
    double relevance = 0;
    bool scored = false;
    double score = 0;
    QString label;
    double confidence = 0;
    QString modelVersion;
    QList<ScoreSpan> spans;
};

// The per-ticker scores of one article, for the reader.
class ArticleScoreReader {
public:
    explicit ArticleScoreReader(QSqlDatabase db);

    // One entry per linked ticker (scored or not) and per scored ticker, most
    // relevant first; the newest model version's score when there are several.
    Result<QList<ArticleTickerScore>> scores(qint64 articleId) const;

    // Reads article_scores.spans. Accepts [{"start":..,"end":..,"weight":..}]
    // with optional "field" and "text" (and "length" instead of "end").
    static QList<ScoreSpan> parseSpans(const QString &json);

private:
    QSqlDatabase m_db;
};

} // namespace tw
