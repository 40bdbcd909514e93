#include "models/store/migrations/migration.h"

namespace tw {

// A backtest reads every article score of every company: by ticker, the
// score, confidence and link relevance of each (ArticleEvidenceReader).
// These two indexes carry those values, so the reads are index range scans
// and never visit the wide rows (article_scores keeps the highlight spans).
// Each replaces an index with the same leading columns, under the same name:
// every other query plans as before, and ingest still writes one entry per
// row.
Status migration0011StudyIndexes(QSqlDatabase &db, SqlDialect dialect)
{
    return execDdl(db, dialect,
                   {QStringLiteral("DROP INDEX article_scores_ticker"),
                    QStringLiteral("CREATE INDEX article_scores_ticker ON article_scores(ticker, model_version, "
                                   "article_id, score, confidence)"),
                    QStringLiteral("DROP INDEX article_tickers_ticker"),
                    QStringLiteral("CREATE INDEX article_tickers_ticker ON article_tickers(ticker, article_id, "
                                   "relevance)")});
}

} // namespace tw
