#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>

namespace tw {

struct RebuildReport {
    int articles = 0;
    int events = 0;     // events in the store afterwards
};

// Extracts the events of every stored article again, oldest first, as if
// they had just been ingested: for a store written by an older extractor, or
// after the watchlist's aliases changed which companies articles link to.
// Uses the stored article_tickers links. Written in batches of about half a
// second each (the first clears the old events), so other writers of the
// store are not held up; interrupted, it leaves some events not yet rebuilt:
// run it again.
class EventRebuilder {
public:
    explicit EventRebuilder(QSqlDatabase db);

    Result<RebuildReport> rebuild();

private:
    QSqlDatabase m_db;
};

} // namespace tw
