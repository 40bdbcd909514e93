#pragma once

#include "models/core/kindtable.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace tw {

// What happened. The identifiers (eventKindId) are what the CLI and the
// events.kind column use. Actual is a reported figure for a metric (2025
// capex came to $72bn): not news of a change, but what guidance is judged by.
// Results, Restructuring, CyberIncident and Other come from the items of a
// company's 8-K filings (2.02, 2.05, 1.05, and 7.01/8.01 and the rest).
enum class EventKind {
    Launch, Guidance, Deal, PriceMove, Leadership, Legal, Ranking, Actual,
    Results, Restructuring, CyberIncident, Other
};

struct EventKindInfo {
    const char *name = nullptr;    // the id the CLI, alert rules and the events.kind column use
    const char *label = nullptr;   // in words, for help texts and tooltips
    // How the GUI marks the kind (chart markers, legend, timeline icons,
    // Help): a short title, a letter unique among the kinds so the key reads
    // without colour (checked below), and a fill (0xRRGGBB) that white
    // letters pass WCAG AA on (tst_theme).
    const char *title = nullptr;
    char letter = 0;
    unsigned rgb = 0;
};

// The event kinds' table: -Wswitch names a kind without its row.
constexpr EventKindInfo describeEventKind(EventKind kind)
{
    switch (kind) {
    case EventKind::Launch: return {"launch", "a product or service launch", "Launch", 'L', 0x1f6fb2};
    case EventKind::Guidance: return {"guidance", "a forecast figure for a metric", "Guidance", 'G', 0x7b3fa0};
    case EventKind::Deal: return {"deal", "an acquisition, investment or partnership", "Deal", 'D', 0x0f7a68};
    case EventKind::PriceMove: return {"price-move", "a large share price move", "Price move", 'P', 0xb0470f};
    case EventKind::Leadership: return {"leadership", "a change of executives", "Management", 'M', 0x8a5a00};
    case EventKind::Legal: return {"legal", "a lawsuit, fine or regulatory action", "Legal", 'J', 0x5a5f66};
    case EventKind::Ranking: return {"ranking", "a benchmark or ranking result", "Ranking", 'R', 0xb0306a};
    case EventKind::Actual: return {"actual", "a reported figure for a metric", "Reported figure", 'A', 0x3d6b1f};
    case EventKind::Results: return {"results", "results of operations a company filed (8-K item 2.02)", "Results", 'E', 0x2a6f97};
    case EventKind::Restructuring: return {"restructuring", "exit or restructuring costs a company filed (8-K item 2.05)", "Restructuring", 'X', 0x6b5a1e};
    case EventKind::CyberIncident: return {"cyber-incident", "a material cybersecurity incident a company filed (8-K item 1.05)", "Cyber incident", 'C', 0xa3261b};
    case EventKind::Other: return {"other", "another event a company filed (8-K items 7.01, 8.01 and the rest)", "Other filing", 'O', 0x5f6b6d};
    }
    return {};
}

using EventKinds = KindTable<EventKind, describeEventKind>;

inline QString eventKindId(EventKind kind) { return EventKinds::name(kind); }
inline std::optional<EventKind> eventKindFromId(const QString &id) { return EventKinds::fromName(id); }
inline QStringList allEventKindIds() { return EventKinds::names(); }

// No two kinds share a letter (a marker is told apart by it without colour).
constexpr bool eventKindLettersUnique()
{
    for (EventKind a : EventKinds::all()) {
        for (EventKind b : EventKinds::all()) {
            if (a != b && describeEventKind(a).letter == describeEventKind(b).letter)
                return false;
        }
    }
    return true;
}
static_assert(eventKindLettersUnique(), "two event kinds share a marker letter");

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
    // As prose writes money: "$115-135 billion", "about €3 billion".
    QString moneyText() const;
    // 115 -> "115", 14.3 -> "14.3".
    static QString number(double v);
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
    bool periodInferred = false;    // guidance without a stated period: the publication year stands in
    qsizetype sentenceStart = 0;
    qsizetype sentenceEnd = 0;
};

// An event from a company's filing has a subject naming it: "8-K 5.02".
inline QString filingSubject(const QString &form, const QString &items) { return form + QLatin1Char(' ') + items; }
inline bool isFilingSubject(const QString &subject) { return subject.startsWith(QLatin1String("8-K")); }
// Days between a filed event and the news of it that still make them one.
constexpr qint64 kFilingNewsWindowDays = 7;

} // namespace tw
