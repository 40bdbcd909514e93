#include "models/store/corporatescorestore.h"

#include "models/store/sqlexec.h"
#include "models/store/storechangenotifier.h"

namespace tw {

CorporateScoreStore::CorporateScoreStore(QSqlDatabase db) : m_db(db), m_remove(db), m_insert(db) {}

Status CorporateScoreStore::save(const CorporateScore &score, const QString &modelVersion)
{
    // DELETE + INSERT rather than an upsert: written once for SQLite and PostgreSQL.
    if (m_remove.lastQuery().isEmpty()
        && !m_remove.prepare(
            QStringLiteral("DELETE FROM corporate_scores WHERE ticker = ? AND horizon = ? AND as_of_utc = ?")))
        return fail(describeSqlError(QStringLiteral("Could not prepare the corporate score write"), m_remove));
    if (auto s = execBound(m_remove, {score.ticker, horizonName(score.horizon), score.asOfUtc}); !s)
        return s;
    if (m_insert.lastQuery().isEmpty()
        && !m_insert.prepare(QStringLiteral(
            "INSERT INTO corporate_scores (ticker, horizon, as_of_utc, score, label, article_count, confidence, "
            "model_version, explanation, evidence, newest_story_utc, insufficient) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")))
        return fail(describeSqlError(QStringLiteral("Could not prepare the corporate score write"), m_insert));
    if (auto s = execBound(m_insert, {score.ticker, horizonName(score.horizon), score.asOfUtc, score.score, score.label,
                                      score.articleCount, score.confidence, modelVersion, score.explanationJson(),
                                      score.evidence, score.newestStoryUtc, score.insufficientReason});
        !s)
        return s;
    // The table has no id (it is keyed by ticker, horizon and time): 0 says
    // "scores were recomputed", and PostgreSQL folds the identical
    // notifications of one transaction into one.
    return StoreChangeNotifier::announce(m_db, {QStringLiteral("corporate_scores"), QStringLiteral("inserted"), 0});
}

Result<qint64> CorporateScoreStore::count() const
{
    return queryScalar(m_db, QStringLiteral("SELECT COUNT(*) FROM corporate_scores"));
}

} // namespace tw
