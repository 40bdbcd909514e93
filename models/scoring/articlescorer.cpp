#include "models/scoring/articlescorer.h"

#include "models/sentiment/targetattributor.h"
#include "models/text/sentencesplitter.h"

#include <QHash>
#include <QLocale>

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
    QList<TargetSentiment> targets;   // what it says about each, when it names two or more
};

// A run of text with no sentence end (a table, a dump with no punctuation)
// is read in pieces of at most this many characters, cut at a space: the
// sentence scorer's work grows faster than linearly within one sentence.
constexpr qsizetype kMaxSentenceLength = 1000;

QList<SentenceSpan> boundedSentences(QStringView text)
{
    QList<SentenceSpan> spans;
    for (const SentenceSpan &span : SentenceSplitter::split(text)) {
        qsizetype start = span.start;
        const qsizetype end = span.start + span.length;
        while (end - start > kMaxSentenceLength) {
            qsizetype cut = start + kMaxSentenceLength;
            while (cut > start + kMaxSentenceLength / 2 && !text[cut].isSpace())
                --cut;
            if (!text[cut].isSpace())
                cut = start + kMaxSentenceLength;
            spans << SentenceSpan{start, cut - start};
            start = cut;
            while (start < end && text[start].isSpace())
                ++start;
        }
        if (end > start)
            spans << SentenceSpan{start, end - start};
    }
    return spans;
}

void scoreField(const SentimentScorer &scorer, const HeadlineModel *headlines, const EntityLinker &linker,
                const TargetAttributor &targets, ArticleField field, const QString &text, QList<ScoredSentence> &out)
{
    if (text.trimmed().isEmpty())
        return;
    // Mentions and sentences both come in text order: one walk pairs them,
    // so the work is linear in the text (it was sentences x mentions).
    const QList<EntityMention> mentions = linker.mentions(text);
    const QList<SentenceSpan> spans = field == ArticleField::Title ? QList<SentenceSpan>{{0, text.size()}}
                                                                   : boundedSentences(text);
    qsizetype next = 0;
    int index = 0;
    for (const SentenceSpan &span : spans) {
        const QStringView sentence = QStringView(text).mid(span.start, span.length);
        ScoredSentence s{field, span.start, span.length,
                         field == ArticleField::Title && headlines ? headlines->score(scorer, sentence)
                                                                   : scorer.score(sentence),
                         {}, field != ArticleField::Title && index < kLeadSentences, {}};
        while (next < mentions.size() && mentions[next].start < span.start)
            ++next;
        QList<TargetMention> named;
        for (; next < mentions.size() && mentions[next].start < span.start + span.length; ++next) {
            const EntityMention &m = mentions[next];
            named << TargetMention{m.ticker, m.start - span.start, m.length};
            if (!s.tickers.contains(m.ticker))
                s.tickers << m.ticker;
        }
        // A sentence about two or more companies says something about each.
        if (s.tickers.size() >= 2)
            s.targets = targets.attribute(sentence, s.sentiment, named);
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
    const TargetAttributor targets(m_sentences);
    QList<ScoredSentence> sentences;
    scoreField(m_sentences, m_headlines, m_linker, targets, ArticleField::Title, article.title, sentences);
    scoreField(m_sentences, m_headlines, m_linker, targets, ArticleField::Summary, article.summary, sentences);
    // A body that repeats the summary would count the same sentences twice.
    if (!article.summary.isEmpty() && article.body.startsWith(article.summary))
        scoreField(m_sentences, m_headlines, m_linker, targets, ArticleField::Body, article.body.mid(article.summary.size()), sentences);
    else
        scoreField(m_sentences, m_headlines, m_linker, targets, ArticleField::Body, article.body, sentences);
    const qsizetype bodyOffset =
        (!article.summary.isEmpty() && article.body.startsWith(article.summary)) ? article.summary.size() : 0;

    // Which sentences each company is read from, found in one pass: the
    // title, the sentences that name it, or (when none does) the lead
    // sentences that name no other company.
    QList<qsizetype> titles, leads;
    QHash<QString, QList<qsizetype>> naming;
    for (qsizetype i = 0; i < sentences.size(); ++i) {
        const ScoredSentence &s = sentences[i];
        if (s.field == ArticleField::Title)
            titles << i;
        else if (!s.tickers.isEmpty())
            for (const QString &t : s.tickers)
                naming[t] << i;
        else if (s.lead)
            leads << i;
    }

    QList<ArticleScore> scores;
    for (const TickerLink &link : links) {
        const auto namedIn = naming.constFind(link.ticker);
        const bool named = namedIn != naming.cend();
        double weighted = 0, weights = 0, confidence = 0;
        ArticleScore result;
        result.ticker = link.ticker;
        struct Candidate {
            qsizetype sentence;
            qsizetype span;
            double weight;
            const QList<SentimentSpan> *spans;
        };
        std::vector<Candidate> candidates;
        auto read = [&](qsizetype index, double w) {
            const ScoredSentence &s = sentences[index];
            double score = s.sentiment.score;
            const QList<SentimentSpan> *spans = &s.sentiment.spans;
            for (const TargetSentiment &t : s.targets) {
                if (t.ticker == link.ticker) {   // the sentence names others too: its verdict on this one
                    score = t.score;
                    spans = &t.spans;
                }
            }
            if (spans->isEmpty())
                w *= kSilentWeight;
            weighted += w * score;
            weights += w;
            confidence += w * s.sentiment.confidence;
            ++result.sentences;
            for (qsizetype k = 0; k < spans->size(); ++k)
                candidates.push_back(Candidate{index, k, (*spans)[k].weight * w, spans});
        };
        // A title that names only other companies is about them.
        for (qsizetype i : std::as_const(titles))
            if (sentences[i].tickers.isEmpty() || sentences[i].tickers.contains(link.ticker))
                read(i, kTitleWeight);
        if (named)
            for (qsizetype i : *namedIn)
                read(i, kMentionWeight);
        else
            for (qsizetype i : std::as_const(leads))
                read(i, kLeadWeight);
        if (weights > 0) {
            result.score = std::clamp(weighted / weights, -1.0, 1.0);
            result.confidence = confidence / weights;
        }
        if (result.score >= kLabelThreshold)
            result.label = SentimentLabel::Positive;
        else if (result.score <= -kLabelThreshold)
            result.label = SentimentLabel::Negative;
        // The strongest phrases, earlier ones first among equals.
        const size_t keep = std::min(candidates.size(), size_t(kMaxSpans));
        std::partial_sort(candidates.begin(), candidates.begin() + qsizetype(keep), candidates.end(),
                          [](const Candidate &a, const Candidate &b) {
                              if (std::abs(a.weight) != std::abs(b.weight))
                                  return std::abs(a.weight) > std::abs(b.weight);
                              return a.sentence != b.sentence ? a.sentence < b.sentence : a.span < b.span;
                          });
        for (size_t k = 0; k < keep; ++k) {
            const Candidate &c = candidates[k];
            const ScoredSentence &s = sentences[c.sentence];
            const SentimentSpan &sp = (*c.spans)[c.span];
            const qsizetype offset = s.start + (s.field == ArticleField::Body ? bodyOffset : 0);
            ArticleSpan a{s.field, qint32(offset + sp.start), sp.length, c.weight, {}};
            a.text = fieldText(article, s.field).mid(a.start, a.length);
            result.spans << a;
        }
        scores << result;
    }
    return scores;
}

namespace {
// A JSON string as QJsonDocument writes it: quote, backslash and control
// characters escaped (\b \f \n \r \t or \u00XX), everything else in UTF-8,
// a surrogate without its pair as \uXXXX.
void appendJsonString(QByteArray &json, QStringView text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    json += '"';
    const char16_t *p = text.utf16();
    const char16_t *const end = p + text.size();
    while (p != end) {
        const char16_t u = *p++;
        if (u < 0x80) {
            if (u >= 0x20 && u != '"' && u != '\\') {
                json += char(u);
                continue;
            }
            json += '\\';
            switch (u) {
            case '"': json += '"'; break;
            case '\\': json += '\\'; break;
            case 0x8: json += 'b'; break;
            case 0xc: json += 'f'; break;
            case 0xa: json += 'n'; break;
            case 0xd: json += 'r'; break;
            case 0x9: json += 't'; break;
            default:
                json += "u00";
                json += kHex[u >> 4];
                json += kHex[u & 0xf];
            }
        } else if (u < 0x800) {
            json += char(0xC0 | (u >> 6));
            json += char(0x80 | (u & 0x3F));
        } else if (!QChar::isSurrogate(u)) {
            json += char(0xE0 | (u >> 12));
            json += char(0x80 | ((u >> 6) & 0x3F));
            json += char(0x80 | (u & 0x3F));
        } else if (QChar::isHighSurrogate(u) && p != end && QChar::isLowSurrogate(*p)) {
            const char32_t c = QChar::surrogateToUcs4(u, *p++);
            json += char(0xF0 | (c >> 18));
            json += char(0x80 | ((c >> 12) & 0x3F));
            json += char(0x80 | ((c >> 6) & 0x3F));
            json += char(0x80 | (c & 0x3F));
        } else {
            json += "\\u";
            json += kHex[(u >> 12) & 0xf];
            json += kHex[(u >> 8) & 0xf];
            json += kHex[(u >> 4) & 0xf];
            json += kHex[u & 0xf];
        }
    }
    json += '"';
}
} // namespace

QByteArray ArticleScorer::spansJsonUtf8(const QList<ArticleSpan> &spans)
{
    // Written by hand: building QJsonObjects cost as much as scoring the
    // article. tst_articlescorer compares the bytes with QJsonDocument's.
    QByteArray json;
    json.reserve(2 + spans.size() * 96);
    json += '[';
    for (qsizetype i = 0; i < spans.size(); ++i) {
        const ArticleSpan &s = spans.at(i);
        if (i > 0)
            json += ',';
        json += "{\"field\":";
        appendJsonString(json, articleFieldName(s.field));
        json += ",\"length\":";
        json += QByteArray::number(s.length);
        json += ",\"start\":";
        json += QByteArray::number(s.start);
        json += ",\"text\":";
        appendJsonString(json, s.text);
        json += ",\"weight\":";
        const double weight = std::round(s.weight * 1000) / 1000;
        json += std::isfinite(weight) ? QByteArray::number(weight, 'g', QLocale::FloatingPointShortest)
                                      : QByteArray("null");
        json += '}';
    }
    json += ']';
    return json;
}

QString ArticleScorer::spansJson(const QList<ArticleSpan> &spans)
{
    return QString::fromUtf8(spansJsonUtf8(spans));
}

} // namespace tw
