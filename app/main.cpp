#include "cli/commandline.h"
#include "gui/guilauncher.h"
#include "models/core/version.h"
#include "models/text/safetext.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("tickerwire"));
    QCoreApplication::setApplicationName(QStringLiteral("tickerwire"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TICKERWIRE_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    const tw::Invocation invocation = tw::CommandLine::parse(arguments);
    if (!invocation.usageError.isEmpty()) {
        std::fprintf(stderr, "tickerwire: %s\n\n%s", tw::terminalSafe(invocation.usageError).toUtf8().constData(),
                     qPrintable(tw::CommandLine::globalHelp()));
        return tw::kExitUsage;
    }
    if (invocation.showVersion) {
        std::printf("tickerwire %s\n", TICKERWIRE_VERSION);
        return tw::kExitOk;
    }
    if (invocation.showHelp && invocation.command.isEmpty()) {
        std::printf("%s", qPrintable(tw::CommandLine::globalHelp()));
        return tw::kExitOk;
    }
    if (invocation.command.isEmpty()) {
        QApplication app(argc, argv);
        // Ties the window to packaging/io.github.tickerwire.Tickerwire.desktop (icon, name on Wayland).
        QGuiApplication::setDesktopFileName(QStringLiteral("io.github.tickerwire.Tickerwire"));
        return tw::runGui(invocation.globals);
    }
    QCoreApplication app(argc, argv);
    return tw::CommandLine::runCommand(invocation);
}
