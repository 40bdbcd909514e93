#include "models/backtest/eventstudy.h"

#include "models/backtest/pricehistory.h"
#include "models/backtest/rankcorrelation.h"
#include "models/backtest/sessioncalendar.h"
#include "models/backtest/studyinputs.h"
#include "models/store/eventstore.h"

#include <QHash>

#include <cmath>
#include <vector>

namespace tw {

namespace {

const QString kAll = QStringLiteral("all");
const QString kPositive = QStringLiteral("positive");
const QString kNegative = QStringLiteral("negative");

struct EventCar {
    EventKind kind;
    int sign = 0;   // of its articles' mean score
    std::vector<double> car;
};

} // namespace

const CarPoint *CarCurve::at(int day) const
{
    for (const CarPoint &p : points)
        if (p.day == day)
            return &p;
    return nullptr;
}

QString EventStudyResult::method() const
{
    if (!options.benchmark.isEmpty())
        return QStringLiteral("benchmark-adjusted: abnormal return = the ticker's daily return minus %1's on the "
                              "same session")
            .arg(options.benchmark);
    return QStringLiteral("mean-adjusted: abnormal return = the ticker's daily return minus its mean daily return "
                          "over the %1 sessions before the window (no benchmark given)")
        .arg(EventStudy::kEstimationSessions);
}

EventStudy::EventStudy(QSqlDatabase db) : m_db(std::move(db)) {}

Result<EventStudyResult> EventStudy::run(const EventStudyOptions &options)
{
    EventStudyResult result;
    result.options = options;
    EventStudyOptions &opt = result.options;
    if (opt.firstDay > 0 || opt.lastDay < 0 || opt.firstDay < -60 || opt.lastDay > 60)
        return fail(QStringLiteral("the window must run from a day between -60 and 0 to a day between 0 and 60 "
                                   "(got %1,%2)")
                        .arg(opt.firstDay)
                        .arg(opt.lastDay));
    if (opt.kinds.isEmpty())
        for (const QString &id : allEventKindIds())
            if (auto k = eventKindFromId(id); k && *k != EventKind::Actual)
                opt.kinds << *k;

    const StudyInputs inputs(m_db);
    auto tickers = inputs.tickersOrDefault(opt.tickers);
    if (!tickers)
        return tickers.error();
    opt.tickers = *tickers;
    auto version = inputs.modelVersionOrNewest(opt.modelVersion);
    if (!version)
        return version.error();
    opt.modelVersion = *version;

    // The events of the tickers and kinds asked for.
    const EventStore store(m_db);
    QList<StoredEvent> events;
    QStringList withEvents;
    for (const QString &ticker : std::as_const(opt.tickers)) {
        EventFilter filter;
        filter.ticker = ticker;
        if (opt.kinds.size() == 1)
            filter.kind = opt.kinds.first();
        auto found = store.query(filter);
        if (!found)
            return found.error();
        bool any = false;
        for (const StoredEvent &e : *found) {
            if (!opt.kinds.contains(e.event.kind))
                continue;
            events << e;
            any = true;
        }
        if (any)
            withEvents << ticker;
    }
    result.eventsFound = int(events.size());
    if (events.isEmpty())
        return result;

    auto sentiment = inputs.eventSentiment(withEvents, opt.modelVersion);
    if (!sentiment)
        return sentiment.error();

    auto read = inputs.closesOf(withEvents, StudyInputs::connectionsFor(withEvents.size()));
    if (!read)
        return read.error();
    QHash<QString, QList<DailyClose>> closes;
    QList<QDate> dates;
    for (qsizetype k = 0; k < withEvents.size(); ++k) {
        StudyInputs::mergeDates(dates, (*read)[k]);
        closes.insert(withEvents[k], std::move((*read)[k]));
    }
    read->clear();
    auto benchmarkCloses = inputs.benchmarkCloses(opt.benchmark);
    if (!benchmarkCloses)
        return benchmarkCloses.error();
    StudyInputs::mergeDates(dates, *benchmarkCloses);
    const SessionCalendar calendar(std::move(dates));
    const PriceHistory benchmark =
        opt.benchmark.isEmpty() ? PriceHistory() : PriceHistory::build(opt.benchmark, *benchmarkCloses, calendar);
    result.syntheticPrices = benchmark.synthetic();

    QHash<QString, PriceHistory> histories;
    QHash<QString, QList<qint64>> closesByZone;
    QHash<QString, QString> zoneOf;
    for (const QString &ticker : std::as_const(withEvents)) {
        const PriceHistory h = PriceHistory::build(ticker, closes.value(ticker), calendar);
        result.syntheticPrices = result.syntheticPrices || h.synthetic();
        histories.insert(ticker, h);
        auto clock = inputs.clock(ticker);
        if (!clock)
            return clock.error();
        zoneOf.insert(ticker, clock->timeZoneId());
        if (!closesByZone.contains(clock->timeZoneId()))
            closesByZone.insert(clock->timeZoneId(), clock->closesUtc(calendar.dates()));
    }
    closes.clear();

    const int width = opt.lastDay - opt.firstDay + 1;
    std::vector<EventCar> cars;
    auto skip = [&](const QString &why) { ++result.skipped[why]; };
    for (const StoredEvent &stored : std::as_const(events)) {
        const ExtractedEvent &e = stored.event;
        if (e.date.precision != DatePrecision::Day) {
            skip(QStringLiteral("dated only to the %1").arg(datePrecisionId(e.date.precision)));
            continue;
        }
        const PriceHistory &prices = histories[e.ticker];
        if (prices.isEmpty()) {
            skip(QStringLiteral("no daily bars for its company"));
            continue;
        }
        const EventSourceSentiment source = sentiment->value(stored.id);
        // Day 0: when the market could first have traded on it.
        qsizetype day0 = calendar.firstOnOrAfter(e.date.date);
        if (e.date.basis == DateBasis::Published && source.firstPublishedUtc > 0)
            day0 = ExchangeClock::sessionOf(source.firstPublishedUtc, closesByZone.value(zoneOf.value(e.ticker)));
        if (day0 >= calendar.size()) {
            skip(QStringLiteral("after the last stored price"));
            continue;
        }
        const QDate date0 = calendar.at(day0);
        if ((opt.since.isValid() && date0 < opt.since) || (opt.until.isValid() && date0 > opt.until)) {
            skip(QStringLiteral("outside the dates asked for"));
            continue;
        }
        // Abnormal returns over the window, each needing both bars.
        std::vector<double> abnormal(static_cast<size_t>(width));
        bool complete = day0 + opt.firstDay - 1 >= 0 && day0 + opt.lastDay < calendar.size();
        double normal = 0;
        if (complete && opt.benchmark.isEmpty()) {
            double sum = 0;
            int n = 0;
            for (qsizetype s = day0 + opt.firstDay - kEstimationSessions; s < day0 + opt.firstDay; ++s) {
                const double r = prices.dailyReturn(s);
                if (!std::isnan(r)) {
                    sum += r;
                    ++n;
                }
            }
            if (n < kMinEstimationReturns) {
                skip(QStringLiteral("too little price history before it (mean-adjusted needs %1 returns)")
                         .arg(kMinEstimationReturns));
                continue;
            }
            normal = sum / n;
        }
        for (int d = opt.firstDay; complete && d <= opt.lastDay; ++d) {
            const qsizetype s = day0 + d;
            const double r = prices.dailyReturn(s);
            const double m = opt.benchmark.isEmpty() ? normal : benchmark.dailyReturn(s);
            abnormal[size_t(d - opt.firstDay)] = r - m;
            complete = !std::isnan(r - m);
        }
        if (!complete) {
            skip(QStringLiteral("missing bars in its window"));
            continue;
        }
        EventCar car{e.kind, source.scoredArticles == 0 ? 0 : (source.meanScore > 0) - (source.meanScore < 0), {}};
        double running = 0;
        for (double ar : abnormal)
            car.car.push_back(running += ar);
        cars.push_back(std::move(car));
    }
    result.eventsUsed = int(cars.size());

    for (EventKind kind : std::as_const(opt.kinds)) {
        for (const QString &sentimentGroup : {kAll, kPositive, kNegative}) {
            CarCurve curve;
            curve.kind = kind;
            curve.sentiment = sentimentGroup;
            std::vector<const EventCar *> members;
            for (const EventCar &c : cars) {
                if (c.kind != kind)
                    continue;
                if ((sentimentGroup == kPositive && c.sign <= 0) || (sentimentGroup == kNegative && c.sign >= 0))
                    continue;
                members.push_back(&c);
            }
            curve.n = qint64(members.size());
            if (members.empty() && sentimentGroup != kAll)
                continue;
            for (int d = opt.firstDay; d <= opt.lastDay && !members.empty(); ++d) {
                std::vector<double> values;
                for (const EventCar *c : members)
                    values.push_back(c->car[size_t(d - opt.firstDay)]);
                const MeanBand b = meanWithBand(values);
                // One event has no spread: no band (NaN), not a band of width zero.
                const double half = b.halfWidth;
                curve.points << CarPoint{d, b.mean, b.mean - half, b.mean + half};
            }
            result.curves << curve;
        }
    }
    if (result.syntheticPrices)
        result.notes << QStringLiteral("prices are synthetic (source \"demo\"): these figures mean nothing about the "
                                       "events");
    if (result.eventsUsed > 0 && result.eventsUsed < 30)
        result.notes << QStringLiteral("small N: %1 events in all; a band from a handful of events is wide and a "
                                       "mean from one is an anecdote")
                            .arg(result.eventsUsed);
    return result;
}

} // namespace tw
