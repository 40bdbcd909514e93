#pragma once

#include "models/core/result.h"
#include "models/domain/filing.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace tw {

// What a filing's own document says: the filing (accession, company, form,
// dates, tickers) with each item's text and the exhibits' text.
struct SecFilingDocument {
    enum class Shape {
        FullSubmission,     // the complete submission text file (<SEC-DOCUMENT>, header, every document)
        SingleDocument,     // one <DOCUMENT> of it (an exhibit as EDGAR serves it)
        PrimaryDocument,    // the 8-K's HTML (or text) document alone
    };
    Filing filing;
    Shape shape = Shape::PrimaryDocument;
    QStringList notes;      // what could not be read, for the user
};

// An 8-K as EDGAR keeps it: the complete submission text (header with
// accession, form, filing date, period of report, item titles, filer and
// CIK; then each document), one document of it, or the main HTML document
// alone (cover page with inline-XBRL facts: CIK, trading symbols, date of
// report). Items are found by their headings ("Item 5.02 Departure of
// ...", "ITEM 9.01(d). Exhibits", "Item 9. Regulation FD Disclosure" before
// 2004) and run to the next heading or the signatures. Exhibits EX-99.x are
// read as text with their headline. Pure: bytes in, a value out.
class SecFilingDocumentParser {
public:
    // `origin`: the file name or URL the bytes came from; an accession
    // number in it ("0000887919-21-000012.html", ".../000162828025058337/...")
    // names a filing whose document does not.
    static Result<SecFilingDocument> parse(const QByteArray &body, const QString &origin = QString());

    static bool looksLikeSubmission(const QByteArray &head);   // <SEC-DOCUMENT>, <SEC-HEADER> or <DOCUMENT><TYPE>
    static bool looksLikeCurrentReport(const QByteArray &head); // an HTML or text 8-K cover page

    // The headline a press release opens with, from its text lines (after
    // the letterhead, addresses and contacts; before the first paragraph).
    static QString pressReleaseHeadline(const QStringList &lines, const QString &companyName);
};

} // namespace tw
