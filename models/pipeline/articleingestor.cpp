#include "models/pipeline/articleingestor.h"

#include "models/events/eventextractor.h"
#include "models/events/eventmerger.h"
#include "models/linking/entitylinker.h"
#include "models/pipeline/articleanalyser.h"
#include "models/scoring/scorewriter.h"
#include "models/store/articlestore.h"
#include "models/store/articletickerstore.h"
#include "models/store/providerscorestore.h"
#include "models/store/sqlexec.h"
#include "models/store/tickerstore.h"
#include "models/text/articlebounds.h"

#include <QElapsedTimer>

#include <algorithm>
#include <utility>

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

void IngestReport::add(const IngestReport &other)
{
    received += other.received;
    inserted += other.inserted;
    updated += other.updated;
    unchanged += other.unchanged;
    changedIds << other.changedIds;
    newEventIds << other.newEventIds;
}

// What every batch needs, built once per ingestor (and per watchlist).
struct ArticleIngestor::Stages {
    Stages(QSqlDatabase db, const QList<TickerInfo> &tickers, const SentimentScorer &sentiment,
           const HeadlineModel *headlines)
        : linker(tickers), scores(db, sentiment, linker, headlines), extractor(linker), events(db), store(db),
          links(db), providers(db)
    {
    }
    const EntityLinker linker;
    ScoreWriter scores;
    const EventExtractor extractor;
    EventMerger events;
    ArticleStore store;
    ArticleTickerStore links;
    ProviderScoreStore providers;
};

ArticleIngestor::ArticleIngestor(QSqlDatabase db) : m_db(std::move(db)), m_batchSize(kFirstBatch) {}
ArticleIngestor::~ArticleIngestor() = default;

Status ArticleIngestor::prepareStages()
{
    auto tickers = TickerStore(m_db).all();
    if (!tickers)
        return tickers.error();
    const QString key = ArticleAnalyser::tickersKey(*tickers);
    if (m_stages && key == m_watchlistKey)
        return {};
    auto scoring = BuiltInScoring::load();
    if (!scoring)
        return scoring.error();
    m_stages.reset();
    m_stages = std::make_unique<Stages>(m_db, *tickers, *scoring->sentences, scoring->headlines);
    m_watchlistKey = key;
    return {};
}

Result<IngestReport> ArticleIngestor::ingest(const QList<Article> &articles, const Progress &progress)
{
    IngestReport total;
    qsizetype done = 0;
    do {
        const qsizetype size = std::min(m_batchSize, articles.size() - done);
        QElapsedTimer took;
        took.start();
        auto stored = [&]() -> Result<IngestReport> {
            Transaction tx(m_db);
            if (!tx.active())
                return fail(tx.beginError());
            auto report = ingestInTransaction(articles.mid(done, size));
            if (!report) {
                abandon();
                return report;
            }
            if (auto finished = finishInTransaction(); !finished) {
                abandon();
                return finished.error();
            }
            if (auto committed = tx.commit(); !committed) {
                abandon();
                return committed.error();
            }
            return report;
        }();
        if (!stored) {
            if (done == 0)
                return stored.error();
            return fail(QStringLiteral("%1 (the first %2 of %3 articles were stored)")
                            .arg(stored.errorMessage()).arg(done).arg(articles.size()));
        }
        total.add(*stored);
        done += size;
        const qint64 ms = std::max<qint64>(1, took.elapsed());
        // An empty batch (a feed with no items) says nothing about speed: a
        // size learnt from it was 0, and every later ingest on this ingestor
        // (a fetch's next feed, the window's next refresh) never advanced.
        if (size > 0)
            m_batchSize = std::clamp<qsizetype>(size * kTargetBatchMs / ms, 1, std::min(kLargestBatch, 4 * size));
        if (progress)
            progress(done, articles.size());
    } while (done < articles.size());
    return total;
}

Result<IngestReport> ArticleIngestor::ingestInTransaction(const QList<Article> &articles, const AnalysedArticles *ahead)
{
    IngestReport report;
    report.received = int(articles.size());
    if (!m_groupOpen) {
        // The watchlist is read once per transaction: stages built for
        // another one are rebuilt.
        if (auto ready = prepareStages(); !ready)
            return ready.error();
        m_stages->scores.beginBatch();
        m_touchedTickers.clear();
        m_groupOpen = true;
    }
    Stages &st = *m_stages;
    QStringList &touchedTickers = m_touchedTickers;
    // Texts found ahead hold whatever the watchlist; links, scores and events
    // only for the tickers (and model) the stages are built for.
    const AnalysedArticles *texts = ahead && ahead->articles.size() == articles.size() ? ahead : nullptr;
    if (ahead && (ahead->tickersKey != m_watchlistKey || !texts))
        ahead = nullptr;
    const bool scoredAhead = ahead && ahead->scoreModel == st.scores.modelVersion();

    // Stage 1 for the whole batch first: on SQLite each new article's
    // full-text row waits in FTS5's pending terms until some later statement
    // opens a savepoint (the later stages' do), which writes them out as one
    // segment. Interleaved with the other stages that was a segment per article.
    QList<ArticleUpsert> upserts;
    upserts.reserve(articles.size());
    for (qsizetype i = 0; i < articles.size(); ++i) {
        // Stage 1: store (idempotent). Unchanged articles stop here.
        auto stored = texts ? st.store.upsert(articles.at(i), texts->articles.at(i).text) : st.store.upsert(articles.at(i));
        if (!stored)
            return stored.error();
        upserts << *stored;
    }

    for (qsizetype i = 0; i < articles.size(); ++i) {
        const Article &article = articles.at(i);
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
            auto previous = st.links.forArticle(stored->id);
            if (!previous)
                return previous.error();
            for (const TickerLink &l : *previous)
                touchedTickers << l.ticker;
        }
        // Rows of a new article have nothing referring to them yet (a deleted
        // article's took their references with them), so there is nothing to
        // replace: skipping the empty DELETEs is most of a plain article's cost.
        const bool fresh = stored->outcome == UpsertOutcome::Inserted;
        // The analysis stages read a bounded prefix; the store keeps it all.
        const Article analysed = ArticleBounds::analysedPart(article);
        // Found ahead unless it was stored unchanged then (and changed since).
        const ArticleAnalysis *found = ahead && !ahead->articles.at(i).storedUnchanged ? &ahead->articles.at(i) : nullptr;
        const QList<TickerLink> tickerLinks = found ? found->links : st.linker.link(analysed);
        if (!fresh || !tickerLinks.isEmpty())
            if (auto linked = st.links.replace(stored->id, tickerLinks); !linked)
                return linked.error();
        // The provider's own sentiment, beside ours (never in place of it).
        if (!fresh || !article.providerSentiment.isEmpty())
            if (auto kept = st.providers.replace(stored->id, article.providerSentiment); !kept)
                return kept.error();

        // Stage 3: sentiment per linked company, added to the companies' running scores.
        if (!fresh || !tickerLinks.isEmpty())
            if (auto scored = scoredAhead && found && found->scores
                                  ? st.scores.scoreArticle(stored->id, analysed, tickerLinks, fresh, *found->scores)
                                  : st.scores.scoreArticle(stored->id, analysed, tickerLinks, fresh);
                !scored)
                return scored.error();
        for (const TickerLink &l : tickerLinks)
            touchedTickers << l.ticker;

        // Stage 4: dated events, merged with other reports of the same event.
        const QList<ExtractedEvent> extracted = found ? found->events : st.extractor.extract(analysed, tickerLinks);
        if (fresh && extracted.isEmpty())
            continue;
        auto merged = st.events.mergeArticle(stored->id, extracted, fresh);
        if (!merged)
            return merged.error();
        report.newEventIds << merged->createdIds;
    }
    touchedTickers.removeDuplicates();
    return report;
}

Status ArticleIngestor::finishInTransaction()
{
    if (!m_groupOpen)
        return {};
    m_groupOpen = false;
    // Stage 3, continued: corporate scores of the companies the group touched.
    m_touchedTickers.sort();
    m_touchedTickers.removeDuplicates();
    const QStringList touched = std::exchange(m_touchedTickers, {});
    if (touched.isEmpty())
        return {};
    if (auto refreshed = m_stages->scores.refreshCorporate(touched); !refreshed)
        return refreshed.error();
    return {};
}

void ArticleIngestor::abandon()
{
    m_groupOpen = false;
    m_touchedTickers.clear();
    // Built again on the next batch: nothing remembered from the rolled-back
    // transaction survives, and statements prepared on a connection that was
    // lost (and reopened by StoreReconnector) are not reused.
    m_stages.reset();
    m_watchlistKey.clear();
}

} // namespace tw
