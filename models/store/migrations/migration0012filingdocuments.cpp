#include "models/store/migrations/migration.h"

namespace tw {

// Which filings' own documents a fetch has read (an 8-K's full submission
// text, after a feed listed the filing), and the failures before that: a
// re-fetch downloads nothing read before, and a failure is tried again on the
// next fetch, up to a bound. One row per filing; it goes with the filing.
Status migration0012FilingDocuments(QSqlDatabase &db, SqlDialect dialect)
{
    return execDdl(db, dialect, {
        QStringLiteral(R"(CREATE TABLE filing_document_fetches (
            accession TEXT PRIMARY KEY REFERENCES filings(accession) ON DELETE CASCADE,
            url TEXT NOT NULL DEFAULT '',
            fetched_utc BIGINT,
            failures INTEGER NOT NULL DEFAULT 0,
            last_attempt_utc BIGINT NOT NULL,
            last_error TEXT NOT NULL DEFAULT ''))"),
    });
}

} // namespace tw
