#pragma once

#include "models/domain/article.h"
#include "models/domain/ticker.h"
#include "models/events/eventextractor.h"
#include "models/events/eventtypes.h"
#include "models/linking/entitylinker.h"

#include <QList>
#include <QString>

namespace tw {

// What ArticleIngestor's linking and event stages find in one article, which
// needs the tickers but not the store.
struct ArticleAnalysis {
    QList<TickerLink> links;
    QList<ExtractedEvent> events;
};

// A batch's analyses, found ahead (off the storing thread) for the tickers
// `tickersKey` names: one per article, in order.
struct AnalysedArticles {
    QString tickersKey;
    QList<ArticleAnalysis> articles;
};

// Links and events found without the store, on any thread: the same linker
// and extractor ArticleIngestor builds, for the same tickers, on the same
// bounded part of each article. The ingestor uses a batch's analyses when
// they were found for the tickers its stages are built for (the watchlist
// may change while a fetch runs), and finds them itself otherwise.
class ArticleAnalyser {
public:
    explicit ArticleAnalyser(const QList<TickerInfo> &tickers);
    ArticleAnalyser(const ArticleAnalyser &) = delete;
    ArticleAnalyser &operator=(const ArticleAnalyser &) = delete;

    // What a set of tickers is known by: symbols, names, aliases, watchlist flags.
    static QString tickersKey(const QList<TickerInfo> &tickers);
    const QString &tickersKey() const { return m_key; }

    AnalysedArticles analyse(const QList<Article> &articles) const;

private:
    const QString m_key;
    const EntityLinker m_linker;
    const EventExtractor m_extractor;
};

} // namespace tw
