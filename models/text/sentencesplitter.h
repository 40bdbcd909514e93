#pragma once

#include <QList>
#include <QString>
#include <QStringView>
#include <QVarLengthArray>

namespace tw {

// A sentence as a span of the text it came from, so highlights and event
// sources can point back into the article.
struct SentenceSpan {
    qsizetype start = 0;
    qsizetype length = 0;
};

// Splits news prose into sentences: on . ! ? followed by space and a capital,
// digit or quote, and always on blank lines; not after abbreviations (Inc.,
// Corp., U.S., Mr.), inside numbers (5.2, $1.5bn) or initials.
class SentenceSplitter {
public:
    static QList<SentenceSpan> split(QStringView text);
    // The same spans into inline storage: no allocation for a text of a few sentences.
    using Spans = QVarLengthArray<SentenceSpan, 8>;
    static void split(QStringView text, Spans &into);
};

} // namespace tw
