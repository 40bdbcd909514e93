#pragma once

#include "models/domain/article.h"

namespace tw {

// The part of an article that the analysis stages read (company linking,
// sentence scoring, event extraction). Their work grows with the text, and a
// fetched item may be as large as the fetch cap (20 MiB): one such item held
// the write transaction for over an hour. Real news items, press releases and
// 8-K texts are far below 200,000 characters (about 30,000 words), so the
// cap changes nothing for them. The store keeps the whole text (search and
// the reader see all of it); only the analysis reads a bounded prefix.
class ArticleBounds {
public:
    static constexpr qsizetype kMaxAnalysedChars = 200000;

    // `article` with title, summary and body cut, in that order, so that the
    // three together hold at most `maxChars` characters; a field after a cut
    // one is left empty. ArticleText::compose() of the result is then a prefix
    // of the whole article's, so offsets into it (score spans, event sources)
    // hold for the stored text too. The cut falls on a space where there is
    // one near the limit, never inside a surrogate pair.
    static Article analysedPart(const Article &article, qsizetype maxChars = kMaxAnalysedChars);
    static bool isCut(const Article &article, qsizetype maxChars = kMaxAnalysedChars);
};

} // namespace tw
