#pragma once

#include "app/cli/command.h"

#include <QDate>
#include <QFileDevice>
#include <QList>
#include <QString>
#include <QStringList>

namespace tw {

// What the price-study commands (backtest, event-study) have in common: the
// companies and the day range they study, how they print a figure, and the
// warning that the demo's prices are made up.

// --since D / --until D as calendar days (YYYY-MM-DD): the two options, with
// what the range means to the command, and their values. readDayRange returns
// false after telling ctx.err what is wrong.
QList<QCommandLineOption> dayRangeOptions(const QString &sinceHelp, const QString &untilHelp);
bool readDayRange(CommandContext &ctx, QDate &since, QDate &until);

// The tickers of an option that may be repeated and also takes comma-separated
// lists (`--ticker META --ticker MSFT,GOOGL`): upper case, each once, in the
// order given. Empty when the option is not given.
QStringList tickerListOption(const QCommandLineParser &parser, const QString &option);

// A NaN is a figure the data could not give (too few observations): "n/a".
QString fixedOrNa(double value, int decimals);
QString percentOrNa(double value, int decimals = 2);   // 0.0123 -> "1.23%"

// After the figures: the demo's synthetic prices make any study meaningless.
void warnIfSyntheticPrices(CommandContext &ctx, bool synthetic);

// The --csv FILE could not be opened or committed: "tickerwire: cannot write
// FILE: WHY". Returns kExitFailure.
int reportCsvWriteFailure(CommandContext &ctx, const QFileDevice &file);

} // namespace tw
