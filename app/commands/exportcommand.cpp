#include "models/alerts/analyststate.h"
#include "app/cli/command.h"
#include "app/cli/storesession.h"
#include "models/export/csvexport.h"

#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>

namespace tw {

namespace {
const QCommandLineOption kTicker(QStringList{QStringLiteral("ticker")}, QStringLiteral("Only rows of this ticker."),
                                 QStringLiteral("T"));
const QCommandLineOption kSince(QStringList{QStringLiteral("since")},
                                QStringLiteral("From this UTC date (YYYY-MM-DD) or ISO-8601 time on."),
                                QStringLiteral("DATE"));
const QCommandLineOption kUntil(QStringList{QStringLiteral("until")},
                                QStringLiteral("Up to this UTC date (inclusive) or ISO-8601 time (exclusive)."),
                                QStringLiteral("DATE"));
const QCommandLineOption kOutput(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                 QStringLiteral("Write to FILE instead of standard output."), QStringLiteral("FILE"));
const QCommandLineOption kExcel(QStringList{QStringLiteral("excel")},
                                QStringLiteral("Start with a UTF-8 byte order mark, so Excel reads UTF-8."));

class ExportCommand final : public Command {
public:
    ExportCommand()
        : Command({.name = QStringLiteral("export"),
                   .summary = QStringLiteral("Write a table as CSV (RFC 4180, UTF-8)."),
                   .positionalSyntax = exportKindNames().join(QLatin1Char('|')),
                   .options = {kTicker, kSince, kUntil, kOutput, kExcel}})
    {
    }

    int run(CommandContext &ctx) override
    {
        if (ctx.arguments.size() != 1)
            return reportUsageError(
                ctx, QStringLiteral("name one table: ") + exportKindNames().join(QStringLiteral(", ")));
        const auto kind = exportKindFromName(ctx.arguments.first());
        if (!kind)
            return reportUsageError(ctx,
                QStringLiteral("unknown table '%1' (one of: %2)")
                    .arg(ctx.arguments.first(), exportKindNames().join(QStringLiteral(", "))));
        ExportFilter filter;
        filter.ticker = ctx.parser.value(kTicker).trimmed().toUpper();
        for (const auto &[option, isEnd] : {std::pair{&kSince, false}, std::pair{&kUntil, true}}) {
            if (!ctx.parser.isSet(*option))
                continue;
            auto date = parseExportDate(ctx.parser.value(*option), isEnd);
            if (!date)
                return reportUsageError(
                    ctx, QStringLiteral("--%1: %2").arg(option->names().first(), date.errorMessage()));
            (isEnd ? filter.until : filter.since) = *date;
        }

        auto store = openStoreOrReport(ctx, StoreAccess::ReadOnly);
        if (!store)
            return kExitFailure;
        // Alerts as the analyst at the keyboard acknowledged them.
        const ExportQuery query = *kind == ExportKind::Alerts
            ? ExportQuery::firedAlerts(filter, AnalystState::forStore(store->database()).acknowledged())
            : ExportQuery::build(*kind, filter);
        const CsvExport exporter(store->database(), CsvWriter::Options{ctx.parser.isSet(kExcel)});

        if (!ctx.parser.isSet(kOutput)) {
            ctx.out.flush();
            QFile out;
            if (!out.open(stdout, QIODevice::WriteOnly)) {
                ctx.err << "tickerwire: cannot write to standard output\n";
                return kExitFailure;
            }
            auto written = exporter.writeTo(&out, query);
            if (!written)
                return reportFailure(ctx, written.errorMessage());
            return kExitOk;
        }

        const QString path = ctx.parser.value(kOutput);
        // The total is one extra COUNT; worth it for a progress line people can read.
        const auto total = exporter.countRows(query);
        ExportControl control;
        control.progress = [&](qint64 rows) {
            if (total && *total > 0)
                std::fprintf(stderr, "\rexport %s: %lld / %lld rows (%d%%)", qPrintable(exportKindName(*kind)),
                             static_cast<long long>(rows), static_cast<long long>(*total),
                             int(rows * 100 / *total));
            else
                std::fprintf(stderr, "\rexport %s: %lld rows", qPrintable(exportKindName(*kind)),
                             static_cast<long long>(rows));
            std::fflush(stderr);
        };
        QElapsedTimer timer;
        timer.start();
        auto written = exporter.writeFile(path, query, control);
        std::fputc('\n', stderr);
        if (!written)
            return reportFailure(ctx, written.errorMessage());
        const double seconds = std::max(1e-3, double(timer.nsecsElapsed()) / 1e9);
        ctx.err << "wrote " << written->rows << " rows to " << path << " in " << QString::number(seconds, 'f', 1)
                << " s (" << qint64(double(written->rows) / seconds) << " rows/s)\n";
        return kExitOk;
    }
};
} // namespace

std::unique_ptr<Command> makeExportCommand() { return std::make_unique<ExportCommand>(); }

} // namespace tw
