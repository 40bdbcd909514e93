#pragma once

#include "models/core/result.h"
#include "models/events/eventtypes.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QStringList>

namespace tw {

struct EventStudyOptions {
    QList<EventKind> kinds;     // empty: every kind but reported actuals
    QStringList tickers;        // empty: the watchlist
    int firstDay = -5;          // sessions around day 0, both included
    int lastDay = 10;
    QString benchmark;          // empty: mean-adjusted returns
    QDate since, until;         // day 0 within; invalid: no bound
    QString modelVersion;       // empty: the store's newest
};

struct CarPoint {
    int day = 0;
    double mean = 0;     // mean cumulative abnormal return from firstDay to this day
    double low = 0;      // 95% band (Student's t across events); equal to mean below two events
    double high = 0;
};

// The mean cumulative abnormal return of one kind of event, all of them or
// those whose articles leaned one way.
struct CarCurve {
    EventKind kind = EventKind::Launch;
    QString sentiment;   // "all", "positive", "negative"
    qint64 n = 0;
    QList<CarPoint> points;   // firstDay..lastDay

    const CarPoint *at(int day) const;
};

struct EventStudyResult {
    EventStudyOptions options;   // as run: tickers, kinds and model version resolved
    QList<CarCurve> curves;      // per kind (options' order): all, positive, negative
    int eventsFound = 0;
    int eventsUsed = 0;
    QMap<QString, int> skipped;  // why events were left out, with counts
    bool syntheticPrices = false;
    QStringList notes;

    QString method() const;
};

// The event study: for each event dated to a day, the session it reached
// the market (day 0: the first session whose close follows the earliest
// reporting article for an event dated by its publication, or the first
// session on or after a date the text names), the abnormal returns from
// firstDay to lastDay around it, and per kind the mean of their running sums
// (CAR) with a 95% band. Abnormal is benchmark-adjusted (r − r_benchmark) with
// a benchmark, else mean-adjusted (r − the ticker's mean daily return over
// the 120 sessions before the window). An event's sentiment is the mean
// score of its reporting articles for its company.
class EventStudy {
public:
    explicit EventStudy(QSqlDatabase db);

    Result<EventStudyResult> run(const EventStudyOptions &options);

    static constexpr int kEstimationSessions = 120;
    static constexpr int kMinEstimationReturns = 30;

private:
    QSqlDatabase m_db;
};

} // namespace tw
