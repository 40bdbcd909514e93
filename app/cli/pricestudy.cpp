#include "app/cli/pricestudy.h"

#include <cmath>
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
            reportUsageError(ctx, QStringLiteral("--%1 '%2' is not a date (YYYY-MM-DD)").arg(option, ctx.parser.value(option)));
            return false;
        }
    }
    if (since.isValid() && until.isValid() && since > until) {
        reportUsageError(ctx, QStringLiteral("--since is after --until"));
        return false;
    }
    return true;
}

QStringList tickerListOption(const QCommandLineParser &parser, const QString &option)
{
    QStringList tickers;
    for (const QString &value : parser.values(option))
        for (const QString &t : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!tickers.contains(t.trimmed().toUpper()))
                tickers << t.trimmed().toUpper();
    return tickers;
}

QString fixedOrNa(double value, int decimals)
{
    return std::isnan(value) ? QStringLiteral("n/a") : QString::number(value, 'f', decimals);
}

QString percentOrNa(double value, int decimals)
{
    return std::isnan(value) ? QStringLiteral("n/a") : QString::number(value * 100, 'f', decimals) + QLatin1Char('%');
}

void warnIfSyntheticPrices(CommandContext &ctx, bool synthetic)
{
    if (synthetic)
        ctx.err << "tickerwire " << ctx.command << ": the prices are synthetic demo prices: these figures mean nothing\n";
}

int reportCsvWriteFailure(CommandContext &ctx, const QFileDevice &file)
{
    return reportFailure(ctx, QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
}

} // namespace tw
