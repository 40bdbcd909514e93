#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QTextStream>

#include <memory>
#include <utility>
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
    const QString &command;             // its name, as its messages say it ("tickerwire NAME: ...")
    const QCommandLineParser &parser;   // parsed with the command's own options
    const GlobalOptions &globals;
    QStringList arguments;              // positional arguments after the command name
    QTextStream &out;
    QTextStream &err;
};

// What a command is, apart from what it does: the word that runs it, its line
// in `tickerwire --help`, and what `tickerwire NAME --help` lists. Declared
// once per command as data; CommandLine writes every help text from it.
struct CommandSpec {
    QString name;
    QString summary;
    QString positionalSyntax = {};            // "FILE|URL..." and the like, for the usage line
    QList<QCommandLineOption> options = {};   // the command's own, in the order --help lists them
    // CommandLine refuses a positional argument before run() is called.
    bool takesNoArguments = false;
};

// A `tickerwire NAME ...` subcommand. run() returns an ExitCode: usage
// mistakes are kExitUsage (after printing what is wrong), failures kExitFailure.
class Command {
public:
    explicit Command(CommandSpec spec) : m_spec(std::move(spec)) {}
    virtual ~Command() = default;
    const CommandSpec &spec() const { return m_spec; }
    virtual int run(CommandContext &context) = 0;

private:
    CommandSpec m_spec;
};

// The end of a run() that failed at a step whose message says enough by itself
// (the store, the keychain, a model): "tickerwire: MESSAGE" on ctx.err. Returns
// kExitFailure, for `return reportFailure(ctx, result.errorMessage());`.
int reportFailure(CommandContext &ctx, const QString &message);

// A usage mistake found by run() (a missing argument, a bad option value):
// "tickerwire NAME: PROBLEM" on ctx.err; CommandLine then prints the usage.
// Returns kExitUsage, for `return reportUsageError(ctx, ...);`.
int reportUsageError(CommandContext &ctx, const QString &problem);

std::vector<std::unique_ptr<Command>> allCommands();

} // namespace tw
