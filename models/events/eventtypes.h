#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace tw {

// What happened. The identifiers (eventKindId) are what the CLI and the
// events.kind column use. Actual is a reported figure for a metric (2025
// capex came to $72bn): not news of a change, but what guidance is judged by.
enum class EventKind { Launch, Guidance, Deal, PriceMove, Leadership, Legal, Ranking, Actual };

QString eventKindId(EventKind kind);
std::optional<EventKind> eventKindFromId(const QString &id);
QStringList allEventKindIds();

// How much of an event date is known: "June 2025" is a month.
enum class DatePrecision { Day, Month, Year };

QString datePrecisionId(DatePrecision precision);
DatePrecision datePrecisionFromId(const QString &id);

// Where an event's date came from: a date the text names, or the article's
// publication date standing in for it.
enum class DateBasis { Text, Published };

QString dateBasisId(DateBasis basis);
DateBasis dateBasisFromId(const QString &id);

// An event date with its precision. A month date is stored as its first day.
struct EventDate {
    QDate date;
    DatePrecision precision = DatePrecision::Day;
    DateBasis basis = DateBasis::Published;

    QDate first() const { return date; }
    QDate last() const;
    // "2026-04-08", "2025-06" or "2025" as far as it is known.
    QString display() const;
    // Days between the two spans (0 when they overlap).
    static qint64 distanceDays(const EventDate &a, const EventDate &b);
};

// A figure or a range: "$115 billion to $135 billion" for 2026 is
// low 115, high 135, unit billion, currency USD, period 2026. A single figure
// has low == high. Percent moves have unit "percent" and no currency.
struct EventAmount {
    std::optional<double> low;
    std::optional<double> high;
    QString currency;   // ISO code: USD, EUR, GBP
    QString unit;       // trillion, billion, million, thousand, percent, points, "" (units)
    QString period;     // "2026", "2026-Q2", ""
    bool approximate = false;

    bool isEmpty() const { return !low.has_value(); }
    double scale() const;  // multiplier of the unit (billion: 1e9)
    // "115-135 billion USD 2026"; empty when there is no figure.
    QString display() const;
    // Both figures within `tolerance` (relative) of each other's, same unit kind.
    bool sameFigure(const EventAmount &other, double tolerance) const;
};

// One event as one article states it, before merging with other reports.
// The sentence offsets index ArticleText::compose(article).
struct ExtractedEvent {
    QString ticker;
    EventKind kind = EventKind::Launch;
    EventDate date;
    QString title;
    QString metric;     // guidance and actuals: capex, revenue, expenses
    QString subject;    // what identifies the event across reports: product, counterparty, role
    EventAmount amount;
    double confidence = 0;
    qsizetype sentenceStart = 0;
    qsizetype sentenceEnd = 0;
};

} // namespace tw
