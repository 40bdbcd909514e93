#pragma once

#include "models/core/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace tw {

struct CorporateScorePoint {
    qint64 asOfUtc = 0;
    QString horizon;
    double score = 0;
    QString label;
    int articleCount = 0;
    double confidence = 0;
};

// Where several horizons tie, every panel shows the same one: medium term,
// then long, then short (an SQL ORDER BY term over a `horizon` column).
inline constexpr const char *kHorizonPreferenceSql =
    "CASE horizon WHEN 'medium' THEN 0 WHEN 'long' THEN 1 ELSE 2 END";

// Rolled-up corporate scores (written by scoring) for the chart overlay.
class CorporateScoreReader {
public:
    explicit CorporateScoreReader(QSqlDatabase db);

    // The series of the horizon with the most points (so the overlay is one
    // continuous line; ties by kHorizonPreferenceSql), oldest first.
    Result<QList<CorporateScorePoint>> series(const QString &ticker) const;

private:
    QSqlDatabase m_db;
};

// "78 Bullish" for 78 or "+0.62 Bullish" for a score on the -1..1 scale.
QString formatCorporateScore(double score, const QString &label);

} // namespace tw
