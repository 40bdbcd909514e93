#include "models/events/eventrebuilder.h"

#include "models/events/eventextractor.h"
#include "models/events/eventmerger.h"
#include "models/filings/filingevents.h"
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
    auto tickers = TickerStore(m_db).all();
    if (!tickers)
        return tickers.error();
    const EntityLinker linker(*tickers);
    const EventExtractor extractor(linker);

    QList<qint64> articleIds;
    {
        QSqlQuery ids(m_db);
        ids.setForwardOnly(true);
        if (!ids.exec(QStringLiteral("SELECT id FROM articles ORDER BY published_utc, id")))
            return fail(describeSqlError(QStringLiteral("Could not list articles"), ids));
        articleIds = readIds(ids);
    }

    RebuildReport report;
    const ArticleStore articles(m_db);
    const ArticleTickerStore links(m_db);
    EventMerger merger(m_db);
    // Start from nothing (in the first batch's transaction), so merging
    // happens in publication order as it would have on ingest.
    const auto clearFirst = [&]() -> Status {
        return execStatements(m_db, {QStringLiteral("DELETE FROM event_sources"), QStringLiteral("DELETE FROM event_filings"),
                                     QStringLiteral("DELETE FROM events")});
    };
    Status rebuilt;
    if (articleIds.isEmpty()) {
        rebuilt = inTransaction(m_db, clearFirst);
    } else {
        rebuilt = writeInTimedBatches(m_db, articleIds.size(), [&](qsizetype i) -> Status {
            if (i == 0)
                if (auto s = clearFirst(); !s)
                    return s;
            const qint64 id = articleIds.at(i);
            auto article = articles.byId(id);
            if (!article)
                return article.error();
            if (!article->has_value())
                return {};   // removed since the list was read
            auto linked = links.forArticle(id);
            if (!linked)
                return linked.error();
            if (auto merged = merger.mergeArticle(id, extractor.extract(ArticleBounds::analysedPart(**article), *linked));
                !merged)
                return merged.error();
            ++report.articles;
            return {};
        });
    }
    if (!rebuilt)
        return rebuilt.error();
    // The companies' own filings report their events again, merged with the news's.
    const Status filed = inTransaction(m_db, [this]() -> Status {
        if (auto merged = FilingEventMerger(m_db).mergeStored(); !merged)
            return merged.error();
        return {};
    });
    if (!filed)
        return filed.error();
    auto count = queryScalar(m_db, QStringLiteral("SELECT count(*) FROM events"));
    if (!count)
        return count.error();
    report.events = int(*count);
    return report;
}

} // namespace tw
