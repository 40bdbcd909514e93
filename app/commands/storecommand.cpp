#include "app/cli/command.h"
#include "app/cli/storesession.h"
#include "models/demo/demoremover.h"
#include "models/store/storeconnection.h"
#include "models/store/storecopier.h"
#include "models/store/storelocation.h"

#include <QCommandLineOption>

#include <cstdio>
#include <unistd.h>

namespace tw {

namespace {
const QCommandLineOption kFrom(QStringList{QStringLiteral("from")},
                               QStringLiteral("Store to copy from (file or postgresql:// URL); only read."),
                               QStringLiteral("PATH_OR_URL"));
const QCommandLineOption kTo(QStringList{QStringLiteral("to")},
                             QStringLiteral("New, empty store to copy into (created if it is a file)."),
                             QStringLiteral("PATH_OR_URL"));
const QCommandLineOption kYes(QStringList{QStringLiteral("yes")},
                              QStringLiteral("remove-demo: do not ask for confirmation."));

// `tickerwire store copy --from A --to B`: moves a desk from its SQLite file to
// a shared PostgreSQL server (or back) without changing A.
// `tickerwire store remove-demo [--yes]`: takes the bundled demo out of a
// store an older build wrote it into (after confirmation).
class StoreCommand final : public Command {
public:
    StoreCommand()
        : Command({.name = QStringLiteral("store"),
                   .summary = QStringLiteral("copy --from A --to B: copy a store between files and PostgreSQL servers; "
                                             "remove-demo: take the bundled demo's rows out of the store."),
                   .positionalSyntax = QStringLiteral("copy | remove-demo"),
                   .options = {kFrom, kTo, kYes}})
    {
    }

    int run(CommandContext &ctx) override
    {
        if (ctx.arguments == QStringList{QStringLiteral("remove-demo")})
            return removeDemo(ctx);
        if (ctx.arguments != QStringList{QStringLiteral("copy")})
            return reportUsageError(ctx, QStringLiteral("expected the action 'copy' or 'remove-demo'"));
        const QString from = ctx.parser.value(kFrom);
        const QString to = ctx.parser.value(kTo);
        if (from.isEmpty() || to.isEmpty()) {
            ctx.err << "tickerwire store copy: give both --from and --to\n";
            return kExitUsage;
        }
        if (from == to) {
            ctx.err << "tickerwire store copy: --from and --to name the same store\n";
            return kExitUsage;
        }
        reportStoreWaits(ctx.err);
        auto source = StoreConnection::openReadOnly(from, QStringLiteral("copy-source"), keychainStorePassword());
        if (!source)
            return reportFailure(ctx, source.errorMessage());
        auto target = StoreConnection::open(to, QStringLiteral("copy-target"), keychainStorePassword());
        if (!target)
            return reportFailure(ctx, target.errorMessage());
        ctx.err << "copying " << StoreLocation::forDisplay(from) << " to " << StoreLocation::forDisplay(to) << '\n';
        ctx.err.flush();
        // One line, rewritten in place on a terminal; one line per table otherwise.
        const bool terminal = ::isatty(STDERR_FILENO) == 1;
        StoreCopier copier((*source)->database(), (*target)->database());
        auto copied = copier.copy([&](const QString &table, qint64 done, qint64 total) {
            const QString line = QStringLiteral("copying %1: %2/%3 rows").arg(table).arg(done).arg(total);
            // The carriage return is written around the terminal filter (which
            // drops every CR); the line is our own text: a table name and counts.
            if (terminal) {
                ctx.err.flush();
                std::fprintf(stderr, "\r%s", line.leftJustified(60).toUtf8().constData());
                std::fflush(stderr);
            } else if (done == total) {
                ctx.err << line << '\n';
                ctx.err.flush();
            }
        });
        if (terminal)
            ctx.err << '\n';
        if (!copied)
            return reportFailure(ctx, copied.errorMessage());
        qint64 rows = 0;
        for (const TableCount &c : *copied) {
            ctx.out << c.table << ": " << c.rows << '\n';
            rows += c.rows;
        }
        ctx.err << "copied " << rows << " rows in " << copied->size() << " tables; row counts match\n";
        return kExitOk;
    }

private:
    static void describe(QTextStream &out, const DemoRemoval &r)
    {
        out << "demo articles: " << r.articles << '\n'
            << "synthetic price bars: " << r.quoteBars << '\n'
            << "demo alert rules: " << r.rules << '\n'
            << "their fired alerts: " << r.firings << '\n'
            << "events only demo articles reported: " << r.events << '\n';
    }

    int removeDemo(CommandContext &ctx)
    {
        auto store = openStoreOrReport(ctx, StoreAccess::ReadOnly);
        if (!store)
            return kExitFailure;
        DemoRemover remover(store->database());
        auto survey = remover.survey();
        if (!survey)
            return reportFailure(ctx, survey.errorMessage());
        if (survey->articles + survey->quoteBars + survey->rules == 0) {
            ctx.out << "no demo rows in " << store->displayLocation() << '\n';
            return kExitOk;
        }
        ctx.out << "In " << store->displayLocation() << ":\n";
        describe(ctx.out, *survey);
        ctx.out << "Your own articles, prices, rules and watchlist stay.\n";
        ctx.out.flush();
        if (!ctx.parser.isSet(kYes)) {
            if (::isatty(STDIN_FILENO) != 1) {
                ctx.err << "tickerwire store remove-demo: confirm with --yes (no terminal to ask on)\n";
                return kExitUsage;
            }
            ctx.out << "Remove these rows? [y/N] ";
            ctx.out.flush();
            char answer[16] = {};
            if (!std::fgets(answer, sizeof answer, stdin) || (answer[0] != 'y' && answer[0] != 'Y')) {
                ctx.out << "nothing removed\n";
                return kExitOk;
            }
        }
        auto removed = remover.remove();
        if (!removed)
            return reportFailure(ctx, removed.errorMessage());
        ctx.out << "removed:\n";
        describe(ctx.out, *removed);
        if (!removed->tickers.isEmpty())
            ctx.out << "scores recomputed for: " << removed->tickers.join(QLatin1Char(' ')) << '\n';
        return kExitOk;
    }
};
} // namespace

std::unique_ptr<Command> makeStoreCommand() { return std::make_unique<StoreCommand>(); }

} // namespace tw
