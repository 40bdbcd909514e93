#pragma once

#include "models/domain/reportedfact.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tw {

// A metric the guidance history follows and the XBRL concepts that report
// it, in order of preference (the first one a company tags for a period wins).
struct ReportedMetric {
    QString metric;             // "capex", as guidance names it
    QStringList concepts;       // "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment", ...
};

// capex: payments for property, plant and equipment (else for productive
// assets, NVIDIA's tag since 2012); revenue: Revenues, else revenue from
// contracts with customers, else the pre-2018 SalesRevenueNet; expenses:
// operating expenses where tagged, else total costs and expenses.
const QList<ReportedMetric> &reportedMetrics();
QStringList reportedConcepts();

// What a company reported for a metric and period, as it stands now: the
// figure of the latest filing for that period (amendments and restatements
// win), dated by the filing that first reported that figure.
struct ReportedFigure {
    QString ticker;
    QString metric;
    QString period;         // fiscal: "2024" (a year), "2025-Q2"
    QDate start;
    QDate end;
    double value = 0;       // in currency units: 52535000000
    QString currency;       // "USD"
    QString conceptName;
    QString form;           // of the filing that reported this figure: "10-K"
    QDate filed;
    QString accession;
    bool derived = false;   // a quarter worked out from year-to-date or annual figures
    int revisions = 0;      // how often later filings changed the figure
    std::optional<double> previousValue;   // before the last change

    bool annual() const { return !period.contains(QLatin1Char('-')); }
    // "10-K filed 2025-02-05", "10-K filed 2026-02-05, restated (was 31.1 billion)".
    QString sourceText() const;
};

// Turns a company's XBRL facts into reported figures per metric and fiscal
// period. Years are named as the company's 10-K names them (NVIDIA's year
// ending 2026-01-25 is 2026); quarters are counted from the fiscal year's
// start. Cash-flow figures are filed year-to-date (six and nine months), so
// a quarter without its own three-month figure is the difference of two
// year-to-date figures, and the fourth quarter the year less nine months
// (marked derived). Only periodic reports count (10-K, 10-Q, 20-F, 40-F and
// their amendments): a registration statement repeating old figures does not.
class ReportedFigureResolver {
public:
    static QList<ReportedFigure> resolve(const QString &ticker, const QList<ReportedFact> &facts);
};

// A figure in the unit guidance uses: 52535000000 -> {52.535, "billion"}.
std::pair<double, QString> scaledAmount(double value);

} // namespace tw
