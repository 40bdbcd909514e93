#include "app/cli/daterangeoption.h"

#include <utility>

namespace tw {

namespace {
const QString kSince = QStringLiteral("since");
const QString kUntil = QStringLiteral("until");
} // namespace

QList<QCommandLineOption> dayRangeOptions(const QString &sinceHelp, const QString &untilHelp)
{
    return {{kSince, sinceHelp, QStringLiteral("DATE")}, {kUntil, untilHelp, QStringLiteral("DATE")}};
}

bool readDayRange(CommandContext &ctx, QDate &since, QDate &until)
{
    for (const auto &[option, date] : {std::pair{kSince, &since}, std::pair{kUntil, &until}}) {
        if (!ctx.parser.isSet(option))
            continue;
        *date = QDate::fromString(ctx.parser.value(option).trimmed(), Qt::ISODate);
        if (!date->isValid()) {
            ctx.err << "tickerwire " << ctx.command << ": --" << option << " '" << ctx.parser.value(option)
                    << "' is not a date (YYYY-MM-DD)\n";
            return false;
        }
    }
    if (since.isValid() && until.isValid() && since > until) {
        ctx.err << "tickerwire " << ctx.command << ": --since is after --until\n";
        return false;
    }
    return true;
}

} // namespace tw
