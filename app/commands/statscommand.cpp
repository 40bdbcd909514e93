#include "app/cli/command.h"
#include "app/cli/storesession.h"
#include "models/store/storestats.h"

namespace tw {

namespace {
class StatsCommand final : public Command {
public:
    StatsCommand()
        : Command({.name = QStringLiteral("stats"),
                   .summary = QStringLiteral("Print one 'table: rows' line per store table.")})
    {
    }

    int run(CommandContext &ctx) override
    {
        if (!ctx.arguments.isEmpty()) {
            ctx.err << "tickerwire stats: unexpected argument '" << ctx.arguments.first() << "'\n";
            return kExitUsage;
        }
        auto store = openStoreOrReport(ctx, StoreAccess::ReadOnly);
        if (!store)
            return kExitFailure;
        auto counts = storeTableCounts(store->database());
        if (!counts) {
            ctx.err << "tickerwire: " << counts.errorMessage() << '\n';
            return kExitFailure;
        }
        for (const TableCount &c : *counts)
            ctx.out << c.table << ": " << c.rows << '\n';
        return kExitOk;
    }
};
} // namespace

std::unique_ptr<Command> makeStatsCommand() { return std::make_unique<StatsCommand>(); }

} // namespace tw
