#pragma once

#include "models/core/result.h"
#include "models/domain/filing.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace tw {

// What an EDGAR filing feed lists: one Filing per accession number, with
// form, filing date, index page and item numbers and titles (no text).
struct SecFilingFeed {
    QString title;
    qint64 cik = 0;             // the company of a per-company feed; 0 for "latest filings"
    QString companyName;
    QList<Filing> filings;      // newest first, as the feed lists them
    QStringList skipped;        // "entry 3: no accession number"
};

// EDGAR's Atom feeds: the per-company filing list (browse-edgar
// action=getcompany&output=atom: <company-info>, entries whose <content>
// holds accession-number, filing-date, filing-type and items-desc) and
// "latest filings" (action=getcurrent: the form in the category, company and
// CIK in the title, date, accession and items in the HTML summary, each
// filing once per party: filer, issuer, reporting owner, subject company).
class SecFilingFeedParser {
public:
    static Result<SecFilingFeed> parse(const QByteArray &body);
    // The root is an Atom feed from sec.gov (its id, links or company-info say so).
    static bool looksLikeEdgarFeed(const QByteArray &head);
};

} // namespace tw
