#pragma once

#include "models/domain/article.h"
#include "models/linking/entitylinker.h"

#include <QString>

namespace tw {

// The one text of an article that offsets point into: title, summary and
// body joined by blank lines (so each is its own paragraph for the sentence
// splitter). Event sources store offsets in this text; locate() maps one
// back to the field it falls in, for highlighting in the reader.
class ArticleText {
public:
    static QString compose(const Article &article);

    struct Location {
        ArticleField field = ArticleField::Body;
        qsizetype offset = 0;   // within that field
    };
    static Location locate(const Article &article, qsizetype offset);
};

} // namespace tw
