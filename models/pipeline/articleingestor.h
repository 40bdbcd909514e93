#pragma once

#include "models/core/result.h"
#include "models/domain/article.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>
#include <memory>

namespace tw {

struct AnalysedArticles;

struct IngestReport {
    int received = 0;
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
    QList<qint64> changedIds;   // inserted or updated: what later stages must (re)process
    QList<qint64> newEventIds;  // events no earlier article had reported (for alerts, the timeline)

    void add(const IngestReport &other);
};

// The one path by which articles enter the store, whatever brought them
// (a feed, a file, the demo): normalise, store, then the stages that work on
// stored articles. Articles are written in batches of one transaction each,
// sized to take about half a second, so another writer of the store
// (the window's fetch, a cron job, a second `ingest`) never waits long; a
// batch lands whole or not at all, and a failure keeps the batches before it
// (storing is idempotent: running the same input again completes it).
//
// Keep one ingestor for a run of batches (a fetch of many feeds): the linker,
// the scorers and every prepared statement are built on the first batch and
// reused (rebuilt only when the watchlist changes), so a batch costs what is
// in it.
class ArticleIngestor {
public:
    explicit ArticleIngestor(QSqlDatabase db);
    ~ArticleIngestor();
    ArticleIngestor(const ArticleIngestor &) = delete;
    ArticleIngestor &operator=(const ArticleIngestor &) = delete;

    // Told after each committed batch: articles done so far, of how many.
    using Progress = std::function<void(qsizetype done, qsizetype total)>;

    Result<IngestReport> ingest(const QList<Article> &articles, const Progress &progress = {});

    // Builds the stages (linker, scorers, statements) for the store's tickers
    // now, before the first batch: a caller that waits for its first articles
    // anyway (FeedBatchRun while the first feeds arrive) spends that wait on it.
    // A batch still reads the tickers in its transaction and rebuilds if they changed.
    Status prepare() { return prepareStages(); }

    // The same stages inside a transaction the caller holds (FeedBatchRun
    // stores several feeds in one): ingestInTransaction() per feed, then
    // finishInTransaction() once before the commit writes the corporate
    // scores of every company the group touched. On any failure the caller
    // calls abandon() and rolls back.
    // `ahead`: the articles' text, links, scores and events, found off this
    // thread by an ArticleAnalyser. The text is used whatever the watchlist;
    // links and events when found for the tickers the stages are built for,
    // scores when also by the model they score with (else found here);
    // none for an article found stored unchanged then, which is found here
    // if it turns out changed.
    Result<IngestReport> ingestInTransaction(const QList<Article> &articles, const AnalysedArticles *ahead = nullptr);
    Status finishInTransaction();
    void abandon();

private:
    struct Stages;
    Status prepareStages();

    QSqlDatabase m_db;
    std::unique_ptr<Stages> m_stages;
    QString m_watchlistKey;   // the tickers the stages were built for
    qsizetype m_batchSize;    // adapted to how long the last batch took
    bool m_groupOpen = false;
    QStringList m_touchedTickers;   // whose corporate scores the open group changes
};

} // namespace tw
