#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace tw {

// A word of a text as entity linking sees it: letters and figures, with
// inner '.', '&' and apostrophes kept ("Amazon.com", "AT&T", "U.S", "COST.O");
// a possessive "'s" is split off into a flag, hyphens split words.
// The token's strings are views: `text` into the tokenized text, `lower` into
// its TokenizedText; neither outlives them.
struct TextToken {
    qsizetype start = 0;        // in the text
    qsizetype length = 0;       // without the possessive
    QStringView text;
    QStringView lower;
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
    // What TextToken::lower views: the text with its tokens in lower case
    // (other characters as they were), and the few lower cases longer than their word.
    QString folded;
    QList<QString> longerFolds;
};

class TextTokenizer {
public:
    // The result views `text`: keep the text alive and unchanged while it is used.
    static TokenizedText tokenize(QStringView text);
};

// A QString over a view's characters without copying them, to look a word up
// in a QHash or QSet of QString keys (Qt 6.4's take no QStringView) without
// an allocation per word. Use it for the lookup only: it must not outlive the view.
inline QString lookupKey(QStringView word)
{
    return QString::fromRawData(word.data(), word.size());
}

} // namespace tw
