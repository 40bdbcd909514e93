#pragma once

#include "models/core/result.h"
#include "models/read/corporatescorereader.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace tw {

// One line of the watchlist: the latest bar, the change against the bar before
// it, the newest corporate score (when scoring has produced one) and how many
// articles mention the ticker since the start of `today` (UTC).
struct WatchlistRow {
    QString symbol;
    QString name;
    std::optional<double> lastClose;
    std::optional<double> changePercent;
    QDate lastTradeDate;
    QString priceSource;
    std::optional<double> score;
    QString scoreLabel;
    // The newest score with its evidence (stories, as-of, why it is
    // insufficient), and the kSparklineDays days up to its as-of, one point
    // a day, with gaps where the evidence was insufficient.
    std::optional<CorporateScorePoint> scorePoint;
    QList<DailyCorporateScore> recentDays;
    int articlesToday = 0;
};

class WatchlistReader {
public:
    static constexpr int kSparklineDays = 30;

    explicit WatchlistReader(QSqlDatabase db);

    Result<QList<WatchlistRow>> rows(const QDateTime &startOfToday) const;

private:
    QSqlDatabase m_db;
};

} // namespace tw
