#pragma once

#include "models/core/result.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace tw {

// A listed 8-K whose own document the store has not read yet.
struct FilingAwaitingDocument {
    QString accession;
    qint64 cik = 0;
    QString indexUrl;       // as the listing gave it
    QDate filed;
    int failures = 0;       // earlier attempts that failed
};

// filing_document_fetches (migration 12): which filings' documents a fetch
// read and which attempts failed, so a re-fetch downloads nothing twice and a
// failure is tried again. The caller owns any transaction.
class FilingDocumentFetchStore {
public:
    explicit FilingDocumentFetchStore(QSqlDatabase db);

    // Of the filings named (stored accession numbers), the 8-Ks and 8-K/As
    // whose document was neither fetched nor read otherwise (no item has
    // text, as after `tickerwire ingest FILE`) and that failed fewer than
    // `maxFailures` times; newest first.
    Result<QList<FilingAwaitingDocument>> awaiting(const QStringList &accessions, int maxFailures) const;

    Status recordFetched(const QString &accession, const QString &url);
    // The filing's failures so far, this one included.
    Result<int> recordFailure(const QString &accession, const QString &url, const QString &error);

private:
    QSqlDatabase m_db;
};

} // namespace tw
