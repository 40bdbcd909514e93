#include "app/cli/command.h"
#include "app/cli/pricestudy.h"
#include "app/cli/storesession.h"
#include "models/backtest/eventstudy.h"

#include <QSaveFile>

#include "models/export/csvwriter.h"

namespace tw {

namespace {

const QString kKind = QStringLiteral("kind");
const QString kTicker = QStringLiteral("ticker");
const QString kWindow = QStringLiteral("window");
const QString kBenchmark = QStringLiteral("benchmark");
const QString kCsv = QStringLiteral("csv");

// In the order `tickerwire event-study --help` lists them.
QList<QCommandLineOption> eventStudyOptions()
{
    QList<QCommandLineOption> options{
        {kKind,
         QStringLiteral("An event kind (repeat or comma-separate; default: all but actual): %1.")
             .arg(allEventKindIds().join(QStringLiteral(", "))),
         QStringLiteral("KIND")},
        {kTicker, QStringLiteral("A company (repeat, or comma-separate; default: the watchlist)."),
         QStringLiteral("SYMBOL")},
        {kWindow, QStringLiteral("Sessions around day 0 (default -5,10)."), QStringLiteral("FROM,TO")},
        {kBenchmark,
         QStringLiteral("Abnormal = minus this symbol's return (default: minus the ticker's own mean return)."),
         QStringLiteral("SYMBOL")}};
    options += dayRangeOptions(QStringLiteral("Only events from this date (YYYY-MM-DD)."),
                               QStringLiteral("Only events up to this date (YYYY-MM-DD)."));
    options += QCommandLineOption(kCsv,
                                  QStringLiteral("Write the curves (kind, sentiment, day, mean, band, N) to FILE."),
                                  QStringLiteral("FILE"));
    return options;
}

// `tickerwire event-study`: what prices did around each kind of event.
class EventStudyCommand final : public Command {
public:
    EventStudyCommand()
        : Command({
            .name = QStringLiteral("event-study"),
            .summary = QStringLiteral("Mean cumulative abnormal return around each kind of event, with a 95% band, "
                                      "split by the sentiment of the events' articles."),
            .options = eventStudyOptions(),
            .takesNoArguments = true,
        })
    {
    }

    int run(CommandContext &ctx) override
    {
        EventStudyOptions options;
        for (const QString &value : ctx.parser.values(kKind)) {
            for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                const QString id = part.trimmed().toLower();
                if (id == QLatin1String("all"))
                    continue;
                const auto kind = eventKindFromId(id);
                if (!kind)
                    return reportUsageError(ctx, QStringLiteral("unknown kind '%1' (one of %2, or all)")
                                                     .arg(part, allEventKindIds().join(QStringLiteral(", "))));
                if (!options.kinds.contains(*kind))
                    options.kinds << *kind;
            }
        }
        options.tickers = tickerListOption(ctx.parser, kTicker);
        if (ctx.parser.isSet(kWindow)) {
            const QStringList parts = ctx.parser.value(kWindow).split(QLatin1Char(','));
            bool ok1 = false, ok2 = false;
            if (parts.size() == 2) {
                options.firstDay = parts[0].trimmed().toInt(&ok1);
                options.lastDay = parts[1].trimmed().toInt(&ok2);
            }
            if (!ok1 || !ok2 || options.firstDay > 0 || options.lastDay < 0 || options.firstDay < -60
                || options.lastDay > 60)
                return reportUsageError(ctx,
                    QStringLiteral("--window is FROM,TO with -60 <= FROM <= 0 <= TO <= 60 (got '%1')")
                        .arg(ctx.parser.value(kWindow)));
        }
        options.benchmark = ctx.parser.value(kBenchmark).trimmed().toUpper();
        if (!readDayRange(ctx, options.since, options.until))
            return kExitUsage;

        auto store = openStoreOrReport(ctx);
        if (!store)
            return kExitFailure;
        auto result = EventStudy(store->database()).run(options);
        if (!result)
            return reportFailure(ctx, result.errorMessage());
        if (ctx.parser.isSet(kCsv)) {
            QSaveFile file(ctx.parser.value(kCsv));
            if (!file.open(QIODevice::WriteOnly))
                return reportCsvWriteFailure(ctx, file);
            CsvWriter csv(&file, {});
            csv.writeHeader({QStringLiteral("kind"), QStringLiteral("sentiment"), QStringLiteral("day"),
                             QStringLiteral("mean_car"), QStringLiteral("low_95"), QStringLiteral("high_95"),
                             QStringLiteral("n")});
            for (const CarCurve &c : result->curves) {
                for (const CarPoint &p : c.points) {
                    csv.addText(eventKindId(c.kind));
                    csv.addText(c.sentiment);
                    csv.addInteger(p.day);
                    csv.addNumber(p.mean);
                    csv.addNumber(p.low);
                    csv.addNumber(p.high);
                    csv.addInteger(c.n);
                    csv.endRow();
                }
            }
            if (!csv.ok() || !file.commit())
                return reportCsvWriteFailure(ctx, file);
        }
        print(*result, ctx.out);
        warnIfSyntheticPrices(ctx, result->syntheticPrices);
        return kExitOk;
    }

private:
    static void print(const EventStudyResult &r, QTextStream &out)
    {
        const EventStudyOptions &o = r.options;
        out << "# event study: " << r.eventsUsed << " of " << r.eventsFound << " events, " << o.tickers.size()
            << " tickers, window " << o.firstDay << " to +" << o.lastDay << " sessions around day 0\n";
        out << "# abnormal return: " << r.method() << '\n';
        out << "# day 0: the first session whose close follows the earliest reporting article (events dated by "
               "publication), or the first session on or after the date the text names\n";
        out << "# band: 95%, Student's t across events; sentiment: the mean score of the event's articles\n";
        for (const QString &note : r.notes)
            out << "# NOTE: " << note << '\n';
        for (auto it = r.skipped.cbegin(); it != r.skipped.cend(); ++it)
            out << "# skipped " << it.value() << ": " << it.key() << '\n';
        if (r.eventsFound == 0) {
            out << "no events of " << (o.kinds.size() == 1 ? eventKindId(o.kinds.first()) : QStringLiteral("these kinds"))
                << " for these tickers\n";
            return;
        }
        for (const CarCurve &c : r.curves) {
            const CarPoint *end = c.points.isEmpty() ? nullptr : &c.points.last();
            QString name = QStringLiteral("car_") + eventKindId(c.kind);
            if (c.sentiment != QLatin1String("all"))
                name += QLatin1Char('_') + c.sentiment;
            if (!end) {
                out << name << ": n/a n: 0\n";
                continue;
            }
            out << name << ": " << fixedOrNa(end->mean, 4) << " lo: " << fixedOrNa(end->low, 4)
                << " hi: " << fixedOrNa(end->high, 4) << " n: " << c.n << '\n';
        }
        out << "\nKind         Sentiment     N   CAR[" << o.firstDay << ",-1]   CAR[" << o.firstDay << ",0]  CAR["
            << o.firstDay << ",+1]  CAR[" << o.firstDay << ",+" << o.lastDay << "]  95% band at +" << o.lastDay
            << '\n';
        for (const CarCurve &c : r.curves) {
            auto at = [&c](int d) {
                const CarPoint *p = c.at(d);
                return p ? percentOrNa(p->mean) : QStringLiteral("-");
            };
            const CarPoint *end = c.points.isEmpty() ? nullptr : &c.points.last();
            out << eventKindId(c.kind).leftJustified(13) << c.sentiment.leftJustified(10)
                << QString::number(c.n).rightJustified(5) << at(-1).rightJustified(12) << at(0).rightJustified(11)
                << at(1).rightJustified(11) << at(o.lastDay).rightJustified(12) << "  "
                << (end && c.n > 1 ? QStringLiteral("[%1, %2]").arg(percentOrNa(end->low), percentOrNa(end->high))
                                   : QString())
                << '\n';
        }
    }
};

} // namespace

std::unique_ptr<Command> makeEventStudyCommand() { return std::make_unique<EventStudyCommand>(); }

} // namespace tw
