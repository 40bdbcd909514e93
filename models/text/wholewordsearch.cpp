#include "models/text/wholewordsearch.h"

namespace tw {

WholeWordSearch::Hits WholeWordSearch::all(QStringView text, QStringView word)
{
    Hits hits;
    if (word.isEmpty() || word.size() > text.size())
        return hits;
    qsizetype from = 0;
    bool checked = false;   // the text's UTF-16, checked at its first occurrence of the word: most texts have none
    while (true) {
        const qsizetype at = text.indexOf(word, from);
        if (at < 0)
            break;
        if (!checked) {
            if (!text.isValidUtf16() || !word.isValidUtf16())
                return hits;
            checked = true;
        }
        const qsizetype end = at + word.size();
        const bool before = at > 0 && isWordUnit(text[at - 1].unicode());
        const bool after = end < text.size() && isWordUnit(text[end].unicode());
        if (before || after) {
            from = at + 1;
            continue;
        }
        hits.append(Hit{at, word.size()});
        from = end;
    }
    return hits;
}

} // namespace tw
