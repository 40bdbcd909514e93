#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace tw {

struct DemoRemoval {
    int articles = 0;
    int quoteBars = 0;
    int rules = 0;
    int firings = 0;     // of the demo's rules
    int events = 0;      // reported only by demo articles
    QStringList tickers; // whose scores were recomputed without the demo
};

// Takes the bundled demo out of a store that an older build wrote it into:
// the demo articles (by their guid or URL, with their links, scores and
// events no other article reported), the synthetic prices (source "demo"),
// the demo's alert rules (by their definition) and those rules' firings, and
// the corporate scores of the demo's time span for the companies the demo
// articles were linked to, recomputed from what is left. Nothing else: the
// analyst's articles, prices, rules and watchlist stay. One transaction.
class DemoRemover {
public:
    explicit DemoRemover(QSqlDatabase db);

    // What remove() would take, without taking it.
    Result<DemoRemoval> survey() const;
    Result<DemoRemoval> remove();

private:
    Result<DemoRemoval> run(bool apply);

    QSqlDatabase m_db;
};

} // namespace tw
