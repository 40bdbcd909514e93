#pragma once

#include "app/cli/command.h"

#include <QDate>
#include <QList>

namespace tw {

// --since D / --until D as calendar days (YYYY-MM-DD), for the commands that
// take a day range (backtest, event-study): the two options, with what the
// range means to the command, and their values. readDayRange returns false
// after telling ctx.err what is wrong.
QList<QCommandLineOption> dayRangeOptions(const QString &sinceHelp, const QString &untilHelp);
bool readDayRange(CommandContext &ctx, QDate &since, QDate &until);

} // namespace tw
