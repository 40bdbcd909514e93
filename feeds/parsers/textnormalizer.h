#pragma once

#include <QDateTime>
#include <QString>

namespace tw {

// Feed text arrives as HTML fragments with entities; the store keeps plain text.
QString plainTextFromHtml(const QString &html);

// RFC 822 / RFC 2822 dates as RSS uses them, tolerant of the usual breakage.
// Returns an invalid QDateTime when nothing sensible can be read.
QDateTime parseRfc822Date(const QString &text);

// RFC 3339 / ISO 8601 instants as Atom and JSON Feed use them ("2026-04-08T16:05:00-04:00",
// fractions, lower-case t/z, a space instead of T). Invalid when unreadable.
QDateTime parseRfc3339Date(const QString &text);

// Either form: feeds mix them (dc:date in RSS, RFC 822 in Atom generators).
QDateTime parseFeedDate(const QString &text);

// A stable hex digest for items without guid or link.
QString contentFingerprint(const QString &title, const QString &summary);

} // namespace tw
