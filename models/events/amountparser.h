#pragma once

#include "models/events/eventtypes.h"

#include <QList>
#include <QStringView>

namespace tw {

class KeywordScreen;

// A figure found in a sentence, with where it was.
struct AmountMention {
    EventAmount amount;
    qsizetype start = 0;
    qsizetype length = 0;
};

// Reads money figures and ranges as news prose writes them: "$115 billion to
// $135 billion", "between 115 and 135 billion dollars", "$115B-$135B",
// "$115bn–$135bn", "USD 2.5 million", "€3bn", "EUR 40 mn"; and percentages
// ("nearly 9%", "5 percent"). A bare number without a currency is not money,
// so years, scores and counts are never read as amounts.
class AmountParser {
public:
    static QList<AmountMention> money(QStringView sentence);
    static QList<AmountMention> percentages(QStringView sentence);
    // False when the text names no currency at all, so money() finds nothing.
    static bool mayMentionMoney(const KeywordScreen &screen);
};

} // namespace tw
