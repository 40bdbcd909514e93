#include "models/directory/watchlistadder.h"

#include "models/directory/watchlistentry.h"
#include "models/pipeline/articlerelinker.h"
#include "models/store/tickerstore.h"

#include <algorithm>

namespace tw {

WatchlistAdder::WatchlistAdder(QSqlDatabase db) : m_db(std::move(db)) {}

QString WatchlistAdder::unknownTickerMessage(const QString &typed)
{
    QString message = QStringLiteral("'%1' is not a ticker, CIK or name of a US-listed company").arg(typed.trimmed());
    const auto near = CompanyDirectory::builtIn().closest(typed, 5);
    if (!near.isEmpty()) {
        QStringList names;
        for (const CompanyRecord *c : near)
            names << QStringLiteral("%1 (%2%3)").arg(c->ticker(), c->name,
                                                      c->exchange.isEmpty() ? QString() : QStringLiteral(", ") + c->exchange);
        message += QStringLiteral(". Did you mean %1?").arg(names.join(QStringLiteral(", ")));
    }
    return message;
}

Result<CompanyMatch> WatchlistAdder::lookUp(const QString &typed)
{
    CompanyMatch match = CompanyDirectory::builtIn().find(typed);
    if (match.company)
        return match;
    if (match.candidates.isEmpty())
        return fail(unknownTickerMessage(typed));
    QStringList names;
    for (const CompanyRecord *c : std::as_const(match.candidates))
        names << QStringLiteral("%1 (%2%3, CIK %4)")
                     .arg(c->ticker(), c->name, c->exchange.isEmpty() ? QString() : QStringLiteral(", ") + c->exchange)
                     .arg(c->cik);
    return fail(QStringLiteral("'%1' is the name of %2 listed companies: %3; add one by its ticker")
                    .arg(typed.trimmed())
                    .arg(match.candidates.size())
                    .arg(names.join(QStringLiteral(", "))));
}

Result<WatchlistAddition> WatchlistAdder::add(const QString &typed, const Progress &progress)
{
    auto match = lookUp(typed);
    if (!match)
        return match.error();
    const QString symbol = match->symbol;
    const CompanyRecord *company = match->company;
    TickerStore tickers(m_db);
    auto all = tickers.all();
    if (!all)
        return all.error();
    int position = 0;
    for (const TickerInfo &t : *all)
        position = std::max(position, t.position + 1);
    WatchlistAddition result;
    const auto same = std::find_if(all->cbegin(), all->cend(), [&](const TickerInfo &t) {
        return t.symbol == symbol || company->tickers.contains(CompanyDirectory::normalizedTicker(t.symbol))
            || (t.cik != 0 && t.cik == company->cik);
    });
    TickerInfo entry;
    if (same != all->cend()) {
        if (same->onWatchlist) {
            result.symbol = same->symbol;
            result.name = same->name;
            result.message = same->symbol == symbol
                ? QStringLiteral("%1: %2 is on the watchlist").arg(symbol, company->name)
                : QStringLiteral("%1: %2 is on the watchlist as %3 (share classes of one company)")
                      .arg(symbol, company->name, same->symbol);
            return result;
        }
        entry = *same;   // known before: keep the names the analyst gave it
        entry.onWatchlist = true;
        if (entry.cik == 0)
            entry.cik = company->cik;
    } else {
        entry = WatchlistEntry::fromDirectory(*company, symbol, WatchlistEntry::curated());
    }
    entry.position = position;
    if (auto s = tickers.upsert(entry); !s)
        return s.error();
    result.symbol = entry.symbol;
    result.name = entry.name;
    result.added = true;
    result.message = QStringLiteral("added %1: %2%3 (aliases: %4)")
                         .arg(entry.symbol, entry.name,
                              entry.exchange.isEmpty() ? QString() : QStringLiteral(" · ") + entry.exchange,
                              entry.aliases.join(QStringLiteral(", ")));
    QStringList others;
    for (const CompanyRecord *c : std::as_const(match->candidates))
        others << QStringLiteral("%1 (%2)").arg(c->name, c->ticker());
    if (!others.isEmpty())
        result.message += QStringLiteral("; '%1' is also the name of %2: add it by its ticker")
                              .arg(typed.trimmed(), others.join(QStringLiteral(", ")));
    auto relinked = ArticleRelinker(m_db).relink({entry.symbol}, progress);
    if (!relinked)
        return fail(QStringLiteral("%1 was added, but linking the stored articles failed: %2")
                        .arg(entry.symbol, relinked.errorMessage()));
    result.articlesExamined = relinked->examined;
    result.articlesRelinked = relinked->relinked;
    return result;
}

} // namespace tw
