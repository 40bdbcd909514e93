#include "app/cli/command.h"
#include "app/cli/storesession.h"
#include "models/store/storestats.h"

namespace tw {

namespace {
class StatsCommand final : public Command {
public:
    StatsCommand()
        : Command({.name = QStringLiteral("stats"),
                   .summary = QStringLiteral("Print one 'table: rows' line per store table."),
                   .takesNoArguments = true})
    {
    }

    int run(CommandContext &ctx) override
    {
        auto store = openStoreOrReport(ctx, StoreAccess::ReadOnly);
        if (!store)
            return kExitFailure;
        auto counts = storeTableCounts(store->database());
        if (!counts)
            return reportFailure(ctx, counts.errorMessage());
        for (const TableCount &c : *counts)
            ctx.out << c.table << ": " << c.rows << '\n';
        return kExitOk;
    }
};
} // namespace

std::unique_ptr<Command> makeStatsCommand() { return std::make_unique<StatsCommand>(); }

} // namespace tw
