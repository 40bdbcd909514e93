#pragma once

#include "models/core/result.h"
#include "models/sentiment/sentimentscorer.h"

#include <QList>
#include <QString>

#include <array>

namespace tw {

struct LabeledSentence {
    SentimentLabel label = SentimentLabel::Neutral;
    QString text;
};

// Reads `label<TAB>sentence` lines (labels positive/negative/neutral; blank
// lines skipped). A malformed line is an error naming its line number.
Result<QList<LabeledSentence>> parseLabeledSentences(const QString &tsv);

// Counts of gold label (row) against predicted label (column), and the
// figures derived from them. Indices follow SentimentLabel.
class ConfusionMatrix {
public:
    void add(SentimentLabel gold, SentimentLabel predicted) { ++m_counts[size_t(gold)][size_t(predicted)]; }
    qint64 count(SentimentLabel gold, SentimentLabel predicted) const { return m_counts[size_t(gold)][size_t(predicted)]; }
    qint64 total() const;
    qint64 support(SentimentLabel gold) const;
    double accuracy() const;
    double precision(SentimentLabel label) const;   // 0 when nothing was predicted as label
    double recall(SentimentLabel label) const;
    double f1(SentimentLabel label) const;
    double macroF1() const;                          // mean F1 over the three classes

private:
    std::array<std::array<qint64, 3>, 3> m_counts{};
};

} // namespace tw
