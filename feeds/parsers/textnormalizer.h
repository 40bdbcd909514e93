#pragma once

#include <QDateTime>
#include <QString>

namespace tw {

// Feed text arrives as HTML fragments with entities; the store keeps plain text.
QString plainTextFromHtml(const QString &html);

// RFC 822 / RFC 2822 dates as RSS uses them, tolerant of the usual breakage.
// Returns an invalid QDateTime when nothing sensible can be read.
QDateTime parseRfc822Date(const QString &text);

// A stable hex digest for items without guid or link.
QString contentFingerprint(const QString &title, const QString &summary);

} // namespace tw
