#pragma once

#include "models/domain/article.h"

#include <QDateTime>

namespace tw {

// The fallbacks every news format shares, applied once an item is read:
// no date → the fetch time, flagged as estimated; no guid → the link, then a
// hash of title and summary; no publisher → the feed's own title.
Article finishArticle(Article item, const QDateTime &fetchedUtc, const QString &feedTitle);

// Google News titles end in " - Publisher" and name the publisher again in
// <source>; the store keeps the headline and the publisher apart.
QString withoutPublisherSuffix(const QString &title, const QString &publisher);

// The summary of an item that has only a body (content:encoded, Atom content, JSON content_html).
QString excerpt(const QString &body);

} // namespace tw
