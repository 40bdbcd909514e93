#include "models/scoring/articlescorer.h"

#include "models/text/sentencesplitter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace tw {

namespace {

constexpr double kTitleWeight = 2.0;       // a headline states the story's verdict
constexpr double kMentionWeight = 1.0;     // a sentence that names the company
constexpr double kLeadWeight = 0.6;        // an opening sentence, when none names it
constexpr double kSilentWeight = 0.35;     // a sentence with no sentiment evidence still dilutes a little
constexpr int kLeadSentences = 2;
constexpr int kMaxSpans = 12;
constexpr double kLabelThreshold = 0.15;   // article means are damped by neutral sentences

struct ScoredSentence {
    ArticleField field;
    qsizetype start;
    qsizetype length;
    SentenceSentiment sentiment;
    QStringList tickers;   // companies it names
    bool lead = false;
};

void scoreField(const SentimentScorer &scorer, const HeadlineModel *headlines, const EntityLinker &linker,
                ArticleField field, const QString &text, QList<ScoredSentence> &out)
{
    if (text.trimmed().isEmpty())
        return;
    const QList<EntityMention> mentions = linker.mentions(text);
    const QList<SentenceSpan> spans = field == ArticleField::Title ? QList<SentenceSpan>{{0, text.size()}}
                                                                   : SentenceSplitter::split(text);
    int index = 0;
    for (const SentenceSpan &span : spans) {
        const QStringView sentence = QStringView(text).mid(span.start, span.length);
        ScoredSentence s{field, span.start, span.length,
                         field == ArticleField::Title && headlines ? headlines->score(scorer, sentence)
                                                                   : scorer.score(sentence),
                         {}, field != ArticleField::Title && index < kLeadSentences};
        for (const EntityMention &m : mentions)
            if (m.start >= span.start && m.start < span.start + span.length && !s.tickers.contains(m.ticker))
                s.tickers << m.ticker;
        out << s;
        ++index;
    }
}

const QString &fieldText(const Article &article, ArticleField field)
{
    switch (field) {
    case ArticleField::Title: return article.title;
    case ArticleField::Summary: return article.summary;
    case ArticleField::Body: break;
    }
    return article.body;
}

} // namespace

QString articleFieldName(ArticleField field)
{
    switch (field) {
    case ArticleField::Title: return QStringLiteral("title");
    case ArticleField::Summary: return QStringLiteral("summary");
    case ArticleField::Body: break;
    }
    return QStringLiteral("body");
}

ArticleScorer::ArticleScorer(const SentimentScorer &sentences, const EntityLinker &linker,
                             const HeadlineModel *headlines)
    : m_sentences(sentences), m_linker(linker), m_headlines(headlines)
{
}

QList<ArticleScore> ArticleScorer::score(const Article &article, const QList<TickerLink> &links) const
{
    QList<ScoredSentence> sentences;
    scoreField(m_sentences, m_headlines, m_linker, ArticleField::Title, article.title, sentences);
    scoreField(m_sentences, m_headlines, m_linker, ArticleField::Summary, article.summary, sentences);
    // A body that repeats the summary would count the same sentences twice.
    if (!article.summary.isEmpty() && article.body.startsWith(article.summary))
        scoreField(m_sentences, m_headlines, m_linker, ArticleField::Body, article.body.mid(article.summary.size()), sentences);
    else
        scoreField(m_sentences, m_headlines, m_linker, ArticleField::Body, article.body, sentences);
    const qsizetype bodyOffset =
        (!article.summary.isEmpty() && article.body.startsWith(article.summary)) ? article.summary.size() : 0;

    QList<ArticleScore> scores;
    for (const TickerLink &link : links) {
        bool named = false;
        for (const ScoredSentence &s : sentences)
            named = named || (s.field != ArticleField::Title && s.tickers.contains(link.ticker));
        double weighted = 0, weights = 0, confidence = 0;
        ArticleScore result;
        result.ticker = link.ticker;
        QList<ArticleSpan> spans;
        for (const ScoredSentence &s : sentences) {
            double w = 0;
            if (s.field == ArticleField::Title)
                w = kTitleWeight;
            else if (s.tickers.contains(link.ticker))
                w = kMentionWeight;
            else if (!named && s.lead)
                w = kLeadWeight;
            // A sentence about another company only is not about this one.
            if (w == 0 || (s.field != ArticleField::Title && !s.tickers.isEmpty() && !s.tickers.contains(link.ticker)))
                continue;
            if (s.sentiment.spans.isEmpty())
                w *= kSilentWeight;
            weighted += w * s.sentiment.score;
            weights += w;
            confidence += w * s.sentiment.confidence;
            ++result.sentences;
            const qsizetype offset = s.start + (s.field == ArticleField::Body ? bodyOffset : 0);
            const QString &text = fieldText(article, s.field);
            for (const SentimentSpan &sp : s.sentiment.spans) {
                ArticleSpan a{s.field, qint32(offset + sp.start), sp.length, sp.weight * w, {}};
                a.text = text.mid(a.start, a.length);
                spans << a;
            }
        }
        if (weights > 0) {
            result.score = std::clamp(weighted / weights, -1.0, 1.0);
            result.confidence = confidence / weights;
        }
        if (result.score >= kLabelThreshold)
            result.label = SentimentLabel::Positive;
        else if (result.score <= -kLabelThreshold)
            result.label = SentimentLabel::Negative;
        std::stable_sort(spans.begin(), spans.end(), [](const ArticleSpan &a, const ArticleSpan &b) {
            return std::abs(a.weight) > std::abs(b.weight);
        });
        result.spans = spans.mid(0, kMaxSpans);
        scores << result;
    }
    return scores;
}

QString ArticleScorer::spansJson(const QList<ArticleSpan> &spans)
{
    QJsonArray array;
    for (const ArticleSpan &s : spans) {
        array.append(QJsonObject{{QStringLiteral("field"), articleFieldName(s.field)},
                                 {QStringLiteral("start"), s.start},
                                 {QStringLiteral("length"), s.length},
                                 {QStringLiteral("weight"), std::round(s.weight * 1000) / 1000},
                                 {QStringLiteral("text"), s.text}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace tw
