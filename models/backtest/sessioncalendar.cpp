#include "models/backtest/sessioncalendar.h"

#include <QDateTime>
#include <QHash>
#include <QTimeZone>

#include <algorithm>

namespace tw {

namespace {
const QString kNewYork = QStringLiteral("America/New_York");
}

ExchangeClock::ExchangeClock(const QString &timeZoneId)
    : m_zoneId(timeZoneId.isEmpty() || !QTimeZone(timeZoneId.toUtf8()).isValid() ? kNewYork : timeZoneId),
      m_close(regularClose(m_zoneId))
{
}

QTime ExchangeClock::regularClose(const QString &timeZoneId)
{
    // The main cash market of each zone; extended hours do not count (a
    // story after 16:00 New York is priced in the next regular session).
    static const QHash<QString, QTime> closes{
        {QStringLiteral("Europe/London"), QTime(16, 30)},   {QStringLiteral("Europe/Paris"), QTime(17, 30)},
        {QStringLiteral("Europe/Berlin"), QTime(17, 30)},   {QStringLiteral("Europe/Amsterdam"), QTime(17, 30)},
        {QStringLiteral("Europe/Madrid"), QTime(17, 30)},   {QStringLiteral("Europe/Zurich"), QTime(17, 30)},
        {QStringLiteral("Europe/Stockholm"), QTime(17, 30)}, {QStringLiteral("Asia/Tokyo"), QTime(15, 30)},
        {QStringLiteral("Asia/Shanghai"), QTime(15, 0)},    {QStringLiteral("Asia/Kolkata"), QTime(15, 30)},
        {QStringLiteral("Asia/Singapore"), QTime(17, 0)},   {QStringLiteral("Asia/Seoul"), QTime(15, 30)},
    };
    return closes.value(timeZoneId, QTime(16, 0));
}

qint64 ExchangeClock::closeUtc(const QDate &date) const
{
    return QDateTime(date, m_close, QTimeZone(m_zoneId.toUtf8())).toMSecsSinceEpoch();
}

QList<qint64> ExchangeClock::closesUtc(const QList<QDate> &dates) const
{
    // One zone object for the whole list: building a QTimeZone per date
    // costs more than the conversion.
    const QTimeZone zone(m_zoneId.toUtf8());
    QList<qint64> closes;
    closes.reserve(dates.size());
    for (const QDate &d : dates)
        closes << QDateTime(d, m_close, zone).toMSecsSinceEpoch();
    return closes;
}

qsizetype ExchangeClock::sessionOf(qint64 publishedUtc, const QList<qint64> &closesUtc)
{
    return std::upper_bound(closesUtc.cbegin(), closesUtc.cend(), publishedUtc) - closesUtc.cbegin();
}

SessionCalendar::SessionCalendar(QList<QDate> dates) : m_dates(std::move(dates))
{
    std::sort(m_dates.begin(), m_dates.end());
    m_dates.erase(std::unique(m_dates.begin(), m_dates.end()), m_dates.end());
}

qsizetype SessionCalendar::indexOf(const QDate &date) const
{
    const qsizetype i = firstOnOrAfter(date);
    return i < m_dates.size() && m_dates[i] == date ? i : -1;
}

qsizetype SessionCalendar::firstOnOrAfter(const QDate &date) const
{
    return std::lower_bound(m_dates.cbegin(), m_dates.cend(), date) - m_dates.cbegin();
}

} // namespace tw
