#include "app/cli/command.h"
#include "app/cli/commandfiles.h"
#include "models/directory/commonwords.h"
#include "models/directory/companydirectory.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace tw {

namespace {

const char kWordsHeader[] =
    "# Everyday English words (lower case), reduced by `tickerwire build-directory` from SCOWL size 35\n"
    "# (Debian wamerican-small). Copyright 2000-2011 by Kevin Atkinson. Permission to use, copy, modify,\n"
    "# distribute and sell these word lists, the associated scripts, the output created from the scripts,\n"
    "# and its documentation for any purpose is hereby granted without fee, provided that the above\n"
    "# copyright notice appears in all copies and that both that copyright notice and this permission\n"
    "# notice appear in supporting documentation. Kevin Atkinson makes no representations about the\n"
    "# suitability of this array for any purpose. It is provided \"as is\" without express or implied warranty.\n";

// Derives the company directory the app ships. resources/directory is exactly
//   tickerwire build-directory ../shared/data/sec/company_tickers_exchange.json
//       --words /usr/share/dict/american-english-small --out resources/directory
class BuildDirectoryCommand final : public Command {
public:
    BuildDirectoryCommand()
        : Command({
            .name = QStringLiteral("build-directory"),
            .summary = QStringLiteral("Derive the company directory (resources/directory) from the SEC's "
                                      "company_tickers_exchange.json (deterministic)."),
            .positionalSyntax = QStringLiteral("company_tickers_exchange.json"),
            .options = {{QStringLiteral("out"), QStringLiteral("Folder to write companies.tsv and common-words.txt."),
                         QStringLiteral("DIR")},
                        {QStringLiteral("words"),
                         QStringLiteral("English word list (default /usr/share/dict/american-english-small, "
                                        "Debian package wamerican-small)."),
                         QStringLiteral("FILE")}},
        })
    {
    }

    int run(CommandContext &ctx) override
    {
        const QString outDir = ctx.parser.value(QStringLiteral("out"));
        if (ctx.arguments.size() != 1 || outDir.isEmpty())
            return reportUsageError(ctx, QStringLiteral("name the SEC file and --out DIR"));
        const QString wordsPath = ctx.parser.isSet(QStringLiteral("words"))
            ? ctx.parser.value(QStringLiteral("words"))
            : QStringLiteral("/usr/share/dict/american-english-small");
        const QString secPath = ctx.arguments.first();
        const auto sec = readCommandFile(ctx, secPath);
        if (!sec)
            return kExitFailure;
        QFile wordFile(wordsPath);
        if (!wordFile.open(QIODevice::ReadOnly))
            return reportFileProblem(ctx, wordsPath,
                                     QStringLiteral("cannot read: %1 (install the Debian package wamerican-small, or "
                                                    "name a list with --words)")
                                         .arg(wordFile.errorString()));
        const QByteArray reduced = CommonWords::reduce(wordFile.readAll());
        const CommonWords words(QString::fromUtf8(reduced).split(QLatin1Char('\n'), Qt::SkipEmptyParts));
        auto directory = CompanyDirectory::build(*sec, words);
        if (!directory)
            return reportFileProblem(ctx, secPath, directory.errorMessage());
        if (!QDir().mkpath(outDir)) {
            ctx.err << "tickerwire build-directory: cannot create " << outDir << '\n';
            return kExitFailure;
        }
        for (const auto &[file, bytes] : {std::pair{QStringLiteral("companies.tsv"), *directory},
                                          std::pair{QStringLiteral("common-words.txt"), QByteArray(QByteArray(kWordsHeader) + reduced)}}) {
            QSaveFile out(QDir(outDir).filePath(file));
            if (!out.open(QIODevice::WriteOnly) || out.write(bytes) < 0 || !out.commit())
                return reportFileProblem(ctx, out.fileName(), QStringLiteral("cannot write: ") + out.errorString());
        }
        auto parsed = CompanyDirectory::parse(*directory);
        ctx.out << "wrote " << QDir(outDir).filePath(QStringLiteral("companies.tsv")) << ": "
                << (parsed ? parsed->companies().size() : 0) << " companies; "
                << QDir(outDir).filePath(QStringLiteral("common-words.txt")) << ": " << words.size() << " words\n";
        return kExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeBuildDirectoryCommand() { return std::make_unique<BuildDirectoryCommand>(); }

} // namespace tw
