#include "models/events/guidancehistory.h"

#include "models/filings/reportedfigures.h"
#include "models/store/eventstore.h"
#include "models/store/reportedfigurestore.h"

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

bool quarterly(const QString &period)
{
    return period.contains(QLatin1String("-Q"));
}

// 52.535 stays 52.535: reported figures are exact to the million.
QString preciseNumber(double v)
{
    static const QRegularExpression trailingZeros(QStringLiteral("\\.?0+$"));
    return QString::number(v, 'f', 3).remove(trailingZeros);
}

// An actual against the guidance of its period, in the actual's unit.
QString verdict(const GuidanceFigure &guide, const GuidanceFigure &actual)
{
    const double toActual = unitScale(guide.unit) / unitScale(actual.unit);
    return guidanceVerdict(guide.low * toActual, guide.high * toActual, actual.high, actual.reported);
}
} // namespace

QString guidanceVerdict(double low, double high, double value, bool reported)
{
    const double slack = low == high ? 0.01 * std::abs(low) : 0.001 * std::abs((low + high) / 2);
    const QString where = value < low - slack ? QStringLiteral("below the range")
        : value > high + slack                 ? QStringLiteral("above the range")
                                               : QStringLiteral("inside the range");
    const QString guided = low == high ? preciseNumber(low) : preciseNumber(low) + QChar(0x2013) + preciseNumber(high);
    return QStringLiteral("guided %1, %2 %3: %4")
        .arg(guided, reported ? QStringLiteral("reported") : QStringLiteral("news says"), preciseNumber(value), where);
}

QString GuidanceFigure::changeText() const
{
    if (!change)
        return QString();
    QString text = signedNumber(*change, 2) + (unit.isEmpty() ? QString() : QLatin1Char(' ') + unit);
    if (changePercent)
        text += QStringLiteral(" (%1%)").arg(signedNumber(*changePercent, 1));
    return text + QStringLiteral(" vs ") + comparedWith;
}

QString GuidanceFigure::lowText() const
{
    return reported ? preciseNumber(low) : EventAmount::number(low);
}

QString GuidanceFigure::highText() const
{
    return reported ? preciseNumber(high) : EventAmount::number(high);
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
    // What the companies reported in their filings.
    auto reported = ReportedFigureStore(m_db).figures(ticker, metric);
    if (!reported)
        return reported.error();
    for (const ReportedFigure &r : *reported) {
        GuidanceFigure f;
        f.ticker = r.ticker;
        f.metric = r.metric;
        f.period = r.period;
        f.actual = true;
        f.reported = true;
        const auto [amount, unit] = scaledAmount(r.value);
        f.low = f.high = amount;
        f.unit = unit;
        f.currency = r.currency;
        f.announced = EventDate{r.filed, DatePrecision::Day, DateBasis::Text};
        f.status = QStringLiteral("actual");
        f.source = r.sourceText();
        all << f;
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
        if (a.reported != b.reported)
            return !a.reported;   // the news's figure, then the filing's
        return a.announced.date < b.announced.date;
    });

    const auto sameHistory = [](const GuidanceFigure &a, const GuidanceFigure &b) {
        return a.ticker == b.ticker && a.metric == b.metric;
    };
    // The actual of the latest earlier period of the same length (a year
    // with years, a quarter with quarters), the filing's before the news's.
    const auto previousActual = [&](const GuidanceFigure &f) -> const GuidanceFigure * {
        const GuidanceFigure *best = nullptr;
        for (const GuidanceFigure &p : std::as_const(all)) {
            if (!sameHistory(p, f) || !p.actual || p.period >= f.period || quarterly(p.period) != quarterly(f.period))
                continue;
            if (!best || p.period > best->period || (p.period == best->period && p.reported && !best->reported))
                best = &p;
        }
        return best;
    };
    // The last range guided for an actual's period before it was reported
    // (else the last one given at all).
    const auto lastGuidanceFor = [&](const GuidanceFigure &f) -> const GuidanceFigure * {
        const GuidanceFigure *before = nullptr;
        const GuidanceFigure *any = nullptr;
        for (const GuidanceFigure &p : std::as_const(all)) {
            if (!sameHistory(p, f) || p.actual || p.period != f.period)
                continue;
            any = &p;
            if (!f.announced.date.isValid() || p.announced.date <= f.announced.date)
                before = &p;
        }
        return before ? before : any;
    };

    for (int i = 0; i < all.size(); ++i) {
        GuidanceFigure &f = all[i];
        if (f.actual) {
            if (const GuidanceFigure *guide = lastGuidanceFor(f)) {
                compare(f, *guide, QStringLiteral("%1 guidance").arg(f.period));
                f.verdict = verdict(*guide, f);
            } else if (const GuidanceFigure *p = previousActual(f)) {
                compare(f, *p, QStringLiteral("%1 actual").arg(p->period));
            }
            continue;
        }
        const GuidanceFigure *previousGuidance = nullptr;   // same period, earlier
        const GuidanceFigure *lastGuidance = nullptr;       // any earlier guidance
        for (int j = i - 1; j >= 0; --j) {
            const GuidanceFigure &p = all[j];
            if (!sameHistory(p, f))
                break;
            if (!previousGuidance && samePeriodGuidance(p, f))
                previousGuidance = &p;
            if (!lastGuidance && !p.actual)
                lastGuidance = &p;
        }
        if (!previousGuidance) {
            if (f.status.isEmpty())
                f.status = QStringLiteral("initial");
            if (const GuidanceFigure *p = previousActual(f))
                compare(f, *p, QStringLiteral("%1 actual").arg(p->period));
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
