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

namespace tw {

ArticleIngestor::ArticleIngestor(QSqlDatabase db) : m_db(std::move(db)) {}

Result<IngestReport> ArticleIngestor::ingest(const QList<Article> &articles)
{
    IngestReport report;
    report.received = int(articles.size());
    Transaction tx(m_db);
    if (!tx.active())
        return fail(tx.beginError());

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
    QStringList touchedTickers;   // whose corporate scores the batch changes
    const EventExtractor extractor(linker);
    EventMerger events(m_db);

    // Stage 1 for the whole batch first: on SQLite each new article's
    // full-text row waits in FTS5's pending terms until some later statement
    // opens a savepoint (the later stages' do), which writes them out as one
    // segment. Interleaved with the other stages that was a segment per article.
    ArticleStore store(m_db);
    QList<ArticleUpsert> upserts;
    upserts.reserve(articles.size());
    for (const Article &article : articles) {
        // Stage 1: store (idempotent). Unchanged articles stop here.
        auto stored = store.upsert(article);
        if (!stored)
            return stored.error();
        upserts << *stored;
    }

    ArticleTickerStore links(m_db);
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
            auto previous = links.forArticle(stored->id);
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
        const QList<TickerLink> tickerLinks = linker.link(analysed);
        if (!fresh || !tickerLinks.isEmpty())
            if (auto linked = links.replace(stored->id, tickerLinks); !linked)
                return linked.error();
        // The provider's own sentiment, beside ours (never in place of it).
        if (!fresh || !article.providerSentiment.isEmpty())
            if (auto kept = ProviderScoreStore(m_db).replace(stored->id, article.providerSentiment); !kept)
                return kept.error();

        // Stage 3: sentiment per linked company.
        if (!fresh || !tickerLinks.isEmpty())
            if (auto scored = scores.scoreArticle(stored->id, analysed, tickerLinks); !scored)
                return scored.error();
        for (const TickerLink &l : tickerLinks)
            touchedTickers << l.ticker;

        // Stage 4: dated events, merged with other reports of the same event.
        const QList<ExtractedEvent> extracted = extractor.extract(analysed, tickerLinks);
        if (fresh && extracted.isEmpty())
            continue;
        auto merged = events.mergeArticle(stored->id, extracted);
        if (!merged)
            return merged.error();
        report.newEventIds << merged->createdIds;
    }
    // Stage 3, continued: corporate scores of the companies the batch touched.
    touchedTickers.sort();
    touchedTickers.removeDuplicates();
    if (auto refreshed = scores.refreshCorporate(touchedTickers); !refreshed)
        return refreshed.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return report;
}

} // namespace tw
