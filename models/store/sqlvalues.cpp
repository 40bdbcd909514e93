#include "models/store/sqlvalues.h"

#include "models/core/storetime.h"

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

} // namespace tw
