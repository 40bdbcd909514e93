#pragma once

#include "models/core/result.h"
#include "models/events/eventtypes.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace tw {

// One guidance figure (or reported actual) in a company's history for a
// metric, with how it moved against the figure before it.
struct GuidanceFigure {
    qint64 eventId = 0;
    QString ticker;
    QString metric;         // capex, revenue, expenses
    QString period;         // "2026"
    bool actual = false;    // a reported result, not guidance
    double low = 0;
    double high = 0;
    QString unit;           // billion, million, ...
    QString currency;
    EventDate announced;
    // initial (first guidance for the period), raised, cut, reaffirmed,
    // narrowed, widened; "actual" for reported results.
    QString status;
    std::optional<double> change;           // midpoint against the compared figure, in `unit`
    std::optional<double> changePercent;
    QString comparedWith;                   // "2026 guidance of 2026-04-08", "2025 actual"
    int sources = 0;
    // Where the figure comes from: "news" (extracted from articles) or, for a
    // figure the company reported in XBRL, "10-K filed 2025-02-05".
    QString source = QStringLiteral("news");
    bool reported = false;                  // from the company's filing, not the news
    // An actual against the last range guided for its period:
    // "guided 115-135, reported 128: inside the range".
    QString verdict;

    double midpoint() const { return (low + high) / 2; }
    // "+53 billion (+73.6%) vs 2025 actual", or empty.
    QString changeText() const;
    // low, high as printed: a reported figure to the million (52.535), news to two decimals.
    QString lowText() const;
    QString highText() const;
};

// The guidance history the capex panel draws: per company and metric, every
// guidance figure in the order it was given, each classified against the
// previous guidance for the same period (raised, cut, reaffirmed, ...) or,
// for the first guidance of a period, compared with the previous period's
// actual; and the actuals, compared with the last guidance given for their
// period before they were reported (with the verdict: below, inside or
// above the range). Guidance and news-quoted actuals are read from the
// events extraction stored; actuals the company reported in its filings
// from reported_figures. Both are kept; comparisons prefer the filing's.
// An actual against a guided range, all in one unit: "guided 115–135,
// reported 128: inside the range" (`reported`: the company's filing says
// so; else "news says"). A single guided figure counts as met within 1%.
QString guidanceVerdict(double guidedLow, double guidedHigh, double actual, bool reported);

class GuidanceHistory {
public:
    explicit GuidanceHistory(QSqlDatabase db);

    // Empty ticker or metric: all of them. Ordered by ticker, metric,
    // period, then date announced (guidance before the actual of a period).
    Result<QList<GuidanceFigure>> figures(const QString &ticker, const QString &metric) const;

private:
    QSqlDatabase m_db;
};

} // namespace tw
