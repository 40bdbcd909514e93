#include "app/cli/studyfigures.h"

#include <cmath>

namespace tw {

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

} // namespace tw
