#pragma once

#include "models/core/result.h"
#include "models/events/eventtypes.h"
#include "models/store/eventstore.h"

#include <QList>
#include <QSqlDatabase>

namespace tw {

struct MergeReport {
    int created = 0;    // events no earlier article reported
    int joined = 0;     // reports added to an existing event
    QList<qint64> createdIds;
};

// Puts what one article reports into the store, merging each event with the
// same event already reported elsewhere (same company and kind, compatible
// subject and figures, close dates: see sameEvent). An event's date becomes
// the best any report gives (a date the text names beats a publication
// date); its title and confidence follow its most confident report.
// Idempotent per article: what the article said before is forgotten first,
// so storing it again (or a corrected version) never duplicates.
class EventMerger {
public:
    explicit EventMerger(QSqlDatabase db);

    // `fresh`: the article is new, so it reported nothing before.
    Result<MergeReport> mergeArticle(qint64 articleId, const QList<ExtractedEvent> &events, bool fresh = false);

private:
    EventStore m_store;   // one for the merger's life: its candidate query is prepared once
};

} // namespace tw
