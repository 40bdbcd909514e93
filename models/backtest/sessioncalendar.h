#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QTime>

namespace tw {

// When a trading day ends, in the exchange's own time zone. Only an article
// published strictly before a session's close can be known at that close; one
// published at or after it counts for the next session.
class ExchangeClock {
public:
    // An IANA zone ("America/New_York"); an empty or unknown one is New York.
    explicit ExchangeClock(const QString &timeZoneId = {});

    const QString &timeZoneId() const { return m_zoneId; }
    QTime closeTime() const { return m_close; }
    // The close of `date` as UTC milliseconds (daylight saving included).
    qint64 closeUtc(const QDate &date) const;
    QList<qint64> closesUtc(const QList<QDate> &dates) const;

    // The regular close of the main exchange of a zone (16:00 where not listed).
    static QTime regularClose(const QString &timeZoneId);
    // The index of the session an article published at `publishedUtc` counts
    // for: the first whose close is after it (closes ascending);
    // closes.size() when it came after the last close.
    static qsizetype sessionOf(qint64 publishedUtc, const QList<qint64> &closesUtc);

private:
    QString m_zoneId;
    QTime m_close;
};

// The trading sessions of a study: every date on which at least one of its
// tickers (or the benchmark) has a daily bar, ascending. A ticker without a
// bar on a session has a missing price day there.
class SessionCalendar {
public:
    SessionCalendar() = default;
    explicit SessionCalendar(QList<QDate> dates);   // sorted and made unique here

    const QList<QDate> &dates() const { return m_dates; }
    qsizetype size() const { return m_dates.size(); }
    bool isEmpty() const { return m_dates.isEmpty(); }
    const QDate &at(qsizetype i) const { return m_dates[i]; }
    // -1 when `date` is not a session.
    qsizetype indexOf(const QDate &date) const;
    // The first session on or after `date`; size() when none.
    qsizetype firstOnOrAfter(const QDate &date) const;

private:
    QList<QDate> m_dates;
};

} // namespace tw
