#pragma once

#include "models/domain/article.h"
#include "models/read/articlescorereader.h"

#include <QList>
#include <QString>

namespace tw {

// Builds the reader's HTML for an article. Every stored field is treated as
// text and escaped, so markup in an article (scripts, iframes, remote
// images) is shown as text, never run or loaded. Phrases from the score spans
// are wrapped in green (positive weight) or red (negative) with a tooltip of
// their weight.
class ArticleHtml {
public:
    static QString render(const Article &article, const QList<ArticleTickerScore> &scores);
    // One field with its spans highlighted; spans of other fields are ignored.
    static QString highlight(const QString &text, const QString &field, const QList<ArticleTickerScore> &scores);
    // Drops tags and decodes entities of HTML that reached the store.
    static QString toPlainText(const QString &maybeHtml);
};

} // namespace tw
