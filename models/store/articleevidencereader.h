#pragma once

#include "models/core/result.h"
#include "models/store/articlescorestore.h"
#include "models/store/sqlitestatement.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <optional>

namespace tw {

// The numbers of one article score as the estimator uses them (see
// ArticleEvidenceReader::forEach).
struct ArticleEvidence {
    qint64 articleId = 0;
    qint64 publishedUtc = 0;
    double score = 0;
    double confidence = 0;
    double relevance = 0;   // the link's, as a 0-1 weight
};

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

    // The same rows in the store's order (article id), each handed to
    // `visit` with its title's UTF-8 (valid during the call) and no QString
    // made: for a reader that keeps only what it derives from the title (a
    // backtest's two million titles' words, not the titles).
    using Visitor = std::function<void(const ArticleEvidence &row, QByteArrayView titleUtf8)>;
    Status forEach(const QString &ticker, const QString &modelVersion, const Visitor &visit);

private:
    Status readSqlite(const QString &ticker, const QString &modelVersion, const Visitor &visit);
    Status readGeneric(const QString &ticker, const QString &modelVersion, const Visitor &visit) const;

    QSqlDatabase m_db;
    bool m_sqlite = false;
    std::optional<SqliteStatement> m_scores;   // prepared on first use
    std::optional<SqliteStatement> m_links;
};

} // namespace tw
