#pragma once

#include "models/core/result.h"
#include "models/sentiment/sentimentevaluation.h"
#include "models/sentiment/sentimentscorer.h"

#include <QString>

#include <array>
#include <vector>

namespace tw {

// Training knobs, picked by cross-validation on tfns/dev.tsv
// (`tickerwire train-headlines --cv 5`).
struct HeadlineTraining {
    int minCount = 2;          // a feature seen fewer times in training is noise
    int epochs = 12;
    double learningRate = 0.1;
    double l2 = 1e-4;
    bool bigrams = true;
    quint32 seed = 20260101;   // the shuffle of each epoch (a fixed LCG, so runs agree)
};

// A multinomial logistic regression on top of the rules: features are the
// text's words and adjacent word pairs (figures, cashtags and signed
// percentages read as classes: "<num>", "<tag>", "<+%>"), each once, plus
// four dense rule features (the rule score, its magnitude and the positive
// and negative evidence). Trained by our own code (train()) only on data we
// may ship a model of (tfns/dev.tsv, MIT); the weights live in
// resources/sentiment/headline-model.tsv and `tickerwire train-headlines`
// regenerates that file byte for byte.
class HeadlineModel {
public:
    using Scores = std::array<double, 3>;   // indexed by SentimentLabel
    static constexpr size_t kRuleFeatures = 4;

    static Result<HeadlineModel> parse(const QString &tsv);
    static Result<HeadlineModel> loadDefault();
    // The built-in model, loaded once per process.
    static Result<const HeadlineModel *> builtIn();
    // Deterministic: the same sentences, rules and knobs give the same weights.
    static HeadlineModel train(const QList<LabeledSentence> &sentences, const SentimentScorer &rules,
                               const HeadlineTraining &knobs = {});
    // Trains on all folds but one and labels that one, for every fold
    // (sentence i is in fold i % folds): how the knobs generalise.
    static ConfusionMatrix crossValidate(const QList<LabeledSentence> &sentences, const SentimentScorer &rules,
                                         const HeadlineTraining &knobs, int folds);
    QString serialize() const;
    QByteArray serializeUtf8() const;   // serialize() as the file's bytes

    // Class probabilities for a text the rules scored as `rules`.
    Scores probabilities(QStringView text, const SentenceSentiment &rules) const;
    size_t vocabularySize() const { return m_features.size(); }
    // First 8 hex digits of the SHA-256 of the serialized weights.
    // Computed once when the model is complete: every ingest batch names it.
    const QString &digest() const { return m_digest; }

    // A text scored by the rules, then labelled by the model: the label is
    // the likeliest class, the score P(positive) - P(negative), the
    // confidence the winning probability; the spans are the rules' spans.
    SentenceSentiment score(const SentimentScorer &rules, QStringView text) const;

private:
    struct Slot {
        quint64 key = 0;
        qint32 index = -1;   // into m_features
    };
    // The rows of a model file, indexed, without the digest.
    static Result<HeadlineModel> parseRows(const QString &tsv);
    static QString digestOf(const QByteArray &serialized);
    void buildIndex();
    QString computeDigest() const;
    qint32 find(quint64 key) const;

    struct Feature {
        QString text;   // a word, or two separated by a space
        std::array<float, 3> weights{};
    };
    std::vector<Feature> m_features;    // sorted by text
    std::vector<Slot> m_slots;
    QString m_digest;
    std::array<float, 3> m_bias{};
    std::array<std::array<float, 3>, kRuleFeatures> m_rule{};
};

} // namespace tw
