#pragma once

#include "models/core/result.h"
#include "models/domain/article.h"
#include "models/domain/ticker.h"

#include <QList>
#include <QSqlDatabase>

namespace tw {

struct DemoLoadReport {
    int tickers = 0;
    int articlesInserted = 0;
    int articlesUnchanged = 0;
    int quoteBarsChanged = 0;
    int alertRulesAdded = 0;
    int alertsFired = 0;
};

// The bundled META workspace: watchlist, articles written for the demo (in
// resources/demo), and a synthetic daily price series labelled source = demo.
// Loading goes through the normal ingest path, so everything downstream
// (scores, events, alerts) comes out of the articles as it would from a feed.
// Loading twice changes nothing.
class DemoWorkspace {
public:
    static Result<QList<TickerInfo>> defaultTickers();
    static Result<QList<Article>> articles();
    static QDate syntheticSeriesEnd();

    static Result<DemoLoadReport> load(QSqlDatabase db);
};

} // namespace tw
