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

QString fetchTimeForFutureDates(QList<Article> &articles, const QDateTime &fetchedUtc)
{
    if (!fetchedUtc.isValid())
        return {};
    const QDateTime latest = fetchedUtc.addDays(1);
    int replaced = 0;
    QString first;
    for (Article &item : articles) {
        if (!item.published.isValid() || item.published <= latest)
            continue;
        if (replaced++ == 0)
            first = item.published.toString(Qt::ISODate);
        item.published = fetchedUtc;
        item.publishedEstimated = true;
    }
    if (replaced == 0)
        return {};
    return QStringLiteral("%1 %2 dated after the fetch (%3): fetch time used")
        .arg(replaced)
        .arg(replaced == 1 ? QStringLiteral("item") : QStringLiteral("items"), first);
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
