#include "pipeline/articleingestor.h"

#include "linking/entitylinker.h"
#include "store/articlestore.h"
#include "store/articletickerstore.h"
#include "store/providerscorestore.h"
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
        if (auto linked = links.replace(stored->id, linker.link(article)); !linked)
            return linked.error();
        // The provider's own sentiment, beside ours (never in place of it).
        if (auto kept = ProviderScoreStore(m_db).replace(stored->id, article.providerSentiment); !kept)
            return kept.error();
    }
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return report;
}

} // namespace tw
