#pragma once

#include "models/directory/companydirectory.h"
#include "models/domain/ticker.h"

#include <QJsonObject>
#include <QList>

namespace tw {

// What a ticker added to the watchlist starts with: the directory's name,
// exchange and aliases, plus the hand-written aliases the bundled workspace
// has for the same company (products and nicknames no legal name gives:
// "Facebook parent", "Google", "AWS"), so the META defaults are one case of it.
class WatchlistEntry {
public:
    static TickerInfo fromDirectory(const CompanyRecord &company, const QString &symbol,
                                    const QList<TickerInfo> &curated);
    // The bundled workspace's hand-written names (resources/workspace/tickers.json).
    static QList<TickerInfo> curated();
    // The companies of a workspace file's "tickers" list, in its order.
    static QList<TickerInfo> curatedFrom(const QJsonObject &workspace);
};

} // namespace tw
