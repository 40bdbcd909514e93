#include "models/pipeline/articleanalyser.h"

#include "models/text/articlebounds.h"

namespace tw {

ArticleAnalyser::ArticleAnalyser(const QList<TickerInfo> &tickers)
    : m_key(tickersKey(tickers)), m_linker(tickers), m_extractor(m_linker)
{
}

QString ArticleAnalyser::tickersKey(const QList<TickerInfo> &tickers)
{
    QStringList parts;
    for (const TickerInfo &t : tickers)
        parts << t.symbol << t.name << t.aliases.join(QChar(0x1f)) << QString::number(t.onWatchlist);
    return parts.join(QChar(0x1e));
}

AnalysedArticles ArticleAnalyser::analyse(const QList<Article> &articles) const
{
    AnalysedArticles out;
    out.tickersKey = m_key;
    out.articles.reserve(articles.size());
    for (const Article &article : articles) {
        // As ArticleIngestor::ingestInTransaction: the bounded part, links first, events by them.
        const Article analysed = ArticleBounds::analysedPart(article);
        ArticleAnalysis a;
        a.links = m_linker.link(analysed);
        a.events = m_extractor.extract(analysed, a.links);
        out.articles << std::move(a);
    }
    return out;
}

} // namespace tw
