#pragma once

#include <QCommandLineParser>
#include <QDate>
#include <QString>
#include <QTextStream>

namespace tw {

// --since D / --until D as calendar days (YYYY-MM-DD), for the commands that
// take a day range (backtest, event-study). Returns false after telling
// `err` what is wrong, in the words of `command`.
bool readDayRange(
    const QCommandLineParser &parser, const QString &command, QDate &since, QDate &until, QTextStream &err);

} // namespace tw
