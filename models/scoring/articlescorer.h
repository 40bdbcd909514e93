#pragma once

#include "models/domain/article.h"
#include "models/linking/entitylinker.h"
#include "models/sentiment/headlinemodel.h"
#include "models/sentiment/sentimentscorer.h"

#include <QList>
#include <QString>

namespace tw {

// A phrase that drove an article's score for one company, located in the
// article field it came from (the reader highlights it there).
struct ArticleSpan {
    ArticleField field = ArticleField::Body;
    qint32 start = 0;
    qint32 length = 0;
    double weight = 0;
    QString text;
};

struct ArticleScore {
    QString ticker;
    double score = 0;        // in [-1, 1]
    SentimentLabel label = SentimentLabel::Neutral;
    double confidence = 0;   // in [0, 1]
    int sentences = 0;       // sentences that were read for this company
    QList<ArticleSpan> spans;
};

// Scores an article once per company it is linked to: the title, plus the
// sentences that name the company (or, when none does, the lead), each scored
// by the SentimentScorer and weighted by where it sits and how sure it is.
// The title is a headline: with a HeadlineModel it is labelled by that model.
class ArticleScorer {
public:
    ArticleScorer(const SentimentScorer &sentences, const EntityLinker &linker,
                  const HeadlineModel *headlines = nullptr);

    QList<ArticleScore> score(const Article &article, const QList<TickerLink> &links) const;

    // [{"field":"title","length":12,"start":0,"text":"...","weight":0.8}]:
    // the bytes QJsonDocument::toJson(Compact) writes for them (keys sorted,
    // weight rounded to 3 decimals), written directly, in UTF-8.
    static QByteArray spansJsonUtf8(const QList<ArticleSpan> &spans);
    static QString spansJson(const QList<ArticleSpan> &spans);

private:
    const SentimentScorer &m_sentences;
    const EntityLinker &m_linker;
    const HeadlineModel *m_headlines;
};

QString articleFieldName(ArticleField field);

} // namespace tw
