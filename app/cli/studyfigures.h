#pragma once

#include "app/cli/command.h"

#include <QString>

namespace tw {

// Figures as the study commands (backtest, event-study) print them. A NaN is
// a figure the data could not give (too few observations): "n/a".
QString fixedOrNa(double value, int decimals);
QString percentOrNa(double value, int decimals = 2);   // 0.0123 -> "1.23%"

// After the figures: the demo's synthetic prices make any study meaningless.
void warnIfSyntheticPrices(CommandContext &ctx, bool synthetic);

} // namespace tw
