#pragma once

#include "app/cli/command.h"

#include <QByteArray>

#include <optional>

namespace tw {

// A file named on the command line that could not be read, parsed or written:
// "tickerwire NAME: PATH: PROBLEM" on ctx.err. Returns kExitFailure, for
// `return reportFileProblem(ctx, path, parsed.errorMessage());`.
int reportFileProblem(CommandContext &ctx, const QString &path, const QString &problem);

// The whole of a file a command reads (a labelled set, a model, a list), or
// nullopt after reportFileProblem said why it cannot be read.
std::optional<QByteArray> readCommandFile(CommandContext &ctx, const QString &path);

} // namespace tw
