#include "pipeline/articleingestor.h"

#include "events/eventextractor.h"
#include "events/eventmerger.h"
#include "linking/entitylinker.h"
#include "store/articlestore.h"
#include "store/articletickerstore.h"
#include "store/sqlexec.h"
#include "store/tickerstore.h"

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
    const EventExtractor extractor(linker);
    EventMerger events(m_db);

    ArticleStore store(m_db);
    ArticleTickerStore links(m_db);
    for (const Article &article : articles) {
        // Stage 1: store (idempotent). Unchanged articles stop here.
        auto stored = store.upsert(article);
        if (!stored)
            return stored.error();
        if (stored->outcome == UpsertOutcome::Unchanged) {
            ++report.unchanged;
            continue;
        }
        ++(stored->outcome == UpsertOutcome::Inserted ? report.inserted : report.updated);
        report.changedIds << stored->id;

        // Stage 2: which companies the article is about.
        const QList<TickerLink> linked = linker.link(article);
        if (auto replaced = links.replace(stored->id, linked); !replaced)
            return replaced.error();

        // Stage 4: dated events, merged with other reports of the same event.
        auto merged = events.mergeArticle(stored->id, extractor.extract(article, linked));
        if (!merged)
            return merged.error();
        report.newEventIds << merged->createdIds;
    }
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return report;
}

} // namespace tw
