#include "models/events/eventrebuilder.h"

#include "models/events/eventextractor.h"
#include "models/events/eventmerger.h"
#include "models/store/articlestore.h"
#include "models/store/articletickerstore.h"
#include "models/store/sqlexec.h"
#include "models/store/tickerstore.h"
#include "models/text/articlebounds.h"

#include <QSqlQuery>

namespace tw {

EventRebuilder::EventRebuilder(QSqlDatabase db) : m_db(std::move(db)) {}

Result<RebuildReport> EventRebuilder::rebuild()
{
    Transaction tx(m_db);
    if (!tx.active())
        return fail(tx.beginError());
    auto tickers = TickerStore(m_db).all();
    if (!tickers)
        return tickers.error();
    const EntityLinker linker(*tickers);
    const EventExtractor extractor(linker);

    // Start from nothing, so merging happens in publication order as it
    // would have on ingest.
    if (auto s = execStatements(m_db, {QStringLiteral("DELETE FROM event_sources"), QStringLiteral("DELETE FROM events")});
        !s)
        return s.error();

    QSqlQuery ids(m_db);
    if (!ids.exec(QStringLiteral("SELECT id FROM articles ORDER BY published_utc, id")))
        return fail(describeSqlError(QStringLiteral("Could not list articles"), ids));
    QList<qint64> articleIds;
    while (ids.next())
        articleIds << ids.value(0).toLongLong();

    RebuildReport report;
    const ArticleStore articles(m_db);
    const ArticleTickerStore links(m_db);
    EventMerger merger(m_db);
    for (qint64 id : articleIds) {
        auto article = articles.byId(id);
        if (!article)
            return article.error();
        if (!article->has_value())
            continue;
        auto linked = links.forArticle(id);
        if (!linked)
            return linked.error();
        if (auto merged = merger.mergeArticle(id, extractor.extract(ArticleBounds::analysedPart(**article), *linked)); !merged)
            return merged.error();
        ++report.articles;
    }
    auto count = queryScalar(m_db, QStringLiteral("SELECT count(*) FROM events"));
    if (!count)
        return count.error();
    report.events = int(*count);
    if (auto s = tx.commit(); !s)
        return s.error();
    return report;
}

} // namespace tw
