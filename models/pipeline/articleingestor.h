#pragma once

#include "models/core/result.h"
#include "models/domain/article.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>

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
// stored articles. Articles are written in batches of one transaction each,
// sized to take about half a second, so another writer of the store
// (the window's fetch, a cron job, a second `ingest`) never waits long; a
// batch lands whole or not at all, and a failure keeps the batches before it
// (storing is idempotent: running the same input again completes it).
class ArticleIngestor {
public:
    explicit ArticleIngestor(QSqlDatabase db);

    // Told after each committed batch: articles done so far, of how many.
    using Progress = std::function<void(qsizetype done, qsizetype total)>;

    Result<IngestReport> ingest(const QList<Article> &articles, const Progress &progress = {});

private:
    struct Batch;
    Status ingestBatch(Batch &batch, bool last);

    QSqlDatabase m_db;
    qsizetype m_batchSize;   // adapted to how long the last batch took
};

} // namespace tw
