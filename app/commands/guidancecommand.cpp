#include "app/cli/command.h"
#include "app/cli/storesession.h"
#include "models/events/guidancehistory.h"

namespace tw {

namespace {
const QString kTickerOption = QStringLiteral("ticker");
const QString kMetricOption = QStringLiteral("metric");

class GuidanceCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("guidance"); }
    QString summary() const override
    {
        return QStringLiteral("Print the guidance history extracted from the news, one figure per line: period, low, "
                              "high, unit, currency, date announced, status, change against the previous figure.");
    }

    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({kTickerOption, QStringLiteral("Only this company."), QStringLiteral("TICKER")});
        parser.addOption({kMetricOption, QStringLiteral("Only this metric: capex, revenue or expenses."),
                          QStringLiteral("METRIC")});
    }

    int run(CommandContext &ctx) override
    {
        if (!ctx.arguments.isEmpty()) {
            ctx.err << "tickerwire guidance: unexpected argument '" << ctx.arguments.first() << "'\n";
            return kExitUsage;
        }
        const QString ticker = ctx.parser.value(kTickerOption).trimmed().toUpper();
        const QString metric = ctx.parser.value(kMetricOption).trimmed().toLower();
        static const QStringList metrics{QStringLiteral("capex"), QStringLiteral("revenue"), QStringLiteral("expenses")};
        if (!metric.isEmpty() && !metrics.contains(metric)) {
            ctx.err << "tickerwire guidance: unknown metric '" << metric << "' (one of " << metrics.join(QStringLiteral(", "))
                    << ")\n";
            return kExitUsage;
        }
        auto store = openCommandStore(ctx.globals, ctx.err, StoreAccess::ReadOnly);
        if (!store) {
            ctx.err << "tickerwire: " << store.errorMessage() << '\n';
            return kExitFailure;
        }
        auto figures = GuidanceHistory((*store)->database()).figures(ticker, metric);
        if (!figures) {
            ctx.err << "tickerwire: " << figures.errorMessage() << '\n';
            return kExitFailure;
        }
        // One history per company and metric; name it when the options did not.
        const bool oneHistory = !ticker.isEmpty() && !metric.isEmpty();
        QString current;
        for (const GuidanceFigure &f : *figures) {
            const QString heading = f.ticker + QLatin1Char(' ') + f.metric;
            if (!oneHistory && heading != current) {
                ctx.out << "# " << heading << '\n';
                current = heading;
            }
            ctx.out << f.period << '\t' << EventAmount::number(f.low) << '\t' << EventAmount::number(f.high) << '\t' << f.unit << '\t'
                    << f.currency << '\t' << f.announced.display() << '\t' << f.status << '\t' << f.changeText() << '\n';
        }
        return kExitOk;
    }
};
} // namespace

std::unique_ptr<Command> makeGuidanceCommand() { return std::make_unique<GuidanceCommand>(); }

} // namespace tw
