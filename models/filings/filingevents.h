#pragma once

#include "models/core/result.h"
#include "models/domain/filing.h"
#include "models/events/eventtypes.h"

#include <QList>
#include <QSqlDatabase>

namespace tw {

// How sure a fact is that the company itself filed: "reported by the company".
constexpr double kFiledConfidence = 0.95;

// The events an 8-K reports: one per kind among its items (5.02 a
// leadership change, 1.01 and 2.01 a deal, 2.02 results, 2.05
// restructuring, 1.05 a cyber incident, 7.01, 8.01 and the rest other
// events; 9.01 lists exhibits and reports nothing), dated by the date of
// the earliest event reported. Other forms report none.
QList<ExtractedEvent> filingEvents(const Filing &filing, const QString &ticker);

struct FilingMergeReport {
    int created = 0;        // events the news had not reported
    int confirmed = 0;      // news events the filing confirms
    QList<qint64> createdIds;
};

// Puts a filing's events into the store: each joins the same event found in
// the news (same company and kind, within a week; a deal or leadership
// event whose counterparty or role the item's text names first), else
// stands alone, and links to the filing (event_filings) either way.
// Idempotent per filing: what it reported before is forgotten first.
class FilingEventMerger {
public:
    explicit FilingEventMerger(QSqlDatabase db);

    Result<FilingMergeReport> merge(const Filing &filing, const QString &ticker);
    // Every stored 8-K again (after events were rebuilt from the articles).
    Result<FilingMergeReport> mergeStored();

private:
    QSqlDatabase m_db;
};

} // namespace tw
