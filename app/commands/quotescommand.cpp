#include "app/cli/alertreport.h"
#include "app/cli/command.h"
#include "app/cli/storesession.h"
#include "feeds/ingest/quoteimporter.h"
#include "feeds/parsers/quotedocumentparser.h"

#include <QFile>
#include <QTimeZone>

namespace tw {

namespace {
// `tickerwire quotes import FILE --ticker T [--format F] [--zone Z]`: a price
// file saved from a provider, into the store (the same file twice adds nothing).
class QuotesCommand final : public Command {
public:
    QuotesCommand()
        : Command({
            .name = QStringLiteral("quotes"),
            .summary = QStringLiteral("Import a daily price file: quotes import FILE --ticker T "
                                      "[--format stooq|yahoo|alphavantage]."),
            .positionalSyntax = QStringLiteral("import FILE"),
            .options = {{QStringLiteral("ticker"),
                         QStringLiteral("Ticker the bars belong to (Yahoo and Alpha Vantage name it themselves)."),
                         QStringLiteral("T")},
                        {QStringLiteral("format"), QStringLiteral("stooq, yahoo or alphavantage (detected when omitted)."),
                         QStringLiteral("F")},
                        {QStringLiteral("zone"),
                         QStringLiteral("Exchange time zone for Stooq files (default America/New_York)."),
                         QStringLiteral("IANA")}},
        })
    {
    }

    int run(CommandContext &ctx) override
    {
        if (ctx.arguments.size() != 2 || ctx.arguments.first() != QLatin1String("import"))
            return reportUsageError(ctx,
                QStringLiteral(
                    "usage: tickerwire quotes import FILE [--ticker T] [--format stooq|yahoo|alphavantage]"));
        std::optional<DocumentFormat> expected;
        const QString format = ctx.parser.value(QStringLiteral("format"));
        if (format == QLatin1String("stooq"))
            expected = DocumentFormat::StooqCsv;
        else if (format == QLatin1String("yahoo") || format == QLatin1String("yahoo-chart"))
            expected = DocumentFormat::YahooChart;
        else if (format == QLatin1String("alphavantage") || format == QLatin1String("alphavantage-daily"))
            expected = DocumentFormat::AlphaVantageDaily;
        else if (!format.isEmpty())
            return reportUsageError(
                ctx, QStringLiteral("unknown --format '%1' (stooq, yahoo, alphavantage)").arg(format));
        const QString zoneName = ctx.parser.isSet(QStringLiteral("zone")) ? ctx.parser.value(QStringLiteral("zone"))
                                                                          : QStringLiteral("America/New_York");
        const QTimeZone zone(zoneName.toUtf8());
        if (!zone.isValid())
            return reportUsageError(ctx, QStringLiteral("unknown time zone '%1'").arg(zoneName));
        const QString ticker = ctx.parser.value(QStringLiteral("ticker")).trimmed().toUpper();
        const QString path = ctx.arguments.at(1);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            ctx.err << path << ": cannot read: " << file.errorString() << '\n';
            return kExitFailure;
        }
        auto parsed = QuoteDocumentParser::parse(file.readAll(), ticker, zone, expected);
        if (!parsed) {
            ctx.err << path << ": " << parsed.errorMessage() << '\n';
            return kExitFailure;
        }
        if (parsed->ticker.isEmpty()) {
            ctx.err << path << ": the file names no ticker; pass --ticker T\n";
            return kExitUsage;
        }
        for (const QString &reason : parsed->skipped)
            ctx.err << path << ": skipped " << reason << '\n';
        auto store = openStoreOrReport(ctx);
        if (!store)
            return kExitFailure;
        auto report = QuoteImporter(store->database()).import(*parsed);
        if (!report) {
            ctx.err << path << ": " << report.errorMessage() << '\n';
            return kExitFailure;
        }
        ctx.out << path << ": " << parsed->ticker << ", " << report->received << " bars, " << report->changed
                << " new or changed, " << report->unchanged << " unchanged";
        if (!parsed->bars.isEmpty())
            ctx.out << " (" << parsed->bars.first().tradingDate.toString(Qt::ISODate) << " to "
                    << parsed->bars.last().tradingDate.toString(Qt::ISODate) << ')';
        ctx.out << '\n';
        if (!evaluateAndReport(store->database(), ctx.out, ctx.err))
            return kExitFailure;
        return kExitOk;
    }
};
} // namespace

std::unique_ptr<Command> makeQuotesCommand() { return std::make_unique<QuotesCommand>(); }

} // namespace tw
