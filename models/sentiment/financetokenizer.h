#pragma once

#include <QStringView>
#include <QtGlobal>

#include <vector>

namespace tw {

enum class TokenKind : quint8 {
    Word,       // letters, with inner ' - & ("didn't", "year-on-year", "S&P")
    Number,     // 5.2, 1,050.7, -5 (sign only when written against the digits)
    Currency,   // $ € £ ¥ before a figure
    Cashtag,    // $META: names a company, carries no sentiment
    Punct,      // any other single character
};

// One token as offsets into the text it came from, so spans point back into
// the sentence; words carry a hash of their lower-cased form for lexicon look-up.
struct Token {
    qint32 start = 0;
    qint32 length = 0;
    TokenKind kind = TokenKind::Punct;
    bool boundary = false;      // ends a clause: , ; : . ! ? ( ) and a free-standing dash
    bool percent = false;       // a number followed by % (with or without a space)
    bool signedFigure = false;  // a number written with its own + or - ("-5%")
    quint64 hash = 0;           // words and punctuation: FNV-1a of the lower-cased text
    double value = 0;           // numbers
};

// Splits finance prose into tokens without allocating per token: figures
// ("EUR 5.2 mn", "$115 billion", "9%", "1,050.7", "EUR7 .4 m" as PhraseBank
// writes it) become one Number each, URLs are skipped, cashtags are kept apart
// from words. Deterministic and locale-free.
class FinanceTokenizer {
public:
    // Appends the tokens of `text` to `out` (which is not cleared).
    static void tokenize(QStringView text, std::vector<Token> &out);

    // The hash tokenize() gives a word, for building look-up tables.
    static quint64 hashWord(QStringView word);
};

} // namespace tw
