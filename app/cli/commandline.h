#pragma once

#include "app/cli/command.h"

#include <QStringList>

namespace tw {

// What the first look at argv decides: window or command, and the globals.
struct Invocation {
    GlobalOptions globals;
    QString command;            // empty: open the window
    QStringList commandArgs;    // everything after the command name
    bool showHelp = false;
    bool showVersion = false;
    QString usageError;         // non-empty: print it with the usage, exit 2
};

class CommandLine {
public:
    static Invocation parse(const QStringList &arguments);
    static QString globalHelp();
    static void addGlobalOptions(QCommandLineParser &parser);
    static void readGlobalOptions(const QCommandLineParser &parser, GlobalOptions &globals);

    // Runs a subcommand (QCoreApplication must exist). Returns the exit code.
    static int runCommand(const Invocation &invocation);
};

} // namespace tw
