#include "app/cli/commandline.h"

#include "app/cli/terminaloutput.h"

#include <QCoreApplication>

#include <cstdio>

namespace tw {

namespace {
const QCommandLineOption kStore(QStringList{QStringLiteral("store")},
                                QStringLiteral("Store file (or postgresql:// URL). Default: $TICKERWIRE_STORE, "
                                               "else the user data folder."),
                                QStringLiteral("PATH"));
const QCommandLineOption kDemo(QStringList{QStringLiteral("demo")},
                               QStringLiteral("Load the bundled META demo workspace into the store first."));
const QCommandLineOption kScreenshot(QStringList{QStringLiteral("screenshot")},
                                     QStringLiteral("Render the window to FILE.png after loading, then exit."),
                                     QStringLiteral("FILE.png"));
const QCommandLineOption kLayout(QStringList{QStringLiteral("layout")},
                                 QStringLiteral("Use the named saved layout or preset (Overview, Reading, Charts)."),
                                 QStringLiteral("NAME"));
const QCommandLineOption kNoFetch(QStringList{QStringLiteral("no-fetch")},
                                  QStringLiteral("Open the window without fetching feeds in the background."));

void printTo(FILE *stream, const QString &text)
{
    std::fputs(terminalSafe(text).toUtf8().constData(), stream);
    std::fflush(stream);
}
} // namespace

void CommandLine::addGlobalOptions(QCommandLineParser &parser)
{
    parser.addOption(kStore);
    parser.addOption(kDemo);
    parser.addOption(kScreenshot);
    parser.addOption(kLayout);
    parser.addOption(kNoFetch);
}

void CommandLine::readGlobalOptions(const QCommandLineParser &parser, GlobalOptions &globals)
{
    if (parser.isSet(kStore))
        globals.store = parser.value(kStore);
    if (parser.isSet(kDemo))
        globals.demo = true;
    if (parser.isSet(kScreenshot))
        globals.screenshot = parser.value(kScreenshot);
    if (parser.isSet(kLayout))
        globals.layout = parser.value(kLayout);
    if (parser.isSet(kNoFetch))
        globals.noFetch = true;
}

Invocation CommandLine::parse(const QStringList &arguments)
{
    Invocation inv;
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    addGlobalOptions(parser);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption version(QStringList{QStringLiteral("v"), QStringLiteral("version")},
                                     QStringLiteral("Show the version."));
    parser.addOption(help);
    parser.addOption(version);
    if (!parser.parse(arguments)) {
        inv.usageError = parser.errorText();
        return inv;
    }
    readGlobalOptions(parser, inv.globals);
    inv.showHelp = parser.isSet(help);
    inv.showVersion = parser.isSet(version);
    QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty()) {
        inv.command = positional.takeFirst();
        inv.commandArgs = positional;
        bool known = false;
        for (const auto &c : allCommands())
            known = known || c->spec().name == inv.command;
        if (!known)
            inv.usageError = QStringLiteral("Unknown command '%1'.").arg(inv.command);
    }
    return inv;
}

QString CommandLine::globalHelp()
{
    QString text = QStringLiteral(
        "Usage: tickerwire [options]                 open the terminal window\n"
        "       tickerwire [options] COMMAND [args]  run a command without a window\n\n"
        "Options:\n"
        "  --store PATH          store file or postgresql:// URL (default: $TICKERWIRE_STORE,\n"
        "                        else the user data folder)\n"
        "  --demo                load the bundled META demo workspace first\n"
        "  --screenshot FILE.png render the window after loading, save it and exit\n"
        "  --layout NAME         with --screenshot: use a saved named layout\n"
        "  --no-fetch            open the window without fetching feeds in the background\n"
        "  -h, --help            show this help (COMMAND --help: the command's help)\n"
        "  -v, --version         show the version\n\n"
        "Commands:\n");
    for (const auto &c : allCommands())
        text += QStringLiteral("  %1%2\n").arg(c->spec().name.leftJustified(16), c->spec().summary);
    return text;
}

int CommandLine::runCommand(const Invocation &inv)
{
    std::unique_ptr<Command> command;
    for (auto &c : allCommands()) {
        if (c->spec().name == inv.command)
            command = std::move(c);
    }
    QCommandLineParser parser;
    const CommandSpec &spec = command->spec();
    parser.setApplicationDescription(spec.summary);
    addGlobalOptions(parser);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    parser.addOptions(spec.options);
    auto usage = [&]() -> QString {
        // Qt's usage line names the binary path and no subcommand; write our own.
        QString text = parser.helpText();
        text = text.mid(text.indexOf(QLatin1Char('\n')) + 1);
        return QStringLiteral("Usage: tickerwire %1 [options] %2\n").arg(spec.name, spec.positionalSyntax)
             + text;
    };
    if (!parser.parse(QStringList{QStringLiteral("tickerwire")} + inv.commandArgs)) {
        printTo(stderr, QStringLiteral("tickerwire %1: %2\n\n%3").arg(spec.name, parser.errorText(), usage()));
        return kExitUsage;
    }
    if (parser.isSet(help)) {
        printTo(stdout, usage());
        return kExitOk;
    }
    GlobalOptions globals = inv.globals;
    readGlobalOptions(parser, globals);

    // Everything a command prints goes through the terminal filter.
    TerminalOutput outDevice(stdout);
    TerminalOutput errDevice(stderr);
    QTextStream out(&outDevice);
    QTextStream err(&errDevice);
    CommandContext context{spec.name, parser, globals, parser.positionalArguments(), out, err};
    const int code = spec.takesNoArguments && !context.arguments.isEmpty()
        ? reportUsageError(context, QStringLiteral("unexpected argument '%1'").arg(context.arguments.first()))
        : command->run(context);
    out.flush();
    err.flush();
    if (code == kExitUsage)
        printTo(stderr, QStringLiteral("\n") + usage());
    return code;
}

} // namespace tw
