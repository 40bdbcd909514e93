#pragma once

#include "models/core/result.h"
#include "models/sentiment/sentimentevaluation.h"
#include "models/sentiment/sentimentscorer.h"

#include <QString>

#include <array>
#include <vector>

namespace tw {

// A small multinomial logistic regression for headlines, on top of the rules:
// features are the headline's words (lower-cased, each once) plus the rule
// score and its magnitude. Trained by our own code (train()) only on data we
// may ship a model of (tfns/dev.tsv, MIT); the weights live in
// resources/sentiment/headline-model.tsv and `tickerwire train-headlines`
// regenerates that file byte for byte. Headlines only: news prose is scored by
// the rules alone (on PhraseBank prose this model does worse than the rules).
class HeadlineModel {
public:
    using Scores = std::array<double, 3>;   // indexed by SentimentLabel

    static Result<HeadlineModel> parse(const QString &tsv);
    static Result<HeadlineModel> loadDefault();
    // The built-in model, loaded once per process.
    static Result<const HeadlineModel *> builtIn();
    // Deterministic: the same sentences and rules give the same weights.
    static HeadlineModel train(const QList<LabeledSentence> &sentences, const SentimentScorer &rules);
    QString serialize() const;

    // Class probabilities for a headline whose rule score is `ruleScore`.
    Scores probabilities(QStringView headline, double ruleScore) const;
    size_t vocabularySize() const { return m_words.size(); }
    // First 8 hex digits of the SHA-256 of the serialized weights.
    // Computed once when the model is complete: every ingest batch names it.
    const QString &digest() const { return m_digest; }

    // A headline scored by the rules, then labelled by the model: the label
    // is the likeliest class, the score P(positive) - P(negative), the
    // confidence the winning probability; the spans are the rules' spans.
    SentenceSentiment score(const SentimentScorer &rules, QStringView headline) const;

private:
    struct Slot {
        quint64 key = 0;
        qint32 index = -1;   // into m_words
    };
    void buildIndex();
    QString computeDigest() const;
    qint32 find(quint64 key) const;

    struct Word {
        QString text;
        std::array<float, 3> weights{};
    };
    std::vector<Word> m_words;    // sorted by text
    std::vector<Slot> m_slots;
    QString m_digest;
    std::array<float, 3> m_bias{};
    std::array<float, 3> m_rule{};
    std::array<float, 3> m_ruleMagnitude{};
};

} // namespace tw
