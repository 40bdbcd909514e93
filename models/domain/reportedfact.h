#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace tw {

// One figure as a filing reported it in XBRL: capital expenditure of
// 52,535,000,000 USD for 2024-01-01..2024-12-31, in the 10-K filed
// 2025-02-05. The same period comes back in later filings (as the prior
// year's comparison, or restated): each is one fact.
struct ReportedFact {
    QString conceptName;        // "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment"
    QString unit;           // "USD"
    QDate start;            // invalid for an instant (a balance)
    QDate end;
    double value = 0;
    QString accession;      // the filing that reported it
    QString form;           // "10-K", "10-Q", "10-K/A", ...
    QDate filed;
    int fiscalYear = 0;     // the reporting filing's fiscal year (not necessarily the fact's)
    QString fiscalPeriod;   // the reporting filing's: "FY", "Q1".."Q3"
    QString frame;          // SEC's calendar frame when it assigned one: "CY2024", "CY2025Q1"
};

// A company's XBRL facts (SEC "company facts"), for the concepts asked for.
struct CompanyFacts {
    qint64 cik = 0;
    QString entityName;
    QList<ReportedFact> facts;
    int conceptsRead = 0;   // concepts found among those asked for
};

} // namespace tw
