#include "models/store/filingdocumentfetchstore.h"

#include "models/core/storetime.h"
#include "models/store/sqlexec.h"
#include "models/store/sqlvalues.h"

#include <QSqlQuery>

namespace tw {

FilingDocumentFetchStore::FilingDocumentFetchStore(QSqlDatabase db) : m_db(std::move(db)) {}

Result<QList<FilingAwaitingDocument>> FilingDocumentFetchStore::awaiting(const QStringList &accessions,
                                                                         int maxFailures) const
{
    if (accessions.isEmpty())
        return QList<FilingAwaitingDocument>();
    QStringList marks;
    marks.fill(QStringLiteral("?"), accessions.size());
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
                  "SELECT f.accession, f.cik, f.index_url, f.filed_date, coalesce(d.failures, 0) FROM filings f "
                  "LEFT JOIN filing_document_fetches d ON d.accession = f.accession "
                  "WHERE f.accession IN (%1) AND f.form IN ('8-K', '8-K/A') AND d.fetched_utc IS NULL "
                  "AND coalesce(d.failures, 0) < ? "
                  "AND NOT EXISTS (SELECT 1 FROM filing_items i WHERE i.accession = f.accession AND i.body <> '') "
                  "ORDER BY f.filed_date DESC, coalesce(f.accepted_utc, 0) DESC, f.accession DESC")
                  .arg(marks.join(QLatin1Char(','))));
    int i = 0;
    for (const QString &a : accessions)
        q.bindValue(i++, a);
    q.bindValue(i, maxFailures);
    if (!q.exec())
        return fail(describeSqlError(QStringLiteral("Could not read which filings' documents are awaited"), q));
    return readRows(q, [](const QSqlQuery &row) {
        FilingAwaitingDocument f;
        f.accession = row.value(0).toString();
        f.cik = row.value(1).toLongLong();
        f.indexUrl = row.value(2).toString();
        f.filed = isoDateAt(row, 3);
        f.failures = row.value(4).toInt();
        return f;
    });
}

Status FilingDocumentFetchStore::recordFetched(const QString &accession, const QString &url)
{
    const qint64 now = toStoreTime(nowUtc());
    return execBound(m_db,
                     QStringLiteral("INSERT INTO filing_document_fetches (accession, url, fetched_utc, failures, "
                                    "last_attempt_utc, last_error) VALUES (?,?,?,0,?,'') ON CONFLICT (accession) "
                                    "DO UPDATE SET url = excluded.url, fetched_utc = excluded.fetched_utc, "
                                    "last_attempt_utc = excluded.last_attempt_utc, last_error = ''"),
                     {accession, url, now, now});
}

Result<int> FilingDocumentFetchStore::recordFailure(const QString &accession, const QString &url, const QString &error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO filing_document_fetches (accession, url, failures, last_attempt_utc, last_error) "
        "VALUES (?,?,1,?,?) ON CONFLICT (accession) DO UPDATE SET url = excluded.url, "
        "failures = filing_document_fetches.failures + 1, last_attempt_utc = excluded.last_attempt_utc, "
        "last_error = excluded.last_error RETURNING failures"));
    if (auto s = execBound(q, {accession, url, toStoreTime(nowUtc()), error}); !s)
        return s.error();
    if (!q.next())
        return fail(QStringLiteral("Could not record the failed fetch of filing %1").arg(accession));
    return q.value(0).toInt();
}

} // namespace tw
