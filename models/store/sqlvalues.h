#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QVariant>

#include <optional>

class QSqlQuery;

namespace tw {

// How the values a column may lack are written and read back: a missing
// number or instant is SQL NULL, a missing date is '' (dates are ISO 8601
// text, instants BIGINT UTC milliseconds).
QVariant nullableDouble(const std::optional<double> &value);
QVariant nullableInstant(const QDateTime &time);
QString isoDate(const QDate &date);

// The same, read from column `column` of the row a query is on.
std::optional<double> nullableDoubleAt(const QSqlQuery &row, int column);
QDateTime nullableInstantAt(const QSqlQuery &row, int column);
QDate isoDateAt(const QSqlQuery &row, int column);

} // namespace tw
