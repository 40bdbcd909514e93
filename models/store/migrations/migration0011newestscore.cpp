#include "models/store/migrations/migration.h"

namespace tw {

// An article's newest score for a ticker (newest scored_utc, then the
// greatest model version) found in the index alone: the article export asks
// it once per row, and without the index each answer read and sorted every
// version's row (half of a million-row export's time).
Status migration0011NewestScore(QSqlDatabase &db, SqlDialect dialect)
{
    return execDdl(db, dialect,
                   {QStringLiteral("CREATE INDEX article_scores_newest ON article_scores(article_id, ticker, scored_utc, "
                                   "model_version)")});
}

} // namespace tw
