#include "app/cli/command.h"
#include "models/sentiment/headlinemodel.h"
#include "models/sentiment/sentimentevaluation.h"
#include "models/sentiment/sentimentscorer.h"

#include <QFile>
#include <QSaveFile>

namespace tw {

namespace {

// Trains the headline model on a label<TAB>headline file and writes its
// weights. The shipped resources/sentiment/headline-model.tsv is exactly
//   tickerwire train-headlines ../shared/eval/tfns/dev.tsv --out resources/sentiment/headline-model.tsv
// (tfns/dev.tsv is MIT-licensed; never train a shipped model on PhraseBank).
class TrainHeadlinesCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("train-headlines"); }
    QString summary() const override
    {
        return QStringLiteral("Train the headline model on a label<TAB>headline file (deterministic).");
    }
    QString positionalSyntax() const override { return QStringLiteral("FILE.tsv"); }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption(QCommandLineOption(QStringLiteral("out"), QStringLiteral("Where to write the weights."),
                                            QStringLiteral("FILE")));
    }

    int run(CommandContext &ctx) override
    {
        const QString out = ctx.parser.value(QStringLiteral("out"));
        if (ctx.arguments.size() != 1 || out.isEmpty()) {
            ctx.err << "tickerwire train-headlines: name one training file and --out FILE\n";
            return kExitUsage;
        }
        QFile in(ctx.arguments.first());
        if (!in.open(QIODevice::ReadOnly)) {
            ctx.err << "tickerwire train-headlines: " << in.fileName() << ": cannot read: " << in.errorString() << '\n';
            return kExitFailure;
        }
        auto sentences = parseLabeledSentences(QString::fromUtf8(in.readAll()));
        if (!sentences) {
            ctx.err << "tickerwire train-headlines: " << in.fileName() << ": " << sentences.errorMessage() << '\n';
            return kExitFailure;
        }
        auto rules = SentimentScorer::builtIn();
        if (!rules) {
            ctx.err << "tickerwire: " << rules.errorMessage() << '\n';
            return kExitFailure;
        }
        const HeadlineModel model = HeadlineModel::train(*sentences, **rules);
        QSaveFile file(out);
        if (!file.open(QIODevice::WriteOnly) || file.write(model.serialize().toUtf8()) < 0 || !file.commit()) {
            ctx.err << "tickerwire train-headlines: " << out << ": cannot write: " << file.errorString() << '\n';
            return kExitFailure;
        }
        ctx.out << "wrote " << out << ": " << sentences->size() << " headlines, " << model.vocabularySize()
                << " words, model " << model.digest() << " (rules " << (*rules)->modelVersion() << ")\n";
        return kExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeTrainHeadlinesCommand() { return std::make_unique<TrainHeadlinesCommand>(); }

} // namespace tw
