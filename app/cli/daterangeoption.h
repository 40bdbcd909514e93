#pragma once

#include "app/cli/command.h"

#include <QDate>

namespace tw {

// --since D / --until D as calendar days (YYYY-MM-DD), for the commands that
// take a day range (backtest, event-study). Returns false after telling
// ctx.err what is wrong.
bool readDayRange(CommandContext &ctx, QDate &since, QDate &until);

} // namespace tw
