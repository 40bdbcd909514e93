#pragma once

#include "feeds/parsers/secformat.h"
#include "models/core/result.h"
#include "models/filings/filingingestor.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace tw {

struct SecImportOutcome {
    SecFormat format = SecFormat::None;
    FilingIngestReport report;
    QStringList skipped;    // what the parser left out, and why
    QString summary;        // one line for the user: what was read and stored
    int items = 0;          // filings or facts read
    QStringList currentReports;   // a listing's 8-Ks and 8-K/As (accession numbers): their documents are read next
};

// Reads one SEC document (any of the four formats) and hands it to the
// FilingIngestor: `tickerwire ingest FILE` and the SEC feeds come here.
class SecDocumentImporter {
public:
    explicit SecDocumentImporter(QSqlDatabase db, FilingIngestor::CikLookup directory = {});

    // `origin`: the file name or URL (an accession number in it names the
    // filing); `ticker`: the company, when the document cannot say.
    Result<SecImportOutcome> import(const QByteArray &body, SecFormat format, const QString &origin,
                                    const QString &ticker = QString());

private:
    QSqlDatabase m_db;
    FilingIngestor::CikLookup m_directory;
};

} // namespace tw
