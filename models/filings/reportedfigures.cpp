#include "models/filings/reportedfigures.h"

#include "models/events/eventtypes.h"

#include <QHash>
#include <QMap>

#include <algorithm>
#include <cmath>

namespace tw {

namespace {

// The periodic reports whose figures count, with their amendments ("10-K/A").
bool isPeriodicReport(const QString &form)
{
    static const QStringList forms{QStringLiteral("10-K"),  QStringLiteral("10-K405"), QStringLiteral("10-KT"),
                                   QStringLiteral("10-Q"),  QStringLiteral("10-QT"),   QStringLiteral("20-F"),
                                   QStringLiteral("40-F")};
    return forms.contains(form.section(QLatin1Char('/'), 0, 0).trimmed().toUpper());
}

bool isAnnualReport(const QString &form)
{
    const QString base = form.section(QLatin1Char('/'), 0, 0).trimmed().toUpper();
    return base.startsWith(QLatin1String("10-K")) || base == QLatin1String("20-F") || base == QLatin1String("40-F");
}

bool isCurrency(const QString &unit)
{
    return unit.size() == 3 && std::all_of(unit.cbegin(), unit.cend(), [](QChar c) { return c >= QLatin1Char('A') && c <= QLatin1Char('Z'); });
}

enum class Span { Year, Quarter, Half, NineMonths, Other };

Span spanOf(const QDate &start, const QDate &end)
{
    if (!start.isValid() || !end.isValid())
        return Span::Other;
    const qint64 days = start.daysTo(end) + 1;
    if (days >= 350 && days <= 380)
        return Span::Year;
    if (days >= 80 && days <= 100)
        return Span::Quarter;
    if (days >= 170 && days <= 192)
        return Span::Half;
    if (days >= 260 && days <= 285)
        return Span::NineMonths;
    return Span::Other;
}

// A period's value as it stands, after every filing that reported it.
struct Standing {
    QDate start;
    QDate end;
    double value = 0;
    QString form;
    QDate filed;
    QString accession;
    int revisions = 0;
    std::optional<double> previous;
};

bool sameValue(double a, double b)
{
    return std::abs(a - b) <= 0.5 + 1e-9 * std::max(std::abs(a), std::abs(b));
}

// The latest filing's figure wins; it is dated by the filing that first
// reported that figure (a 10-K repeating last year's capex changes nothing).
Standing standingOf(QList<ReportedFact> reports)
{
    std::sort(reports.begin(), reports.end(), [](const ReportedFact &a, const ReportedFact &b) {
        return a.filed != b.filed ? a.filed < b.filed : a.accession < b.accession;
    });
    Standing s;
    bool first = true;
    for (const ReportedFact &f : reports) {
        if (first || !sameValue(f.value, s.value)) {
            if (!first) {
                s.previous = s.value;
                ++s.revisions;
            }
            s.value = f.value;
            s.form = f.form;
            s.filed = f.filed;
            s.accession = f.accession;
            first = false;
        }
    }
    s.start = reports.first().start;
    s.end = reports.first().end;
    return s;
}

struct FiscalYear {
    int label = 0;
    QDate start;
    QDate end;
};

// The calendar year a fiscal year ending on `end` is usually named for: a
// 52/53-week year ending in the first days of January belongs to the year before.
int baseYear(const QDate &end)
{
    return end.addDays(-7).year();
}

// The company's fiscal years, named as its 10-Ks name them. A 10-K's
// fiscal-year focus names the latest year it covers; companies differ (a
// year ending 2025-02-01 is "2024" for some retailers), so the offset most
// of its 10-Ks show is applied to every year (a few filings carry a wrong
// focus: NVIDIA's 10-Ks for 2011 to 2014 say the year before).
QList<FiscalYear> fiscalYears(const QList<ReportedFact> &facts)
{
    QHash<QString, QDate> lastEndOfFiling;
    QHash<QString, int> yearOfFiling;
    for (const ReportedFact &f : facts) {
        if (!isAnnualReport(f.form) || f.fiscalPeriod != QLatin1String("FY") || f.fiscalYear <= 0
            || spanOf(f.start, f.end) != Span::Year)
            continue;
        QDate &last = lastEndOfFiling[f.accession];
        if (!last.isValid() || f.end > last)
            last = f.end;
        yearOfFiling.insert(f.accession, f.fiscalYear);
    }
    QMap<int, int> offsets;   // offset -> filings showing it
    for (auto it = lastEndOfFiling.cbegin(); it != lastEndOfFiling.cend(); ++it)
        offsets[yearOfFiling.value(it.key()) - baseYear(it.value())] += 1;
    int offset = 0;
    int most = 0;
    for (auto it = offsets.cbegin(); it != offsets.cend(); ++it) {
        if (it.value() > most || (it.value() == most && std::abs(it.key()) < std::abs(offset))) {
            most = it.value();
            offset = it.key();
        }
    }
    QMap<int, FiscalYear> byLabel;
    for (const ReportedFact &f : facts) {
        if (spanOf(f.start, f.end) != Span::Year || !isPeriodicReport(f.form))
            continue;
        const int label = baseYear(f.end) + offset;
        auto it = byLabel.find(label);
        if (it == byLabel.end())
            byLabel.insert(label, FiscalYear{label, f.start, f.end});
        else if (f.end > it->end)   // a changed fiscal year: the later period keeps the name
            *it = FiscalYear{label, f.start, f.end};
    }
    return byLabel.values();
}

// The fiscal year a period within a year falls in; years no 10-K covers yet
// (the current one) are counted on from the nearest known.
std::optional<FiscalYear> fiscalYearOf(const QList<FiscalYear> &years, const QDate &start, const QDate &end)
{
    constexpr int kSlack = 7;
    for (const FiscalYear &y : years) {
        if (y.start.addDays(-kSlack) <= start && end <= y.end.addDays(kSlack))
            return y;
    }
    if (years.isEmpty())
        return std::nullopt;
    const FiscalYear *anchor = &years.first();
    for (const FiscalYear &y : years) {
        if (std::abs(y.start.daysTo(start)) < std::abs(anchor->start.daysTo(start)))
            anchor = &y;
    }
    const int years_ = int(std::floor((anchor->start.daysTo(start) + kSlack) / 365.25));
    FiscalYear y{anchor->label + years_, anchor->start.addYears(years_), anchor->end.addYears(years_)};
    if (y.start.addDays(-kSlack) <= start && end <= y.end.addDays(kSlack))
        return y;
    return std::nullopt;
}

int quarterOf(const FiscalYear &y, const QDate &end)
{
    return std::clamp(int(std::lround(double(y.start.daysTo(end) + 1) / 91.3)), 1, 4);
}

ReportedFigure figureFrom(const Standing &s, const QString &ticker, const QString &metric, const QString &period,
                          const QString &conceptName, const QString &currency)
{
    ReportedFigure f;
    f.ticker = ticker;
    f.metric = metric;
    f.period = period;
    f.start = s.start;
    f.end = s.end;
    f.value = s.value;
    f.currency = currency;
    f.conceptName = conceptName;
    f.form = s.form;
    f.filed = s.filed;
    f.accession = s.accession;
    f.revisions = s.revisions;
    f.previousValue = s.previous;
    return f;
}

// Every figure one conceptName gives, by period.
QMap<QString, ReportedFigure> figuresOfConcept(const QString &ticker, const QString &metric, const QString &conceptName,
                                                const QList<ReportedFact> &facts, const QList<FiscalYear> &years)
{
    // One currency per conceptName: USD when the company reports in it.
    QHash<QString, int> units;
    for (const ReportedFact &f : facts)
        units[f.unit] += 1;
    QString unit = units.contains(QStringLiteral("USD")) ? QStringLiteral("USD") : QString();
    if (unit.isEmpty()) {
        int most = 0;
        for (auto it = units.cbegin(); it != units.cend(); ++it) {
            if (it.value() > most) {
                most = it.value();
                unit = it.key();
            }
        }
    }
    QHash<QString, QList<ReportedFact>> byPeriod;   // "start|end"
    for (const ReportedFact &f : facts) {
        if (f.unit == unit)
            byPeriod[f.start.toString(Qt::ISODate) + QLatin1Char('|') + f.end.toString(Qt::ISODate)] << f;
    }
    QMap<int, Standing> annual;
    QMap<int, QMap<int, Standing>> direct;      // fiscal year -> quarter -> three months
    QMap<int, QMap<int, Standing>> toDate;      // fiscal year -> quarters covered -> year to date
    for (const QList<ReportedFact> &reports : std::as_const(byPeriod)) {
        const Standing s = standingOf(reports);
        const Span span = spanOf(s.start, s.end);
        if (span == Span::Other)
            continue;
        const auto year = fiscalYearOf(years, s.start, s.end);
        if (!year)
            continue;
        if (span == Span::Year) {
            if (std::abs(year->end.daysTo(s.end)) <= 7)
                annual.insert(year->label, s);
            continue;
        }
        const int q = quarterOf(*year, s.end);
        if (span == Span::Quarter) {
            direct[year->label].insert(q, s);
            continue;
        }
        if (std::abs(year->start.daysTo(s.start)) <= 7)
            toDate[year->label].insert(q, s);
    }

    QMap<QString, ReportedFigure> out;
    for (auto it = annual.cbegin(); it != annual.cend(); ++it)
        out.insert(QString::number(it.key()), figureFrom(it.value(), ticker, metric, QString::number(it.key()), conceptName, unit));
    QList<int> labels = direct.keys() + toDate.keys();
    std::sort(labels.begin(), labels.end());
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
    for (int label : labels) {
        const QMap<int, Standing> quarters = direct.value(label);
        const QMap<int, Standing> ytd = toDate.value(label);
        // The value from the year's start through quarter k, and the figure it came from.
        auto cumulative = [&](int k) -> std::optional<Standing> {
            if (k == 4 && annual.contains(label))
                return annual.value(label);
            if (k == 1 && quarters.contains(1))
                return quarters.value(1);
            if (ytd.contains(k))
                return ytd.value(k);
            if (!quarters.contains(1))
                return std::nullopt;
            Standing sum = quarters.value(1);
            sum.value = 0;
            sum.revisions = 0;
            sum.previous.reset();
            for (int i = 1; i <= k; ++i) {
                if (!quarters.contains(i))
                    return std::nullopt;
                const Standing &q = quarters.value(i);
                sum.value += q.value;
                sum.end = q.end;
                if (q.filed >= sum.filed) {
                    sum.form = q.form;
                    sum.filed = q.filed;
                    sum.accession = q.accession;
                }
            }
            return sum;
        };
        for (int q = 1; q <= 4; ++q) {
            const QString period = QStringLiteral("%1-Q%2").arg(label).arg(q);
            if (quarters.contains(q)) {
                out.insert(period, figureFrom(quarters.value(q), ticker, metric, period, conceptName, unit));
                continue;
            }
            if (q == 1)
                continue;
            const auto through = cumulative(q);
            const auto before = cumulative(q - 1);
            if (!through || !before)
                continue;
            Standing s = *through;
            s.start = before->end.addDays(1);
            s.value = through->value - before->value;
            s.previous.reset();
            ReportedFigure f = figureFrom(s, ticker, metric, period, conceptName, unit);
            f.derived = true;
            out.insert(period, f);
        }
    }
    return out;
}

QString amountText(double value, const QString &currency)
{
    const auto [amount, unit] = scaledAmount(value);
    return EventAmount::number(amount) + (unit.isEmpty() ? QString() : QLatin1Char(' ') + unit) + QLatin1Char(' ') + currency;
}

} // namespace

const QList<ReportedMetric> &reportedMetrics()
{
    static const QList<ReportedMetric> metrics{
        {QStringLiteral("capex"),
         {QStringLiteral("us-gaap:PaymentsToAcquirePropertyPlantAndEquipment"),
          QStringLiteral("us-gaap:PaymentsToAcquireProductiveAssets")}},
        {QStringLiteral("revenue"),
         {QStringLiteral("us-gaap:Revenues"), QStringLiteral("us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax"),
          QStringLiteral("us-gaap:SalesRevenueNet"), QStringLiteral("us-gaap:RevenueFromContractWithCustomerIncludingAssessedTax")}},
        {QStringLiteral("expenses"),
         {QStringLiteral("us-gaap:OperatingExpenses"), QStringLiteral("us-gaap:CostsAndExpenses")}},
    };
    return metrics;
}

QStringList reportedConcepts()
{
    QStringList all;
    for (const ReportedMetric &m : reportedMetrics())
        all += m.concepts;
    return all;
}

std::pair<double, QString> scaledAmount(double value)
{
    const double magnitude = std::abs(value);
    if (magnitude >= 1e9)
        return {value / 1e9, QStringLiteral("billion")};
    if (magnitude >= 1e6)
        return {value / 1e6, QStringLiteral("million")};
    if (magnitude >= 1e3)
        return {value / 1e3, QStringLiteral("thousand")};
    return {value, QString()};
}

QString ReportedFigure::sourceText() const
{
    QString text = QStringLiteral("%1 filed %2").arg(form, filed.toString(Qt::ISODate));
    if (derived)
        text += QStringLiteral(", worked out from year-to-date figures");
    if (previousValue)
        text += QStringLiteral(", restated (was %1)").arg(amountText(*previousValue, currency));
    return text;
}

QList<ReportedFigure> ReportedFigureResolver::resolve(const QString &ticker, const QList<ReportedFact> &facts)
{
    QList<ReportedFact> usable;
    for (const ReportedFact &f : facts) {
        if (isPeriodicReport(f.form) && isCurrency(f.unit) && f.start.isValid() && f.end.isValid() && f.filed.isValid())
            usable << f;
    }
    const QList<FiscalYear> years = fiscalYears(usable);
    QList<ReportedFigure> out;
    for (const ReportedMetric &metric : reportedMetrics()) {
        // The first conceptName in the metric's order that reports a period gives it.
        QMap<QString, ReportedFigure> chosen;
        for (const QString &conceptName : metric.concepts) {
            QList<ReportedFact> ofConcept;
            for (const ReportedFact &f : usable) {
                if (f.conceptName == conceptName)
                    ofConcept << f;
            }
            if (ofConcept.isEmpty())
                continue;
            const auto figures = figuresOfConcept(ticker, metric.metric, conceptName, ofConcept, years);
            for (auto it = figures.cbegin(); it != figures.cend(); ++it) {
                if (!chosen.contains(it.key()))
                    chosen.insert(it.key(), it.value());
            }
        }
        out += chosen.values();
    }
    return out;
}

} // namespace tw
