#pragma once

#include "models/core/result.h"
#include "models/scoring/corporatescorer.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace tw {

// corporate_scores: one row per (ticker, horizon, as-of); a recompute at the
// same as-of replaces the row, a later as-of adds history. Each row carries
// its evidence (stories, total weight, newest story, and why it is
// "insufficient news" when it is). Statements are prepared once per object.
class CorporateScoreStore {
public:
    explicit CorporateScoreStore(QSqlDatabase db);

    Status save(const CorporateScore &score, const QString &modelVersion);
    Result<qint64> count() const;

private:
    QSqlDatabase m_db;
    QSqlQuery m_remove;
    QSqlQuery m_insert;
};

} // namespace tw
