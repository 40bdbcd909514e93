#include "app/cli/command.h"

namespace tw {

int reportFailure(CommandContext &ctx, const QString &message)
{
    ctx.err << "tickerwire: " << message << '\n';
    return kExitFailure;
}

} // namespace tw
