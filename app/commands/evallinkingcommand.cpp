#include "app/cli/command.h"
#include "app/cli/commandfiles.h"
#include "models/directory/companydirectory.h"
#include "models/directory/watchlistentry.h"
#include "models/linking/linkingevaluation.h"

#include <QElapsedTimer>

namespace tw {

namespace {

// Measures company linking on a labelled set of headlines: precision, recall
// and F1 over (headline, ticker) pairs, then every miss.
class EvalLinkingCommand final : public Command {
public:
    EvalLinkingCommand()
        : Command({
            .name = QStringLiteral("eval-linking"),
            .summary = QStringLiteral("Measure company linking on a TICKERS<TAB>HEADLINE[<TAB>LEAD] file "
                                      "(precision, recall, F1 and the misses)."),
            .positionalSyntax = QStringLiteral("FILE.tsv"),
            .options = {{QStringLiteral("watchlist"),
                         QStringLiteral("Comma-separated tickers the linker follows (default: the file's "
                                        "'# watchlist:' line, else the bundled watchlist plus every labelled ticker)."),
                         QStringLiteral("T,T")}},
        })
    {
    }

    int run(CommandContext &ctx) override
    {
        if (ctx.arguments.size() != 1)
            return reportUsageError(ctx, QStringLiteral("name exactly one labelled file"));
        auto set = readParsedFile(ctx, ctx.arguments.first(), &LabelledSet::parse);
        if (!set)
            return kExitFailure;
        const QList<TickerInfo> curated = WatchlistEntry::curated();
        QStringList symbols;
        if (ctx.parser.isSet(QStringLiteral("watchlist"))) {
            for (const QString &t : ctx.parser.value(QStringLiteral("watchlist")).split(QLatin1Char(','), Qt::SkipEmptyParts))
                symbols << CompanyDirectory::normalizedTicker(t);
        } else if (!set->watchlist.isEmpty()) {
            symbols = set->watchlist;
        } else {
            for (const TickerInfo &t : curated)
                symbols << t.symbol;
            for (const LabelledText &item : set->items)
                symbols << item.expected;
        }
        symbols.removeDuplicates();
        // Start-up cost of the directory: read once, on first use, off the window's way.
        QElapsedTimer loading;
        loading.start();
        const CompanyDirectory &directory = CompanyDirectory::builtIn();
        const qint64 loadMs = loading.elapsed();
        QList<TickerInfo> watchlist;
        for (const QString &symbol : symbols) {
            const CompanyRecord *company = directory.byTicker(symbol);
            if (!company) {
                ctx.err << "tickerwire eval-linking: " << symbol << " is not in the company directory\n";
                return kExitFailure;
            }
            watchlist << WatchlistEntry::fromDirectory(*company, symbol, curated);
        }
        // A label naming another share class of a followed company means that company.
        for (LabelledText &item : set->items) {
            for (QString &t : item.expected) {
                const CompanyRecord *c = directory.byTicker(t);
                for (const TickerInfo &w : watchlist) {
                    if (c && c->tickers.contains(w.symbol))
                        t = w.symbol;
                }
            }
            item.expected.removeDuplicates();
        }
        QElapsedTimer timer;
        timer.start();
        const EntityLinker linker(watchlist);
        const qint64 indexMs = timer.elapsed();
        const LinkingScores scores = LinkingScores::measure(linker, set->items);
        const double seconds = std::max(1e-6, timer.nsecsElapsed() / 1e9);

        ctx.out << "watchlist: " << symbols.join(QLatin1Char(' ')) << '\n';
        ctx.out << "items: " << scores.items << " (" << scores.traps << " about none of the watchlist)\n";
        ctx.out << "pairs: " << scores.truePositives << " linked right, " << scores.falsePositives << " wrong, "
                << scores.falseNegatives << " missed\n";
        ctx.out << "precision: " << QString::number(scores.precision(), 'f', 4) << '\n';
        ctx.out << "recall: " << QString::number(scores.recall(), 'f', 4) << '\n';
        ctx.out << "f1: " << QString::number(scores.f1(), 'f', 4) << '\n';
        ctx.out << "directory: " << directory.companies().size() << " companies read in " << loadMs
                << " ms; linker with the directory's names built in " << indexMs << " ms\n";
        ctx.out << "items per second: " << qRound64(scores.items / seconds) << " (linker built and run)\n";
        for (const LinkingMiss &m : scores.misses) {
            ctx.out << (m.falsePositive ? "wrong\t" : "missed\t") << m.ticker << "\tline " << m.item.line << '\t'
                    << m.item.title << (m.item.lead.isEmpty() ? QString() : QStringLiteral(" | ") + m.item.lead) << '\n';
        }
        return kExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeEvalLinkingCommand() { return std::make_unique<EvalLinkingCommand>(); }

} // namespace tw
