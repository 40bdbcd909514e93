#pragma once

#include <QDateTime>
#include <QString>

namespace tw {

// Dates as feeds write them, every form feedparser reads (its date table,
// tests/test_date_parsers.py): RFC 822 with any weekday, comma and day
// placement ("Thu Aug 30 2012 17:26:16 +0200", "Mon, 13 Feb, 2012 06:28:00
// UTC", "Thu, 01 Jan 2004" without a time), asctime, the US and European zone
// names (EST/EDT, ET/CT/MT/PT, AT, MET/MEST, CET/CEST, ...), GMT+hh:mm and
// Etc/GMT, W3C-DTF and ISO 8601 (ordinal days, two-digit years, a space
// before the time or the offset, no zone = UTC), "yyyy/mm/dd hh:mm:ss", and
// the Greek, Hungarian and two Korean (Nate, OnBlog; Korean time) forms.
// Returns an invalid QDateTime when nothing sensible can be read; never
// guesses a date from a string that has an unreadable part.
QDateTime parseFeedDate(const QString &text);

// parseFeedDate under the name callers reading RFC 822 fields use (HTTP
// headers, pubDate), and the W3C-DTF/ISO 8601 reader alone.
QDateTime parseRfc822Date(const QString &text);
QDateTime parseRfc3339Date(const QString &text);

} // namespace tw
