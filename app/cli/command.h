#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

#include <memory>
#include <vector>

namespace tw {

// Exit codes a shell user can act on.
enum ExitCode : int { kExitOk = 0, kExitFailure = 1, kExitUsage = 2 };

// The options every command understands, wherever they appear on the line.
struct GlobalOptions {
    QString store;          // as given; resolve with StoreLocation
    bool demo = false;      // load the bundled demo workspace first
    QString screenshot;     // GUI only
    QString layout;         // GUI only
    bool noFetch = false;   // GUI only: no background fetching (screenshots never fetch)
};

struct CommandContext {
    const QCommandLineParser &parser;   // parsed with the command's own options
    const GlobalOptions &globals;
    QStringList arguments;              // positional arguments after the command name
    QTextStream &out;
    QTextStream &err;
};

// A `tickerwire NAME ...` subcommand. run() returns an ExitCode: usage
// mistakes are kExitUsage (after printing what is wrong), failures kExitFailure.
class Command {
public:
    virtual ~Command() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // "FILE|URL..." and the like, for the usage line.
    virtual QString positionalSyntax() const { return QString(); }
    virtual void addOptions(QCommandLineParser &parser) const { Q_UNUSED(parser); }
    virtual int run(CommandContext &context) = 0;
};

std::vector<std::unique_ptr<Command>> allCommands();

} // namespace tw
