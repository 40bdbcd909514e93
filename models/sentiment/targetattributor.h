#pragma once

#include "models/sentiment/sentimentscorer.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace tw {

// A company named in a sentence, as offsets into that sentence.
struct TargetMention {
    QString ticker;
    qsizetype start = 0;
    qsizetype length = 0;
};

// What one sentence says about one company it names.
struct TargetSentiment {
    QString ticker;
    double score = 0;      // in (-1, 1)
    double share = 1;      // 1 for a company the sentence is about; less for one in a list of many
    QList<SentimentSpan> spans;   // the phrases that were about it
};

// Splits a sentence's verdict among the companies it names: each phrase goes
// to the company it is about — the one in its clause (before it, else after
// it), else the subject carried from an earlier clause — so "Meta gains share
// as Google's ad sales stumble" is good for Meta and bad for Alphabet.
// A company after "from", "over", "than", "against" or a rivalry verb
// ("Microsoft beat Amazon") gets the opposite of that phrase. Companies
// listed together ("Apple, Nvidia, Tesla and Microsoft rose") share the
// phrase, each moved less the longer the list.
class TargetAttributor {
public:
    explicit TargetAttributor(const SentimentScorer &scorer) : m_scorer(scorer) {}

    // One entry per distinct ticker of `mentions` (in order of first mention).
    QList<TargetSentiment> attribute(QStringView sentence, const SentenceSentiment &sentiment,
                                     const QList<TargetMention> &mentions) const;

private:
    const SentimentScorer &m_scorer;
};

} // namespace tw
