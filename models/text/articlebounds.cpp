#include "models/text/articlebounds.h"

namespace tw {

namespace {
constexpr qsizetype kSeparatorChars = 2;   // ArticleText joins the fields with "\n\n"
constexpr qsizetype kLookBack = 200;       // how far back a cut looks for a space

QString cut(const QString &text, qsizetype maxChars)
{
    qsizetype end = std::max<qsizetype>(0, maxChars);
    for (qsizetype i = end; i > 0 && i > end - kLookBack; --i) {
        if (text.at(i - 1).isSpace()) {
            end = i;
            break;
        }
    }
    if (end > 0 && text.at(end - 1).isHighSurrogate())
        --end;
    return text.left(end);
}
} // namespace

bool ArticleBounds::isCut(const Article &article, qsizetype maxChars)
{
    return article.title.size() + article.summary.size() + article.body.size() + 2 * kSeparatorChars > maxChars;
}

Article ArticleBounds::analysedPart(const Article &article, qsizetype maxChars)
{
    if (!isCut(article, maxChars))
        return article;
    Article part = article;
    qsizetype budget = maxChars;
    bool cutBefore = false;
    for (QString *field : {&part.title, &part.summary, &part.body}) {
        if (cutBefore) {
            field->clear();
            continue;
        }
        if (field->size() > budget) {
            *field = cut(*field, budget);
            cutBefore = true;
            continue;
        }
        budget -= field->size() + kSeparatorChars;
        if (budget < 0) {
            budget = 0;
        }
    }
    return part;
}

} // namespace tw
