#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace tw {

// The store keeps every instant as UTC milliseconds since the epoch: portable
// across SQLite and PostgreSQL, and free of locale and time-zone surprises.
inline qint64 toStoreTime(const QDateTime &t) { return t.isValid() ? t.toMSecsSinceEpoch() : 0; }
inline QDateTime fromStoreTime(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC); }
inline QDateTime nowUtc() { return QDateTime::currentDateTimeUtc(); }

// ISO-8601 with a Z suffix, as the CLI and CSV print instants.
inline QString isoUtc(const QDateTime &t) { return t.toUTC().toString(Qt::ISODate); }

} // namespace tw
