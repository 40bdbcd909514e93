#pragma once

#include "models/core/result.h"
#include "models/domain/article.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace tw {

struct IngestReport {
    int received = 0;
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
    QList<qint64> changedIds;   // inserted or updated: what later stages must (re)process
    QList<qint64> newEventIds;  // events no earlier article had reported (for alerts, the timeline)
};

// The one path by which articles enter the store, whatever brought them
// (a feed, a file, the demo): normalise, store, then the stages that work on
// stored articles. One batch is one transaction: all of it lands or none.
class ArticleIngestor {
public:
    explicit ArticleIngestor(QSqlDatabase db);

    Result<IngestReport> ingest(const QList<Article> &articles);

private:
    QSqlDatabase m_db;
};

} // namespace tw
