#include "models/events/eventmerger.h"

#include "models/events/eventdetectors.h"

namespace tw {

EventMerger::EventMerger(QSqlDatabase db) : m_store(std::move(db)) {}

Result<MergeReport> EventMerger::mergeArticle(qint64 articleId, const QList<ExtractedEvent> &events, bool fresh)
{
    MergeReport report;
    if (!fresh)
        if (auto s = m_store.detachArticle(articleId); !s)
            return s.error();
    for (const ExtractedEvent &e : events) {
        auto candidates = m_store.candidates(e);
        if (!candidates)
            return candidates.error();
        // Of the stored events this one may be, the closest in time.
        auto match = candidates->cend();
        for (auto c = candidates->cbegin(); c != candidates->cend(); ++c) {
            if (!sameEvent(c->event, e))
                continue;
            if (match == candidates->cend()
                || EventDate::distanceDays(c->event.date, e.date) < EventDate::distanceDays(match->event.date, e.date))
                match = c;
        }
        qint64 id = 0;
        if (match == candidates->cend()) {
            auto inserted = m_store.insert(e);
            if (!inserted)
                return inserted.error();
            id = *inserted;
            ++report.created;
            report.createdIds << id;
        } else {
            id = match->id;
            const bool moreConfident = e.confidence > match->event.confidence;
            const bool betterDated = betterDate(e.date, match->event.date);
            if (moreConfident || betterDated) {
                if (auto s = m_store.improve(id, betterDated ? e.date : match->event.date,
                                           moreConfident ? e.title : match->event.title,
                                           std::max(e.confidence, match->event.confidence));
                    !s)
                    return s.error();
            }
            ++report.joined;
        }
        if (auto s = m_store.addSource(id, articleId, e.sentenceStart, e.sentenceEnd); !s)
            return s.error();
    }
    return report;
}

} // namespace tw
