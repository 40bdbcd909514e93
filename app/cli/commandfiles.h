#pragma once

#include "app/cli/command.h"

#include <QByteArray>

#include <optional>
#include <type_traits>

namespace tw {

// A file named on the command line that could not be read, parsed or written:
// "tickerwire NAME: PATH: PROBLEM" on ctx.err. Returns kExitFailure, for
// `return reportFileProblem(ctx, path, parsed.errorMessage());`.
int reportFileProblem(CommandContext &ctx, const QString &path, const QString &problem);

// The whole of a file a command reads (a company list, a word list), or
// nullopt after reportFileProblem said why it cannot be read.
std::optional<QByteArray> readCommandFile(CommandContext &ctx, const QString &path);

// A UTF-8 text file (a labelled set, a model's weights) read whole and given to
// `parse` (const QString & -> Result<T>): the T, or nullopt after
// reportFileProblem said why the file cannot be read or what `parse` found wrong.
template <typename Parse>
auto readParsedFile(CommandContext &ctx, const QString &path, Parse parse)
{
    using Parsed = std::remove_cvref_t<decltype(*parse(QString()))>;
    std::optional<Parsed> value;
    const auto bytes = readCommandFile(ctx, path);
    if (!bytes)
        return value;
    auto parsed = parse(QString::fromUtf8(*bytes));
    if (!parsed)
        reportFileProblem(ctx, path, parsed.errorMessage());
    else
        value = std::move(*parsed);
    return value;
}

} // namespace tw
