#pragma once

#include "models/core/result.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace tw {

struct CorporateScorePoint {
    qint64 asOfUtc = 0;
    QString horizon;
    double score = 0;
    QString label;
    int articleCount = 0;      // distinct stories within five half-lives
    double confidence = 0;
    // The evidence behind the number (migration 7; 0 and '' in older rows).
    double evidence = 0;       // total decayed story weight (1 = one fresh, fully relevant, confident story)
    qint64 newestStoryUtc = 0; // 0: none
    QString insufficientReason;   // non-empty: "insufficient news", and why (for a tooltip)
    bool sufficient() const { return insufficientReason.isEmpty(); }
};

// A company's score as it stood at the end of one UTC day, recomputed from
// its stories: for a sparkline or the chart's overlay. A day whose evidence is
// below the threshold has no score (hasEvidence false): draw a gap, not 50.
struct DailyCorporateScore {
    QDate day;
    qint64 asOfUtc = 0;        // the end of the day (or the series' as-of for the last day)
    bool hasEvidence = false;
    double score = 50;
    QString label;             // corporateScoreLabel, or "Insufficient news"
    int stories = 0;
    double evidence = 0;
    qint64 newestStoryUtc = 0;
    QString insufficientReason;
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

    // The newest stored score of a horizon ("medium", ...), with its evidence.
    Result<std::optional<CorporateScorePoint>> latest(const QString &ticker, const QString &horizon) const;

    // One point per UTC day from `from` to `to` (both included), each the
    // score at the end of that day from the stories known then, with gaps
    // where the evidence is insufficient. Reads the stories of the range (and
    // ten half-lives before it), not the company's whole history.
    Result<QList<DailyCorporateScore>> daily(const QString &ticker, const QString &horizon, const QDate &from,
                                             const QDate &to) const;

private:
    QSqlDatabase m_db;
};

// "78 Bullish" for 78 or "+0.62 Bullish" for a score on the -1..1 scale.
QString formatCorporateScore(double score, const QString &label);

} // namespace tw
