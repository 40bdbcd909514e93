#include "app/cli/command.h"

namespace tw {

int reportFailure(CommandContext &ctx, const QString &message)
{
    ctx.err << "tickerwire: " << message << '\n';
    return kExitFailure;
}

int reportUsageError(CommandContext &ctx, const QString &problem)
{
    ctx.err << "tickerwire " << ctx.command << ": " << problem << '\n';
    return kExitUsage;
}

} // namespace tw
