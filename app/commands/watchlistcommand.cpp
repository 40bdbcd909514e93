#include "app/cli/command.h"
#include "app/cli/storesession.h"
#include "models/directory/companydirectory.h"
#include "models/directory/watchlistadder.h"
#include "models/pipeline/articlerelinker.h"
#include "models/store/tickerstore.h"

#include <algorithm>

namespace tw {

namespace {

// `tickerwire watchlist add T [T...] | remove T | list | aliases T [--add X] [--remove Y] | move T --to N`.
class WatchlistCommand final : public Command {
public:
    WatchlistCommand()
        : Command({
            .name = QStringLiteral("watchlist"),
            .summary = QStringLiteral("The companies you follow: watchlist add T [T...], remove T, list, "
                                      "aliases T [--add X] [--remove Y], move T --to N."),
            .positionalSyntax = QStringLiteral("add T [T...] | remove T | list | aliases T | move T --to N"),
            .options = {{QStringLiteral("add"), QStringLiteral("aliases: a name to add (repeatable)."), QStringLiteral("X")},
                        {QStringLiteral("remove"), QStringLiteral("aliases: a name to remove (repeatable)."),
                         QStringLiteral("Y")},
                        {QStringLiteral("to"), QStringLiteral("move: the new position, 1 being the top."),
                         QStringLiteral("N")}},
        })
    {
    }

    int run(CommandContext &ctx) override
    {
        const QString verb = ctx.arguments.value(0);
        const QStringList rest = ctx.arguments.mid(1);
        if (verb == QLatin1String("add") && !rest.isEmpty())
            return add(ctx, rest);
        if (verb == QLatin1String("remove") && rest.size() == 1)
            return remove(ctx, rest.first());
        if (verb == QLatin1String("list") && rest.isEmpty())
            return list(ctx);
        if (verb == QLatin1String("aliases") && rest.size() == 1)
            return aliases(ctx, rest.first());
        if (verb == QLatin1String("move") && rest.size() == 1 && ctx.parser.isSet(QStringLiteral("to")))
            return move(ctx, rest.first());
        return reportUsageError(ctx,
            QStringLiteral("usage: watchlist add T [T...] | remove T | list | aliases T [--add X] "
                           "[--remove Y] | move T --to N"));
    }

private:
    static void progressLine(QTextStream &err, int done, int total)
    {
        if (total >= 200) {
            err << "\rlinking stored articles: " << done << '/' << total;
            if (done == total)
                err << '\n';
            err.flush();
        }
    }

    int relink(CommandContext &ctx, QSqlDatabase db, const QStringList &symbols)
    {
        auto report = ArticleRelinker(db).relink(symbols, [&](int done, int total) { progressLine(ctx.err, done, total); });
        if (!report) {
            ctx.err << "tickerwire: linking stored articles failed: " << report.errorMessage() << '\n';
            return kExitFailure;
        }
        if (report->examined > 0)
            ctx.out << "linked stored articles: " << report->relinked << " of " << report->examined
                    << " that name them changed\n";
        return kExitOk;
    }

    int add(CommandContext &ctx, const QStringList &typed)
    {
        // Refuse unknown or ambiguous companies before touching the store.
        QStringList known;
        int refused = 0;
        for (const QString &t : typed) {
            if (auto match = WatchlistAdder::lookUp(t)) {
                known << t;
            } else {
                ++refused;
                ctx.err << "tickerwire watchlist add: " << match.errorMessage() << '\n';
            }
        }
        if (known.isEmpty())
            return kExitFailure;
        auto store = openStoreOrReport(ctx);
        if (!store)
            return kExitFailure;
        WatchlistAdder adder(store->database());
        for (const QString &t : known) {
            auto added = adder.add(t, [&](int done, int total) { progressLine(ctx.err, done, total); });
            if (!added)
                return reportFailure(ctx, added.errorMessage());
            ctx.out << added->message << '\n';
            if (added->articlesExamined > 0)
                ctx.out << "linked stored articles: " << added->articlesRelinked << " of " << added->articlesExamined
                        << " that may name " << added->symbol << '\n';
        }
        return refused > 0 ? kExitFailure : kExitOk;
    }

    int remove(CommandContext &ctx, const QString &typed)
    {
        auto store = openStoreOrReport(ctx);
        if (!store)
            return kExitFailure;
        TickerStore tickers(store->database());
        auto watchlist = tickers.watchlist();
        if (!watchlist)
            return reportFailure(ctx, watchlist.errorMessage());
        // As typed, else the company it names (another share class, its CIK or name).
        const QString symbol = CompanyDirectory::normalizedTicker(typed);
        const CompanyMatch company = CompanyDirectory::builtIn().find(typed);
        auto it = std::find_if(watchlist->cbegin(), watchlist->cend(), [&](const TickerInfo &t) { return t.symbol == symbol; });
        if (it == watchlist->cend() && company.company) {
            it = std::find_if(watchlist->cbegin(), watchlist->cend(), [&](const TickerInfo &t) {
                return (t.cik != 0 && t.cik == company.company->cik) || company.company->tickers.contains(t.symbol);
            });
        }
        if (it == watchlist->cend()) {
            ctx.err << "tickerwire watchlist remove: " << typed.trimmed() << " is not on the watchlist\n";
            return kExitFailure;
        }
        // Stays known (names, articles, scores); it only leaves the watchlist.
        TickerInfo t = *it;
        t.onWatchlist = false;
        if (auto s = tickers.upsert(t); !s)
            return reportFailure(ctx, s.errorMessage());
        ctx.out << "removed " << t.symbol << " from the watchlist (its articles and scores are kept)\n";
        return kExitOk;
    }

    int list(CommandContext &ctx)
    {
        auto store = openStoreOrReport(ctx, StoreAccess::ReadOnly);
        if (!store)
            return kExitFailure;
        auto watchlist = TickerStore(store->database()).watchlist();
        if (!watchlist)
            return reportFailure(ctx, watchlist.errorMessage());
        if (watchlist->isEmpty()) {
            ctx.err << "the watchlist is empty: tickerwire watchlist add TICKER\n";
            return kExitOk;
        }
        ctx.out << "ticker\tname\texchange\taliases\n";
        for (const TickerInfo &t : *watchlist)
            ctx.out << t.symbol << '\t' << t.name << '\t' << (t.exchange.isEmpty() ? QStringLiteral("-") : t.exchange)
                    << '\t' << t.aliases.join(QStringLiteral(", ")) << '\n';
        return kExitOk;
    }

    int aliases(CommandContext &ctx, const QString &typed)
    {
        const QStringList adding = ctx.parser.values(QStringLiteral("add"));
        const QStringList removing = ctx.parser.values(QStringLiteral("remove"));
        auto store = openStoreOrReport(
            ctx, adding.isEmpty() && removing.isEmpty() ? StoreAccess::ReadOnly : StoreAccess::Write);
        if (!store)
            return kExitFailure;
        TickerStore tickers(store->database());
        auto existing = tickers.bySymbol(CompanyDirectory::normalizedTicker(typed));
        if (!existing || !existing->has_value()) {
            ctx.err << "tickerwire watchlist aliases: " << typed.toUpper()
                    << " is not a ticker of this workspace (tickerwire watchlist add " << typed.toUpper() << ")\n";
            return kExitFailure;
        }
        TickerInfo t = **existing;
        for (const QString &name : removing) {
            const qsizetype before = t.aliases.size();
            t.aliases.removeIf([&](const QString &a) { return a.compare(name.trimmed(), Qt::CaseInsensitive) == 0; });
            if (t.aliases.size() == before) {
                ctx.err << "tickerwire watchlist aliases: " << t.symbol << " has no alias '" << name << "'\n";
                return kExitFailure;
            }
        }
        for (const QString &name : adding) {
            const QString alias = name.simplified();
            if (alias.isEmpty()) {
                ctx.err << "tickerwire watchlist aliases: an alias cannot be empty\n";
                return kExitUsage;
            }
            if (!t.aliases.contains(alias, Qt::CaseInsensitive))
                t.aliases << alias;
        }
        if (!adding.isEmpty() || !removing.isEmpty()) {
            if (auto s = tickers.upsert(t); !s)
                return reportFailure(ctx, s.errorMessage());
        }
        ctx.out << t.symbol << '\t' << t.aliases.join(QStringLiteral(", ")) << '\n';
        if (!adding.isEmpty() || !removing.isEmpty())
            return relink(ctx, store->database(), {t.symbol});
        return kExitOk;
    }

    int move(CommandContext &ctx, const QString &typed)
    {
        bool ok = false;
        const int to = ctx.parser.value(QStringLiteral("to")).toInt(&ok);
        if (!ok || to < 1) {
            ctx.err << "tickerwire watchlist move: --to takes a position, 1 being the top\n";
            return kExitUsage;
        }
        auto store = openStoreOrReport(ctx);
        if (!store)
            return kExitFailure;
        TickerStore tickers(store->database());
        auto watchlist = tickers.watchlist();
        if (!watchlist)
            return reportFailure(ctx, watchlist.errorMessage());
        const QString symbol = CompanyDirectory::normalizedTicker(typed);
        const auto it = std::find_if(watchlist->begin(), watchlist->end(), [&](const TickerInfo &t) { return t.symbol == symbol; });
        if (it == watchlist->end()) {
            ctx.err << "tickerwire watchlist move: " << symbol << " is not on the watchlist\n";
            return kExitFailure;
        }
        TickerInfo moving = *it;
        watchlist->erase(it);
        watchlist->insert(std::min<qsizetype>(to - 1, watchlist->size()), moving);
        for (qsizetype i = 0; i < watchlist->size(); ++i) {
            TickerInfo t = watchlist->at(i);
            t.position = int(i);
            if (auto s = tickers.upsert(t); !s)
                return reportFailure(ctx, s.errorMessage());
        }
        QStringList order;
        for (const TickerInfo &t : *watchlist)
            order << t.symbol;
        ctx.out << order.join(QLatin1Char(' ')) << '\n';
        return kExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeWatchlistCommand() { return std::make_unique<WatchlistCommand>(); }

} // namespace tw
