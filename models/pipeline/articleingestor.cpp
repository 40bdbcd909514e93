#include "models/pipeline/articleingestor.h"

#include "models/events/eventextractor.h"
#include "models/events/eventmerger.h"
#include "models/linking/entitylinker.h"
#include "models/scoring/scorewriter.h"
#include "models/store/articlestore.h"
#include "models/store/articletickerstore.h"
#include "models/store/providerscorestore.h"
#include "models/store/sqlexec.h"
#include "models/store/tickerstore.h"
#include "models/text/articlebounds.h"

#include <QElapsedTimer>

#include <algorithm>
#include <optional>

namespace tw {

namespace {
// How long one batch may hold the store's write lock, roughly: long enough
// that commits cost little, short enough that a second writer waits a
// fraction of a second. Batch sizes start small and follow the last batch's
// time, growing at most fourfold a step (the next articles may be longer).
constexpr qint64 kTargetBatchMs = 500;
constexpr qsizetype kFirstBatch = 100;
constexpr qsizetype kLargestBatch = 8000;
} // namespace

// What one ingest() call shares across its batches.
struct ArticleIngestor::Batch {
    QList<Article> articles;          // this batch's
    ArticleStore *store = nullptr;
    const EntityLinker *linker = nullptr;
    ScoreWriter *scores = nullptr;
    const EventExtractor *extractor = nullptr;
    EventMerger *events = nullptr;
    QStringList touchedTickers;       // every batch's so far: whose corporate scores change
    IngestReport report;              // every batch's so far
};

ArticleIngestor::ArticleIngestor(QSqlDatabase db) : m_db(std::move(db)), m_batchSize(kFirstBatch) {}

Result<IngestReport> ArticleIngestor::ingest(const QList<Article> &articles, const Progress &progress)
{
    auto tickers = TickerStore(m_db).all();
    if (!tickers)
        return tickers.error();
    const EntityLinker linker(*tickers);
    auto sentiment = SentimentScorer::builtIn();
    if (!sentiment)
        return sentiment.error();
    auto headlines = HeadlineModel::builtIn();
    if (!headlines)
        return headlines.error();
    ScoreWriter scores(m_db, **sentiment, linker, *headlines);
    const EventExtractor extractor(linker);
    EventMerger events(m_db);
    ArticleStore store(m_db);

    Batch batch;
    batch.store = &store;
    batch.linker = &linker;
    batch.scores = &scores;
    batch.extractor = &extractor;
    batch.events = &events;
    batch.report.received = int(articles.size());

    qsizetype done = 0;
    do {
        const qsizetype size = std::min(m_batchSize, articles.size() - done);
        batch.articles = articles.mid(done, size);
        QElapsedTimer took;
        took.start();
        if (auto stored = ingestBatch(batch, done + size >= articles.size()); !stored) {
            if (done == 0)
                return stored.error();
            return fail(QStringLiteral("%1 (the first %2 of %3 articles were stored)")
                            .arg(stored.errorMessage()).arg(done).arg(articles.size()));
        }
        done += size;
        const qint64 ms = std::max<qint64>(1, took.elapsed());
        m_batchSize = std::clamp<qsizetype>(size * kTargetBatchMs / ms, 1, std::min(kLargestBatch, 4 * size));
        if (progress)
            progress(done, articles.size());
    } while (done < articles.size());
    return batch.report;
}

Status ArticleIngestor::ingestBatch(Batch &batch, bool last)
{
    Transaction tx(m_db);
    if (!tx.active())
        return fail(tx.beginError());
    IngestReport &report = batch.report;

    // Stage 1 for the whole batch first: on SQLite each new article's
    // full-text row waits in FTS5's pending terms until some later statement
    // opens a savepoint (the later stages' do), which writes them out as one
    // segment. Interleaved with the other stages that was a segment per article.
    QList<ArticleUpsert> upserts;
    upserts.reserve(batch.articles.size());
    for (const Article &article : std::as_const(batch.articles)) {
        // Stage 1: store (idempotent). Unchanged articles stop here.
        auto stored = batch.store->upsert(article);
        if (!stored)
            return stored.error();
        upserts << *stored;
    }

    ArticleTickerStore links(m_db);
    for (qsizetype i = 0; i < batch.articles.size(); ++i) {
        const Article &article = batch.articles.at(i);
        const ArticleUpsert *stored = &upserts.at(i);
        if (stored->outcome == UpsertOutcome::Unchanged) {
            ++report.unchanged;
            continue;
        }
        ++(stored->outcome == UpsertOutcome::Inserted ? report.inserted : report.updated);
        report.changedIds << stored->id;

        // Stage 2: which companies the article is about. A changed article
        // may have dropped a company, whose score then changes too.
        if (stored->outcome == UpsertOutcome::Updated) {
            auto previous = links.forArticle(stored->id);
            if (!previous)
                return previous.error();
            for (const TickerLink &l : *previous)
                batch.touchedTickers << l.ticker;
        }
        // Rows of a new article have nothing referring to them yet (a deleted
        // article's took their references with them), so there is nothing to
        // replace: skipping the empty DELETEs is most of a plain article's cost.
        const bool fresh = stored->outcome == UpsertOutcome::Inserted;
        // The analysis stages read a bounded prefix; the store keeps it all.
        const Article analysed = ArticleBounds::analysedPart(article);
        const QList<TickerLink> tickerLinks = batch.linker->link(analysed);
        if (!fresh || !tickerLinks.isEmpty())
            if (auto linked = links.replace(stored->id, tickerLinks); !linked)
                return linked.error();
        // The provider's own sentiment, beside ours (never in place of it).
        if (!fresh || !article.providerSentiment.isEmpty())
            if (auto kept = ProviderScoreStore(m_db).replace(stored->id, article.providerSentiment); !kept)
                return kept.error();

        // Stage 3: sentiment per linked company.
        if (!fresh || !tickerLinks.isEmpty())
            if (auto scored = batch.scores->scoreArticle(stored->id, analysed, tickerLinks); !scored)
                return scored.error();
        for (const TickerLink &l : tickerLinks)
            batch.touchedTickers << l.ticker;

        // Stage 4: dated events, merged with other reports of the same event.
        const QList<ExtractedEvent> extracted = batch.extractor->extract(analysed, tickerLinks);
        if (fresh && extracted.isEmpty())
            continue;
        auto merged = batch.events->mergeArticle(stored->id, extracted);
        if (!merged)
            return merged.error();
        report.newEventIds << merged->createdIds;
    }
    batch.touchedTickers.sort();
    batch.touchedTickers.removeDuplicates();
    // Stage 3, continued: corporate scores of the companies the articles
    // touched, once, with the last batch (each reads all of a company's
    // article scores: per batch it would cost more than the batch).
    if (last) {
        if (auto refreshed = batch.scores->refreshCorporate(batch.touchedTickers); !refreshed)
            return refreshed.error();
    }
    return tx.commit();
}

} // namespace tw
