#pragma once

#include "models/core/result.h"
#include "models/store/articlescorestore.h"
#include "models/store/sqlitestatement.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace tw {

// A company's article scores as the corporate score's estimator reads them
// (CorporateScorer::compute, the backtest's PointInTimeScorer): the
// article's id, time and title (for near-duplicate stories), the score, its
// confidence and the link's relevance. Label, spans and source are left
// empty: a backtest reads every score of every company, and the spans are
// most of each stored row.
//
// On SQLite the scores and the links are two index range scans (migration
// 11 put the values in the indexes) merged by article id, on the driver's
// own handle, with no QVariant per value; the statements are prepared once
// for all the tickers a reader is asked for. Other backends run one joined
// query.
class ArticleEvidenceReader {
public:
    explicit ArticleEvidenceReader(QSqlDatabase db);

    // The ticker's scores under `modelVersion`, oldest article first (ties by
    // id): the rows and order of ArticleScoreStore::forTicker, narrowed.
    Result<QList<StoredArticleScore>> forTicker(const QString &ticker, const QString &modelVersion);

private:
    Result<QList<StoredArticleScore>> readSqlite(const QString &ticker, const QString &modelVersion);
    Result<QList<StoredArticleScore>> readGeneric(const QString &ticker, const QString &modelVersion) const;

    QSqlDatabase m_db;
    bool m_sqlite = false;
    std::optional<SqliteStatement> m_scores;   // prepared on first use
    std::optional<SqliteStatement> m_links;
};

} // namespace tw
