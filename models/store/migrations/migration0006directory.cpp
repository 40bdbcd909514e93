#include "models/store/migrations/migration.h"

namespace tw {

// The company directory and link relevance: a ticker keeps its SEC company
// id (share classes of one company share it), and an article's link to a
// company keeps its relevance as a whole number 0-100 (it was a fraction 0-1).
Status migration0006Directory(QSqlDatabase &db, SqlDialect dialect)
{
    return execDdl(db, dialect, {
        QStringLiteral("ALTER TABLE tickers ADD COLUMN cik BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("UPDATE article_tickers SET relevance = round(relevance * 100)"),
    });
}

} // namespace tw
