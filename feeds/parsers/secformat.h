#pragma once

#include <QByteArray>
#include <QString>

namespace tw {

// Which of SEC EDGAR's documents a body is, from its first bytes.
enum class SecFormat {
    None,
    FilingFeed,         // an EDGAR Atom filing list (per company or latest filings)
    Submissions,        // data.sec.gov/submissions JSON
    CurrentReport,      // an 8-K: complete submission text, one of its documents, or its HTML
    CompanyFacts,       // data.sec.gov/api/xbrl/companyfacts JSON
};

SecFormat sniffSecFormat(const QByteArray &body);
// "sec-filing-feed", "sec-submissions", "sec-8k", "sec-companyfacts"; empty for None.
QString secFormatId(SecFormat format);

} // namespace tw
