#pragma once

#include <QStringView>
#include <QVarLengthArray>

namespace tw {

// Where a word occurs in a text as a whole word: what the pattern
// "(?<![\w])word(?![\w])" (the word escaped) finds with
// QRegularExpression::globalMatch, without compiling a pattern per word.
// - \w is [0-9A-Za-z_]: QRegularExpression leaves out PCRE2's UCP option
//   unless asked (UseUnicodePropertiesOption), so any other character, an
//   accented letter or half of a surrogate pair included, is a boundary.
// - The word is compared unit for unit, case-sensitively; a search goes on
//   after the end of a hit (hits never overlap) and one unit after a miss.
// - A text or word that is not valid UTF-16 (a lone surrogate) has no hits:
//   PCRE2 rejects such a subject, and such a pattern does not compile.
class WholeWordSearch {
public:
    struct Hit {
        qsizetype start = 0;
        qsizetype length = 0;
    };
    using Hits = QVarLengthArray<Hit, 4>;

    // `word` must not be empty (the pattern would match between characters).
    static Hits all(QStringView text, QStringView word);

    // A character of \w as the pattern above reads it.
    static constexpr bool isWordUnit(char16_t u)
    {
        return (u >= u'0' && u <= u'9') || (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || u == u'_';
    }
};

} // namespace tw
