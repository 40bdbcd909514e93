#include "app/cli/command.h"
#include "app/cli/storesession.h"
#include "models/events/guidancehistory.h"

#include <QRegularExpression>

namespace tw {

namespace {
const QString kTickerOption = QStringLiteral("ticker");
const QString kMetricOption = QStringLiteral("metric");
const QString kPeriodOption = QStringLiteral("period");

class GuidanceCommand final : public Command {
public:
    GuidanceCommand()
        : Command({
            .name = QStringLiteral("guidance"),
            .summary = QStringLiteral("Print the guidance history, one figure per line: period, low, high, unit, "
                                      "currency, date announced or filed, status, change against the previous figure, "
                                      "source (news, or the filing a reported actual comes from), and for an actual "
                                      "the verdict against the last guided range."),
            .options = {{kTickerOption, QStringLiteral("Only this company."), QStringLiteral("TICKER")},
                        {kMetricOption, QStringLiteral("Only this metric: capex, revenue or expenses."),
                         QStringLiteral("METRIC")},
                        {kPeriodOption,
                         QStringLiteral("Only years (annual), only quarters (quarterly), or one period (2025, 2025-Q2)."),
                         QStringLiteral("PERIOD")}},
            .takesNoArguments = true,
        })
    {
    }

    int run(CommandContext &ctx) override
    {
        const QString ticker = ctx.parser.value(kTickerOption).trimmed().toUpper();
        const QString metric = ctx.parser.value(kMetricOption).trimmed().toLower();
        static const QStringList metrics{QStringLiteral("capex"), QStringLiteral("revenue"), QStringLiteral("expenses")};
        if (!metric.isEmpty() && !metrics.contains(metric))
            return reportUsageError(
                ctx, QStringLiteral("unknown metric '%1' (one of %2)").arg(metric, metrics.join(QStringLiteral(", "))));
        const QString period = ctx.parser.value(kPeriodOption).trimmed();
        static const QRegularExpression onePeriod(QStringLiteral("^(?:19|20)\\d\\d(?:-Q[1-4])?$"));
        if (!period.isEmpty() && period != QLatin1String("annual") && period != QLatin1String("quarterly")
            && !onePeriod.match(period).hasMatch())
            return reportUsageError(
                ctx, QStringLiteral("--period takes annual, quarterly or a period such as 2025 or 2025-Q2"));
        auto store = openStoreOrReport(ctx, StoreAccess::ReadOnly);
        if (!store)
            return kExitFailure;
        auto figures = GuidanceHistory(store->database()).figures(ticker, metric);
        if (!figures)
            return reportFailure(ctx, figures.errorMessage());
        // One history per company and metric; name it when the options did not.
        const bool oneHistory = !ticker.isEmpty() && !metric.isEmpty();
        QString current;
        for (const GuidanceFigure &f : *figures) {
            const bool quarter = f.period.contains(QLatin1String("-Q"));
            if ((period == QLatin1String("annual") && quarter) || (period == QLatin1String("quarterly") && !quarter)
                || (!period.isEmpty() && period != QLatin1String("annual") && period != QLatin1String("quarterly")
                    && f.period != period))
                continue;
            const QString heading = f.ticker + QLatin1Char(' ') + f.metric;
            if (!oneHistory && heading != current) {
                ctx.out << "# " << heading << '\n';
                current = heading;
            }
            ctx.out << f.period << '\t' << f.lowText() << '\t' << f.highText() << '\t' << f.unit << '\t' << f.currency << '\t'
                    << f.announced.display() << '\t' << f.status << '\t' << f.changeText() << '\t' << f.source << '\t'
                    << f.verdict << '\n';
        }
        return kExitOk;
    }
};
} // namespace

std::unique_ptr<Command> makeGuidanceCommand() { return std::make_unique<GuidanceCommand>(); }

} // namespace tw
