#include "models/pipeline/articlerelinker.h"

#include "models/linking/entitylinker.h"
#include "models/scoring/scorewriter.h"
#include "models/sentiment/headlinemodel.h"
#include "models/sentiment/sentimentscorer.h"
#include "models/store/articlestore.h"
#include "models/store/articletickerstore.h"
#include "models/store/sqlexec.h"
#include "models/store/tickerstore.h"

#include <QSet>

#include <algorithm>

namespace tw {

namespace {
constexpr int kMaxCandidates = 5'000'000;

// "Costco" OR "Costco Wholesale" OR "COST": what the full-text index can find.
QString candidateQuery(const TickerInfo &t)
{
    QStringList names = t.aliases;
    names << t.name << t.symbol;
    QStringList terms;
    for (const QString &name : names) {
        QString cleaned;
        for (QChar c : name)
            cleaned += c.isLetterOrNumber() ? c : QLatin1Char(' ');
        cleaned = cleaned.simplified();
        if (!cleaned.isEmpty() && !terms.contains(cleaned, Qt::CaseInsensitive))
            terms << cleaned;
    }
    QStringList quoted;
    for (const QString &term : terms)
        quoted << QLatin1Char('"') + term + QLatin1Char('"');
    return quoted.join(QStringLiteral(" OR "));
}
} // namespace

ArticleRelinker::ArticleRelinker(QSqlDatabase db) : m_db(std::move(db)) {}

Result<RelinkReport> ArticleRelinker::relink(const QStringList &symbols, const Progress &progress)
{
    RelinkReport report;
    TickerStore tickers(m_db);
    auto all = tickers.all();
    if (!all)
        return all.error();
    ArticleStore articles(m_db);
    QSet<qint64> found;   // each article once, in id order below
    for (const QString &symbol : symbols) {
        const auto it = std::find_if(all->cbegin(), all->cend(),
                                     [&](const TickerInfo &t) { return t.symbol.compare(symbol, Qt::CaseInsensitive) == 0; });
        if (it == all->cend())
            continue;
        const QString query = candidateQuery(*it);
        if (query.isEmpty())
            continue;
        auto ids = articles.search(query, kMaxCandidates);
        if (!ids)
            return ids.error();
        found.unite(QSet<qint64>(ids->cbegin(), ids->cend()));
    }
    // Articles already linked to the companies too: a removed alias unlinks them.
    {
        ArticleTickerStore links(m_db);
        for (const QString &symbol : symbols) {
            auto linked = links.articlesFor(symbol.toUpper());
            if (!linked)
                return linked.error();
            found.unite(QSet<qint64>(linked->cbegin(), linked->cend()));
        }
    }
    QList<qint64> candidates = found.values();
    std::sort(candidates.begin(), candidates.end());
    report.examined = int(candidates.size());

    auto scoring = BuiltInScoring::load();
    if (!scoring)
        return scoring.error();
    const EntityLinker linker(*all);
    Transaction tx(m_db);
    if (!tx.active())
        return fail(tx.beginError());
    ScoreWriter scores(m_db, *scoring->sentences, linker, scoring->headlines);
    ArticleTickerStore links(m_db);
    QStringList touched = symbols;
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        if (progress && (i % 200 == 0))
            progress(int(i), int(candidates.size()));
        auto article = articles.byId(candidates.at(i));
        if (!article)
            return article.error();
        if (!article->has_value())
            continue;
        const QList<TickerLink> now = linker.link(**article);
        auto before = links.forArticle(candidates.at(i));
        if (!before)
            return before.error();
        auto key = [](const QList<TickerLink> &list) {
            QStringList k;
            for (const TickerLink &l : list)
                k << l.ticker + QLatin1Char(':') + QString::number(l.relevancePercent());
            k.sort();
            return k;
        };
        if (key(now) == key(*before))
            continue;
        for (const TickerLink &l : *before)
            touched << l.ticker;
        for (const TickerLink &l : now)
            touched << l.ticker;
        if (auto s = links.replace(candidates.at(i), now); !s)
            return s.error();
        if (auto s = scores.scoreArticle(candidates.at(i), **article, now); !s)
            return s.error();
        ++report.relinked;
    }
    if (progress)
        progress(int(candidates.size()), int(candidates.size()));
    touched.removeDuplicates();
    if (report.relinked > 0) {
        if (auto refreshed = scores.refreshCorporate(touched); !refreshed)
            return refreshed.error();
    }
    if (auto s = tx.commit(); !s)
        return s.error();
    return report;
}

} // namespace tw
