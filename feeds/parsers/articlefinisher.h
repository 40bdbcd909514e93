#pragma once

#include "models/domain/article.h"

#include <QDateTime>

namespace tw {

// The fallbacks every news format shares, applied once an item is read:
// no date → the fetch time, flagged as estimated; no guid → the link, then a
// hash of title and summary; no publisher → the feed's own title.
Article finishArticle(Article item, const QDateTime &fetchedUtc, const QString &feedTitle);

// No news is published after it is fetched: a date more than a day later (a
// year typed wrong, a placeholder such as 9999, an embargo date) would keep
// the item at the top of every list sorted by time. The fetch time stands in,
// flagged as estimated, as for an item without a date; a day's margin covers
// a local time labelled as UTC and a clock that is off. Returns a warning for
// the feed's status when any date was replaced, else empty.
QString fetchTimeForFutureDates(QList<Article> &articles, const QDateTime &fetchedUtc);

// Google News titles end in " - Publisher" and name the publisher again in
// <source>; the store keeps the headline and the publisher apart.
QString withoutPublisherSuffix(const QString &title, const QString &publisher);

// The summary of an item that has only a body (content:encoded, Atom content, JSON content_html).
QString excerpt(const QString &body);

} // namespace tw
