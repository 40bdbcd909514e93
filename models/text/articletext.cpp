#include "models/text/articletext.h"

namespace tw {

namespace {
const QString kSeparator = QStringLiteral("\n\n");
}

QString ArticleText::compose(const Article &article)
{
    return article.title + kSeparator + article.summary + kSeparator + article.body;
}

ArticleText::Location ArticleText::locate(const Article &article, qsizetype offset)
{
    const qsizetype summaryStart = article.title.size() + kSeparator.size();
    const qsizetype bodyStart = summaryStart + article.summary.size() + kSeparator.size();
    if (offset < summaryStart)
        return {ArticleField::Title, offset};
    if (offset < bodyStart)
        return {ArticleField::Summary, offset - summaryStart};
    return {ArticleField::Body, offset - bodyStart};
}

} // namespace tw
