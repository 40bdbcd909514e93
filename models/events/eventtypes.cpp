#include "models/events/eventtypes.h"

#include <QRegularExpression>

#include <cmath>

namespace tw {

QString datePrecisionId(DatePrecision precision)
{
    switch (precision) {
    case DatePrecision::Day: return QStringLiteral("day");
    case DatePrecision::Month: return QStringLiteral("month");
    case DatePrecision::Year: return QStringLiteral("year");
    }
    return QStringLiteral("day");
}

DatePrecision datePrecisionFromId(const QString &id)
{
    if (id == QLatin1String("month"))
        return DatePrecision::Month;
    if (id == QLatin1String("year"))
        return DatePrecision::Year;
    return DatePrecision::Day;
}

QString dateBasisId(DateBasis basis)
{
    return basis == DateBasis::Text ? QStringLiteral("text") : QStringLiteral("published");
}

DateBasis dateBasisFromId(const QString &id)
{
    return id == QLatin1String("text") ? DateBasis::Text : DateBasis::Published;
}

QDate EventDate::last() const
{
    switch (precision) {
    case DatePrecision::Day: return date;
    case DatePrecision::Month: return date.addMonths(1).addDays(-1);
    case DatePrecision::Year: return date.addYears(1).addDays(-1);
    }
    return date;
}

QString EventDate::display() const
{
    switch (precision) {
    case DatePrecision::Day: return date.toString(Qt::ISODate);
    case DatePrecision::Month: return date.toString(QStringLiteral("yyyy-MM"));
    case DatePrecision::Year: return date.toString(QStringLiteral("yyyy"));
    }
    return date.toString(Qt::ISODate);
}

qint64 EventDate::distanceDays(const EventDate &a, const EventDate &b)
{
    if (a.last() < b.first())
        return a.last().daysTo(b.first());
    if (b.last() < a.first())
        return b.last().daysTo(a.first());
    return 0;
}

double EventAmount::scale() const
{
    if (unit == QLatin1String("trillion"))
        return 1e12;
    if (unit == QLatin1String("billion"))
        return 1e9;
    if (unit == QLatin1String("million"))
        return 1e6;
    if (unit == QLatin1String("thousand"))
        return 1e3;
    return 1;
}

QString EventAmount::display() const
{
    if (!low)
        return QString();
    QString figure = number(*low);
    if (high && std::abs(*high - *low) > 1e-9)
        figure += QLatin1Char('-') + number(*high);
    QStringList parts{figure};
    if (!unit.isEmpty())
        parts << unit;
    if (!currency.isEmpty())
        parts << currency;
    if (!period.isEmpty())
        parts << period;
    return parts.join(QLatin1Char(' '));
}

QString EventAmount::number(double v)
{
    static const QRegularExpression trailingZeros(QStringLiteral("\\.?0+$"));
    return QString::number(v, 'f', 2).remove(trailingZeros);
}

QString EventAmount::moneyText() const
{
    if (!low)
        return QString();
    const QString symbol = currency == QLatin1String("USD")   ? QStringLiteral("$")
                           : currency == QLatin1String("EUR") ? QStringLiteral("€")
                           : currency == QLatin1String("GBP") ? QStringLiteral("£")
                                                              : currency + QLatin1Char(' ');
    QString figure = number(*low);
    if (high && std::abs(*high - *low) > 1e-9)
        figure += QLatin1Char('-') + number(*high);
    return (approximate ? QStringLiteral("about ") : QString()) + symbol + figure
        + (unit.isEmpty() ? QString() : QLatin1Char(' ') + unit);
}

bool EventAmount::sameFigure(const EventAmount &other, double tolerance) const
{
    if (!low || !other.low)
        return false;
    const bool percentA = unit == QLatin1String("percent");
    const bool percentB = other.unit == QLatin1String("percent");
    if (percentA != percentB || currency != other.currency)
        return false;
    auto close = [&](double a, double b) {
        const double scaleA = a * scale();
        const double scaleB = b * other.scale();
        const double denominator = std::max(std::abs(scaleA), std::abs(scaleB));
        return denominator == 0 || std::abs(scaleA - scaleB) / denominator <= tolerance;
    };
    return close(*low, *other.low) && close(high.value_or(*low), other.high.value_or(*other.low));
}

} // namespace tw
