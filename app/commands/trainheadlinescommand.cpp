#include "app/cli/command.h"
#include "app/cli/commandfiles.h"
#include "models/sentiment/headlinemodel.h"
#include "models/sentiment/sentimentevaluation.h"
#include "models/sentiment/sentimentscorer.h"

#include <QSaveFile>

namespace tw {

namespace {

// Trains the headline model on a label<TAB>headline file and writes its
// weights. The shipped resources/sentiment/headline-model.tsv is exactly
//   tickerwire train-headlines ../shared/eval/tfns/dev.tsv --out resources/sentiment/headline-model.tsv
// (tfns/dev.tsv is MIT-licensed; never train a shipped model on PhraseBank).
class TrainHeadlinesCommand final : public Command {
public:
    TrainHeadlinesCommand()
        : Command({
            .name = QStringLiteral("train-headlines"),
            .summary = QStringLiteral("Train the headline model on a label<TAB>headline file (deterministic)."),
            .positionalSyntax = QStringLiteral("FILE.tsv"),
            .options = {{QStringLiteral("out"), QStringLiteral("Where to write the weights."), QStringLiteral("FILE")},
                        {QStringLiteral("cv"),
                         QStringLiteral("Instead of writing weights, print K-fold cross-validated figures."),
                         QStringLiteral("K")},
                        {QStringLiteral("epochs"), QStringLiteral("Training epochs (default 12)."), QStringLiteral("N")},
                        {QStringLiteral("l2"), QStringLiteral("L2 penalty (default 1e-4)."), QStringLiteral("X")},
                        {QStringLiteral("rate"), QStringLiteral("Learning rate (default 0.1)."), QStringLiteral("X")},
                        {QStringLiteral("min-count"), QStringLiteral("Sentences a feature must occur in (default 2)."),
                         QStringLiteral("N")},
                        {QStringLiteral("no-bigrams"), QStringLiteral("Words only, no word pairs.")}},
        })
    {
    }

    int run(CommandContext &ctx) override
    {
        const QString out = ctx.parser.value(QStringLiteral("out"));
        const int folds = ctx.parser.isSet(QStringLiteral("cv")) ? ctx.parser.value(QStringLiteral("cv")).toInt() : 0;
        if (ctx.parser.isSet(QStringLiteral("cv")) && folds < 2)
            return reportUsageError(ctx, QStringLiteral("--cv needs at least 2 folds"));
        HeadlineTraining knobs;
        bool ok = true;
        auto knob = [&](const char *name, auto &value) {
            const QString option = QString::fromLatin1(name);
            if (!ctx.parser.isSet(option))
                return;
            bool parsed = false;
            const double v = ctx.parser.value(option).toDouble(&parsed);
            ok = ok && parsed && v > 0;
            value = std::remove_reference_t<decltype(value)>(v);
        };
        knob("epochs", knobs.epochs);
        knob("l2", knobs.l2);
        knob("rate", knobs.learningRate);
        knob("min-count", knobs.minCount);
        knobs.bigrams = !ctx.parser.isSet(QStringLiteral("no-bigrams"));
        if (!ok)
            return reportUsageError(ctx,
                                    QStringLiteral("--epochs, --l2, --rate and --min-count need positive numbers"));
        if (ctx.arguments.size() != 1 || (out.isEmpty() && folds == 0))
            return reportUsageError(ctx, QStringLiteral("name one training file and --out FILE"));
        const auto sentences = readParsedFile(ctx, ctx.arguments.first(), parseLabeledSentences);
        if (!sentences)
            return kExitFailure;
        auto rules = SentimentScorer::builtIn();
        if (!rules)
            return reportFailure(ctx, rules.errorMessage());
        if (folds > 0) {
            const ConfusionMatrix m = HeadlineModel::crossValidate(*sentences, **rules, knobs, folds);
            ctx.out << "cross-validation: " << folds << " folds of " << sentences->size() << " sentences\n"
                    << "accuracy: " << QString::number(m.accuracy(), 'f', 3) << '\n'
                    << "macro_f1: " << QString::number(m.macroF1(), 'f', 3) << '\n';
            return kExitOk;
        }
        const HeadlineModel model = HeadlineModel::train(*sentences, **rules, knobs);
        QSaveFile file(out);
        if (!file.open(QIODevice::WriteOnly) || file.write(model.serialize().toUtf8()) < 0 || !file.commit())
            return reportFileProblem(ctx, out, QStringLiteral("cannot write: ") + file.errorString());
        ctx.out << "wrote " << out << ": " << sentences->size() << " headlines, " << model.vocabularySize()
                << " features, model " << model.digest() << " (rules " << (*rules)->modelVersion() << ")\n";
        return kExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeTrainHeadlinesCommand() { return std::make_unique<TrainHeadlinesCommand>(); }

} // namespace tw
