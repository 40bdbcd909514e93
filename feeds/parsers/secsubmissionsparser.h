#pragma once

#include "models/core/result.h"
#include "models/domain/filing.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace tw {

// A company's filing history from SEC's submissions API.
struct SecSubmissions {
    qint64 cik = 0;
    QString name;
    QStringList tickers;        // "NVDA"
    QStringList exchanges;
    QString fiscalYearEnd;      // "0131": month and day
    QList<Filing> filings;      // newest first, items listed (no text)
    QStringList olderFiles;     // further pages SEC keeps apart ("CIK0001045810-submissions-001.json")
    QStringList skipped;
};

// data.sec.gov/submissions/CIK##########.json: company facts and
// filings.recent, one array per column (accessionNumber, filingDate,
// reportDate, acceptanceDateTime, form, items "2.02,9.01", primaryDocument,
// ...); also one of the older pages, which hold those columns at the top.
class SecSubmissionsParser {
public:
    static Result<SecSubmissions> parse(const QByteArray &body);
};

} // namespace tw
