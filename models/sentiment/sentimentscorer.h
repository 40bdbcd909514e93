#pragma once

#include "models/core/result.h"
#include "models/sentiment/sentimentlexicon.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <cmath>
#include <optional>

namespace tw {

enum class SentimentLabel : quint8 { Negative, Neutral, Positive };

QString sentimentLabelName(SentimentLabel label);   // "negative", "neutral", "positive"
std::optional<SentimentLabel> parseSentimentLabel(QStringView name);

// A phrase that moved a sentence's score, as offsets into the sentence.
struct SentimentSpan {
    qint32 start = 0;
    qint32 length = 0;
    double weight = 0;   // its signed contribution before normalisation
};

struct SentenceSentiment {
    SentimentLabel label = SentimentLabel::Neutral;
    double score = 0;        // in (-1, 1); negative is bearish
    double confidence = 0;   // in [0, 1]: how sure the label is
    QList<SentimentSpan> spans;
};

// The knobs that turn evidence into a label, tuned on the dev splits only.
struct SentimentTuning {
    double saturation = 1.2;          // score = raw / sqrt(raw^2 + saturation)
    double positiveThreshold = 0.40;
    double negativeThreshold = 0.35;
};

// Scores one sentence of finance news with rules over our lexicon:
// polar phrases ("beat estimates"), changes read against the metric they move
// ("net loss narrowed" +, "costs increased" -), changes read from figures
// ("to EUR 5 mn from EUR 8 mn"), negation, intensifiers, hedges and contrast.
// Deterministic and thread-safe (scratch buffers are per thread).
class SentimentScorer {
public:
    explicit SentimentScorer(SentimentLexicon lexicon, SentimentTuning tuning = {});
    static Result<SentimentScorer> createDefault();
    // The built-in scorer, loaded once per process (the lexicon takes a few
    // milliseconds to index); an error if the compiled-in lexicon is broken.
    static Result<const SentimentScorer *> builtIn();

    SentenceSentiment score(QStringView sentence) const;
    // The score a sum of phrase weights gives (what score() does to its total).
    double normalise(double total) const { return total / std::sqrt(total * total + m_tuning.saturation); }

    // Names the rules and the lexicon, so stored scores from another model are
    // never mixed with this one's.
    QString modelVersion() const;
    const SentimentLexicon &lexicon() const { return m_lexicon; }

private:
    SentimentLexicon m_lexicon;
    SentimentTuning m_tuning;
};

} // namespace tw
