#pragma once

#include "models/core/storetime.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QVariant>

#include <optional>

namespace tw {

// How the values a column may lack are written and read back: a missing
// number or instant is SQL NULL, a missing date is '' (dates are ISO 8601
// text, instants BIGINT UTC milliseconds).
QVariant nullableDouble(const std::optional<double> &value);
QVariant nullableInstant(const QDateTime &time);
QString isoDate(const QDate &date);

// The same, read from column `column` of the row a query is on: a QSqlQuery,
// or a SqliteRow (anything whose value(column) gives QSQLITE's QVariant).
template <typename Row>
std::optional<double> nullableDoubleAt(const Row &row, int column)
{
    const QVariant value = row.value(column);
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

template <typename Row>
QDateTime nullableInstantAt(const Row &row, int column)
{
    const QVariant value = row.value(column);
    return value.isNull() ? QDateTime() : fromStoreTime(value.toLongLong());
}

template <typename Row>
QDate isoDateAt(const Row &row, int column)
{
    return QDate::fromString(row.value(column).toString(), Qt::ISODate);
}

} // namespace tw
