#include "pipeline/articleingestor.h"

#include "store/articlestore.h"
#include "store/sqlexec.h"

namespace tw {

ArticleIngestor::ArticleIngestor(QSqlDatabase db) : m_db(std::move(db)) {}

Result<IngestReport> ArticleIngestor::ingest(const QList<Article> &articles)
{
    IngestReport report;
    report.received = int(articles.size());
    Transaction tx(m_db);
    if (!tx.active())
        return fail(tx.beginError());

    ArticleStore store(m_db);
    for (const Article &article : articles) {
        auto stored = store.upsert(article);
        if (!stored)
            return stored.error();
        switch (stored->outcome) {
        case UpsertOutcome::Inserted:
            ++report.inserted;
            report.changedIds << stored->id;
            break;
        case UpsertOutcome::Updated:
            ++report.updated;
            report.changedIds << stored->id;
            break;
        case UpsertOutcome::Unchanged:
            ++report.unchanged;
            break;
        }
    }
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return report;
}

} // namespace tw
