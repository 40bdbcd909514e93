#include "app/cli/command.h"
#include "app/cli/commandfiles.h"
#include "models/sentiment/headlinemodel.h"
#include "models/sentiment/sentimentevaluation.h"
#include "models/sentiment/sentimentscorer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <cmath>
#include <optional>

#ifdef Q_OS_UNIX
#include <time.h>
#endif

namespace tw {

namespace {

constexpr SentimentLabel kLabels[] = {SentimentLabel::Negative, SentimentLabel::Neutral, SentimentLabel::Positive};

// Scores a labeled file and prints how well the sentence scorer does on it:
// the headline figures on lines of their own so scripts can grep them.
class EvalCommand final : public Command {
public:
    EvalCommand()
        : Command({
            .name = QStringLiteral("eval"),
            .summary = QStringLiteral("Measure the sentence sentiment scorer on a label<TAB>sentence file."),
            .positionalSyntax = QStringLiteral("FILE.tsv"),
            .options = {{QStringLiteral("errors"),
                         QStringLiteral("Also print the first N misclassified sentences, each with the phrases that "
                                        "scored it."),
                         QStringLiteral("N")},
                        {QStringLiteral("headlines"),
                         QStringLiteral("The sentences are headlines: label them with the headline model over the "
                                        "rules.")},
                        {QStringLiteral("model"),
                         QStringLiteral("With --headlines: read the model's weights from FILE instead of the built-in "
                                        "ones."),
                         QStringLiteral("FILE")},
                        {QStringLiteral("scores"),
                         QStringLiteral("Write gold<TAB>predicted<TAB>score<TAB>rules_score<TAB>p_negative<TAB>"
                                        "p_neutral<TAB>p_positive<TAB>phrases<TAB>sentence lines to FILE (error "
                                        "analysis; the probabilities are the model's, empty without one; the phrases "
                                        "are the rules', phrase=weight separated by ;)."),
                         QStringLiteral("FILE")}},
        })
    {
    }

    int run(CommandContext &ctx) override
    {
        if (ctx.arguments.size() != 1)
            return reportUsageError(ctx, QStringLiteral("name exactly one label<TAB>sentence file"));
        bool errorsOk = true;
        const int showErrors = ctx.parser.isSet(QStringLiteral("errors"))
                                 ? ctx.parser.value(QStringLiteral("errors")).toInt(&errorsOk)
                                 : 0;
        if (!errorsOk || showErrors < 0)
            return reportUsageError(ctx, QStringLiteral("--errors needs a count"));
        const QString path = ctx.arguments.first();
        const auto sentences = readParsedFile(ctx, path, parseLabeledSentences);
        if (!sentences)
            return kExitFailure;
        if (sentences->isEmpty())
            return reportFileProblem(ctx, path, QStringLiteral("no labeled sentences"));
        auto scorer = SentimentScorer::createDefault();
        if (!scorer)
            return reportFailure(ctx, scorer.errorMessage());

        QFile scoresFile;
        QTextStream scoresOut;
        if (ctx.parser.isSet(QStringLiteral("scores"))) {
            scoresFile.setFileName(ctx.parser.value(QStringLiteral("scores")));
            if (!scoresFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return reportFileProblem(ctx, scoresFile.fileName(),
                                         QStringLiteral("cannot write: ") + scoresFile.errorString());
            scoresOut.setDevice(&scoresFile);
        }
        const HeadlineModel *headlines = nullptr;
        std::optional<HeadlineModel> fromFile;
        if (ctx.parser.isSet(QStringLiteral("model"))) {
            fromFile = readParsedFile(ctx, ctx.parser.value(QStringLiteral("model")), &HeadlineModel::parse);
            if (!fromFile)
                return kExitFailure;
            headlines = &*fromFile;
        } else if (ctx.parser.isSet(QStringLiteral("headlines"))) {
            auto model = HeadlineModel::builtIn();
            if (!model)
                return reportFailure(ctx, model.errorMessage());
            headlines = *model;
        }
        auto scoreOne = [&](const QString &text) {
            return headlines ? headlines->score(*scorer, text) : scorer->score(text);
        };
        ConfusionMatrix matrix;
        int shown = 0;
        for (const LabeledSentence &s : *sentences) {
            const SentenceSentiment result = scoreOne(s.text);
            matrix.add(s.label, result.label);
            if (scoresOut.device()) {
                const SentenceSentiment rules = scorer->score(s.text);
                scoresOut << sentimentLabelName(s.label) << '\t' << sentimentLabelName(result.label) << '\t'
                          << result.score << '\t' << rules.score << '\t';
                if (headlines) {
                    const HeadlineModel::Scores p = headlines->probabilities(s.text, rules);
                    scoresOut << p[0] << '\t' << p[1] << '\t' << p[2] << '\t';
                } else {
                    scoresOut << "\t\t\t";
                }
                // The rules' phrases with their signed weights: "beat estimates=1.60;costs rose=-0.80".
                for (qsizetype i = 0; i < rules.spans.size(); ++i)
                    scoresOut << (i ? ";" : "") << s.text.mid(rules.spans[i].start, rules.spans[i].length) << '='
                              << QString::number(rules.spans[i].weight, 'f', 2);
                scoresOut << '\t' << s.text << '\n';
            }
            if (result.label != s.label && shown < showErrors) {
                ++shown;
                ctx.out << "error: gold " << sentimentLabelName(s.label) << " predicted "
                        << sentimentLabelName(result.label) << " score " << QString::number(result.score, 'f', 2)
                        << " | " << s.text;
                // The phrases that decided it, so an error can be traced to a rule.
                for (const SentimentSpan &span : result.spans)
                    ctx.out << " [" << s.text.mid(span.start, span.length) << ' '
                            << QString::number(span.weight, 'f', 2) << ']';
                ctx.out << '\n';
            }
        }
        const double perSecond = measureSpeed(scoreOne, *sentences);

        ctx.out << "file: " << path << '\n';
        ctx.out << "model: " << scorer->modelVersion()
                << (headlines ? QStringLiteral(" + headlines-%1").arg(headlines->digest()) : QString()) << '\n';
        ctx.out << "sentences: " << matrix.total() << '\n';
        ctx.out << "accuracy: " << QString::number(matrix.accuracy(), 'f', 3) << '\n';
        ctx.out << "macro_f1: " << QString::number(matrix.macroF1(), 'f', 3) << '\n';
        ctx.out << QStringLiteral("%1 %2 %3 %4 %5\n")
                       .arg(QStringLiteral("class"), -10)
                       .arg(QStringLiteral("precision"), 10)
                       .arg(QStringLiteral("recall"), 8)
                       .arg(QStringLiteral("f1"), 8)
                       .arg(QStringLiteral("support"), 8);
        for (SentimentLabel l : kLabels)
            ctx.out << QStringLiteral("%1 %2 %3 %4 %5\n")
                           .arg(sentimentLabelName(l), -10)
                           .arg(matrix.precision(l), 10, 'f', 3)
                           .arg(matrix.recall(l), 8, 'f', 3)
                           .arg(matrix.f1(l), 8, 'f', 3)
                           .arg(matrix.support(l), 8);
        ctx.out << "confusion (rows: gold, columns: predicted)\n";
        ctx.out << QStringLiteral("%1").arg(QString(), -10);
        for (SentimentLabel l : kLabels)
            ctx.out << QStringLiteral(" %1").arg(sentimentLabelName(l), 9);
        ctx.out << '\n';
        for (SentimentLabel g : kLabels) {
            ctx.out << QStringLiteral("%1").arg(sentimentLabelName(g), -10);
            for (SentimentLabel p : kLabels)
                ctx.out << QStringLiteral(" %1").arg(matrix.count(g, p), 9);
            ctx.out << '\n';
        }
        ctx.out << "sentences_per_second: " << qint64(std::llround(perSecond)) << '\n';
        return kExitOk;
    }

private:
    // CPU time of this thread where the platform has it, so a busy machine
    // does not make the scorer look slower than it is on one core.
    static qint64 threadNanoseconds(const QElapsedTimer &wall)
    {
#ifdef Q_OS_UNIX
        timespec ts{};
        if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) == 0)
            return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
#endif
        return wall.nsecsElapsed();
    }

    // Scoring only (the file is already in memory), one thread, repeated
    // until at least half a second of CPU has been spent so small files measure too.
    template <typename ScoreOne>
    static double measureSpeed(const ScoreOne &scoreOne, const QList<LabeledSentence> &sentences)
    {
        QElapsedTimer wall;
        wall.start();
        const qint64 start = threadNanoseconds(wall);
        qint64 scored = 0, spent = 0;
        double sink = 0;
        do {
            for (const LabeledSentence &s : sentences)
                sink += scoreOne(s.text).score;
            scored += sentences.size();
            spent = threadNanoseconds(wall) - start;
        } while (spent < 500'000'000);
        return sink == sink ? double(scored) / (double(spent) / 1e9) : 0.0;   // keeps `sink` observable
    }
};

} // namespace

std::unique_ptr<Command> makeEvalCommand() { return std::make_unique<EvalCommand>(); }

} // namespace tw
