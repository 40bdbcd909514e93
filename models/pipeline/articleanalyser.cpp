#include "models/pipeline/articleanalyser.h"

#include "models/scoring/scorewriter.h"
#include "models/text/articlebounds.h"

namespace tw {

ArticleAnalyser::ArticleAnalyser(const QList<TickerInfo> &tickers)
    : m_key(tickersKey(tickers)), m_anyTickers(!tickers.isEmpty()), m_linker(tickers), m_extractor(m_linker)
{
    // Without the model the storing thread scores, as it would anyway.
    if (auto scoring = BuiltInScoring::load()) {
        m_scorer.emplace(*scoring->sentences, m_linker, scoring->headlines);
        m_scoreModel = ScoreWriter::modelVersionOf(*scoring->sentences, scoring->headlines);
    }
}

QString ArticleAnalyser::tickersKey(const QList<TickerInfo> &tickers)
{
    QStringList parts;
    for (const TickerInfo &t : tickers)
        parts << t.symbol << t.name << t.aliases.join(QChar(0x1f)) << QString::number(t.onWatchlist);
    return parts.join(QChar(0x1e));
}

AnalysedArticles ArticleAnalyser::analyse(const QList<Article> &articles, const StoredContentCheck *stored) const
{
    if (!m_anyTickers)
        stored = nullptr;
    AnalysedArticles out;
    out.tickersKey = m_key;
    out.scoreModel = m_scoreModel;
    out.articles.reserve(articles.size());
    for (const Article &article : articles) {
        // As ArticleIngestor::ingestInTransaction: the bounded part, links
        // first, scores and events by them (no link, no score).
        ArticleAnalysis a;
        a.text = ArticleStore::prepare(article);
        if (stored && stored->storedUnchanged(a.text)) {
            a.storedUnchanged = true;
            out.articles << std::move(a);
            continue;
        }
        const Article analysed = ArticleBounds::analysedPart(article);
        a.links = m_linker.link(analysed);
        if (m_scorer)
            a.scores = a.links.isEmpty() ? QList<ArticleScore>{} : m_scorer->score(analysed, a.links);
        a.events = m_extractor.extract(analysed, a.links);
        out.articles << std::move(a);
    }
    return out;
}

} // namespace tw
