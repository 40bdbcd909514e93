#include "models/events/guidancehistory.h"

#include "models/store/eventstore.h"

#include <QRegularExpression>

#include <cmath>

namespace tw {

namespace {
double unitScale(const QString &unit)
{
    EventAmount a;
    a.unit = unit;
    return a.scale();
}

QString signedNumber(double v, int decimals)
{
    QString text = QString::number(v, 'f', decimals).remove(QRegularExpression(QStringLiteral("\\.?0+$")));
    if (text == QLatin1String("-0"))
        text = QStringLiteral("0");
    return (v > 0 ? QStringLiteral("+") : QString()) + text;
}

// Sets change, changePercent and comparedWith of `f` against `previous`.
void compare(GuidanceFigure &f, const GuidanceFigure &previous, const QString &label)
{
    const double previousMid = previous.midpoint() * unitScale(previous.unit) / unitScale(f.unit);
    f.change = f.midpoint() - previousMid;
    if (previousMid != 0)
        f.changePercent = *f.change / previousMid * 100.0;
    f.comparedWith = label;
}

bool samePeriodGuidance(const GuidanceFigure &a, const GuidanceFigure &b)
{
    return !a.actual && !b.actual && a.period == b.period;
}
} // namespace

QString GuidanceFigure::changeText() const
{
    if (!change)
        return QString();
    QString text = signedNumber(*change, 2) + (unit.isEmpty() ? QString() : QLatin1Char(' ') + unit);
    if (changePercent)
        text += QStringLiteral(" (%1%)").arg(signedNumber(*changePercent, 1));
    return text + QStringLiteral(" vs ") + comparedWith;
}

GuidanceHistory::GuidanceHistory(QSqlDatabase db) : m_db(std::move(db)) {}

Result<QList<GuidanceFigure>> GuidanceHistory::figures(const QString &ticker, const QString &metric) const
{
    const EventStore store(m_db);
    QList<GuidanceFigure> all;
    for (EventKind kind : {EventKind::Guidance, EventKind::Actual}) {
        EventFilter filter;
        filter.ticker = ticker;
        filter.kind = kind;
        filter.metric = metric;
        auto events = store.query(filter);
        if (!events)
            return events.error();
        for (const StoredEvent &s : *events) {
            const ExtractedEvent &e = s.event;
            if (!e.amount.low)
                continue;
            GuidanceFigure f;
            f.eventId = s.id;
            f.ticker = e.ticker;
            f.metric = e.metric;
            f.period = e.amount.period;
            f.actual = kind == EventKind::Actual;
            f.low = *e.amount.low;
            f.high = e.amount.high.value_or(*e.amount.low);
            f.unit = e.amount.unit;
            f.currency = e.amount.currency;
            f.announced = e.date;
            f.sources = s.sources;
            f.status = f.actual ? QStringLiteral("actual") : e.subject;  // a revision the text named, if any
            all << f;
        }
    }
    std::sort(all.begin(), all.end(), [](const GuidanceFigure &a, const GuidanceFigure &b) {
        if (a.ticker != b.ticker)
            return a.ticker < b.ticker;
        if (a.metric != b.metric)
            return a.metric < b.metric;
        if (a.period != b.period)
            return a.period < b.period;
        if (a.actual != b.actual)
            return !a.actual;
        return a.announced.date < b.announced.date;
    });

    for (int i = 0; i < all.size(); ++i) {
        GuidanceFigure &f = all[i];
        const GuidanceFigure *previousGuidance = nullptr;   // same period, earlier
        const GuidanceFigure *previousActual = nullptr;     // an earlier period's result
        const GuidanceFigure *lastGuidance = nullptr;       // any earlier guidance
        for (int j = i - 1; j >= 0; --j) {
            const GuidanceFigure &p = all[j];
            if (p.ticker != f.ticker || p.metric != f.metric)
                break;
            if (!previousGuidance && samePeriodGuidance(p, f))
                previousGuidance = &p;
            if (!previousActual && p.actual && p.period < f.period)
                previousActual = &p;
            if (!lastGuidance && !p.actual)
                lastGuidance = &p;
        }
        if (f.actual) {
            if (lastGuidance && lastGuidance->period == f.period)
                compare(f, *lastGuidance, QStringLiteral("%1 guidance").arg(f.period));
            else if (previousActual)
                compare(f, *previousActual, QStringLiteral("%1 actual").arg(previousActual->period));
            continue;
        }
        if (!previousGuidance) {
            if (f.status.isEmpty())
                f.status = QStringLiteral("initial");
            if (previousActual)
                compare(f, *previousActual, QStringLiteral("%1 actual").arg(previousActual->period));
            else if (lastGuidance)
                compare(f, *lastGuidance, QStringLiteral("%1 guidance").arg(lastGuidance->period));
            continue;
        }
        compare(f, *previousGuidance,
                QStringLiteral("%1 guidance of %2").arg(previousGuidance->period, previousGuidance->announced.display()));
        const double tolerance = 0.005 * std::abs(previousGuidance->midpoint());
        if (*f.change > tolerance)
            f.status = QStringLiteral("raised");
        else if (*f.change < -tolerance)
            f.status = QStringLiteral("cut");
        else if ((f.high - f.low) < (previousGuidance->high - previousGuidance->low) - tolerance)
            f.status = QStringLiteral("narrowed");
        else if ((f.high - f.low) > (previousGuidance->high - previousGuidance->low) + tolerance)
            f.status = QStringLiteral("widened");
        else
            f.status = QStringLiteral("reaffirmed");
    }
    return all;
}

} // namespace tw
