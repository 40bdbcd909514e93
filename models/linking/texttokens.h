#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace tw {

// A word of a text as entity linking sees it: letters and figures, with
// inner '.', '&' and apostrophes kept ("Amazon.com", "AT&T", "U.S", "COST.O");
// a possessive "'s" is split off into a flag, hyphens split words.
struct TextToken {
    qsizetype start = 0;        // in the text
    qsizetype length = 0;       // without the possessive
    QString text;
    QString lower;
    int sentence = 0;           // index of the sentence it is in
    bool sentenceStart = false; // first word of its sentence
    bool possessive = false;    // "Meta's", "Amazon’s"
    bool hyphenBefore = false;  // joined to the previous word by '-' ("Meta-owned")
    bool hyphenAfter = false;
    bool capitalized = false;   // first letter upper case
    bool allCaps = false;       // every letter upper case, at least one letter
};

// The tokens of a text and what kind of text it is, per sentence: headlines
// in Title Case or ALL CAPS say nothing by their capitals.
struct TokenizedText {
    QList<TextToken> tokens;
    QList<bool> titleCase;      // per sentence
    QList<bool> capitals;       // per sentence: mostly all-caps words
};

class TextTokenizer {
public:
    static TokenizedText tokenize(QStringView text);
};

} // namespace tw
