#pragma once

#include "models/domain/article.h"
#include "models/domain/ticker.h"
#include "models/events/eventextractor.h"
#include "models/events/eventtypes.h"
#include "models/linking/entitylinker.h"
#include "models/scoring/articlescorer.h"
#include "models/store/articlestore.h"
#include "models/store/storedcontentcheck.h"

#include <QList>
#include <QString>

#include <optional>

namespace tw {

// What ArticleIngestor's stages work out for one article without the store:
// its text as stored, and (needing the tickers) its links, its scores for
// them and its events.
struct ArticleAnalysis {
    ArticleStore::PreparedText text;
    // Stored with this content already when it was analysed: links, scores
    // and events were not looked for (storing finds them itself if the
    // article changed after all).
    bool storedUnchanged = false;
    QList<TickerLink> links;
    std::optional<QList<ArticleScore>> scores;   // none when the model did not load
    QList<ExtractedEvent> events;
};

// A batch's analyses, found ahead (off the storing thread) for the tickers
// `tickersKey` names, scored by the model `scoreModel` names: one per
// article, in order.
struct AnalysedArticles {
    QString tickersKey;
    QString scoreModel;
    QList<ArticleAnalysis> articles;
};

// Links, scores and events found without the store, on any thread: the same
// linker, scorer and extractor ArticleIngestor builds, for the same tickers,
// on the same bounded part of each article. The ingestor uses a batch's analyses when
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

    // With `stored`, articles it finds stored unchanged get their text only
    // (when there are tickers to link: with none, the look-up would cost
    // more than the analysis it saves).
    AnalysedArticles analyse(const QList<Article> &articles, const StoredContentCheck *stored = nullptr) const;

private:
    const QString m_key;
    const bool m_anyTickers;
    const EntityLinker m_linker;
    const EventExtractor m_extractor;
    std::optional<ArticleScorer> m_scorer;
    QString m_scoreModel;
};

} // namespace tw
