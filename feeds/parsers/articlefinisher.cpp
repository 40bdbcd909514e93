#include "feeds/parsers/articlefinisher.h"

#include "feeds/parsers/textnormalizer.h"

namespace tw {

Article finishArticle(Article item, const QDateTime &fetchedUtc, const QString &feedTitle)
{
    item.fetched = fetchedUtc;
    if (!item.published.isValid()) {
        item.published = fetchedUtc;
        item.publishedEstimated = true;
    }
    if (item.guid.isEmpty())
        item.guid = item.url;
    if (item.guid.isEmpty())
        item.guid = QStringLiteral("sha1:") + contentFingerprint(item.title, item.summary);
    if (item.source.isEmpty())
        item.source = feedTitle;
    return item;
}

QString withoutPublisherSuffix(const QString &title, const QString &publisher)
{
    if (publisher.isEmpty())
        return title;
    for (const QString &separator : {QStringLiteral(" - "), QStringLiteral(" \u2013 "), QStringLiteral(" | ")}) {
        const QString suffix = separator + publisher;
        if (title.endsWith(suffix, Qt::CaseInsensitive) && title.size() > suffix.size())
            return title.left(title.size() - suffix.size()).trimmed();
    }
    return title;
}

QString excerpt(const QString &body)
{
    return body.left(600);
}

} // namespace tw
