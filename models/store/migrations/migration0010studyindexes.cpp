#include "models/store/migrations/migration.h"

namespace tw {

// A backtest reads every article score of every company: by ticker, the
// score, confidence and link relevance of each (ArticleEvidenceReader).
// The first two indexes carry those values, so the reads are index range
// scans and never visit the wide rows (article_scores keeps the highlight
// spans). Each replaces an index with the same leading columns, under the
// same name: every other query plans as before, and ingest still writes one
// entry per row. The third finds the model version of the newest scores
// (StudyInputs::newestModelVersion, asked by every backtest, event study
// and Signal panel refresh) in one index step instead of a scan of every
// score; ingest appends to it in time order.
Status migration0010StudyIndexes(QSqlDatabase &db, SqlDialect dialect)
{
    return execDdl(db, dialect,
                   {QStringLiteral("DROP INDEX article_scores_ticker"),
                    QStringLiteral("CREATE INDEX article_scores_ticker ON article_scores(ticker, model_version, "
                                   "article_id, score, confidence)"),
                    QStringLiteral("DROP INDEX article_tickers_ticker"),
                    QStringLiteral("CREATE INDEX article_tickers_ticker ON article_tickers(ticker, article_id, "
                                   "relevance)"),
                    QStringLiteral("CREATE INDEX article_scores_scored ON article_scores(scored_utc, model_version)")});
}

} // namespace tw
