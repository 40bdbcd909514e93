#include "models/store/sqlvalues.h"

#include "models/core/storetime.h"

#include <QSqlQuery>

namespace tw {

QVariant nullableDouble(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Double));
}

QVariant nullableInstant(const QDateTime &time)
{
    return time.isValid() ? QVariant(toStoreTime(time)) : QVariant(QMetaType(QMetaType::LongLong));
}

QString isoDate(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

std::optional<double> nullableDoubleAt(const QSqlQuery &row, int column)
{
    const QVariant value = row.value(column);
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

QDateTime nullableInstantAt(const QSqlQuery &row, int column)
{
    const QVariant value = row.value(column);
    return value.isNull() ? QDateTime() : fromStoreTime(value.toLongLong());
}

QDate isoDateAt(const QSqlQuery &row, int column)
{
    return QDate::fromString(row.value(column).toString(), Qt::ISODate);
}

} // namespace tw
