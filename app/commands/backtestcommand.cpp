#include "app/cli/command.h"
#include "app/cli/pricestudy.h"
#include "app/cli/storesession.h"
#include "models/backtest/backtest.h"

#include <QFile>
#include <QSaveFile>

namespace tw {

namespace {

const QString kTicker = QStringLiteral("ticker");
const QString kHorizon = QStringLiteral("horizon");
const QString kForward = QStringLiteral("forward");
const QString kBenchmark = QStringLiteral("benchmark");
const QString kCsv = QStringLiteral("csv");

// "ic_1d: 0.041 t: 2.3 n: 1250"
QString icLine(const QString &name, const CorrelationEstimate &e)
{
    return QStringLiteral("%1: %2 t: %3 n: %4").arg(name, fixedOrNa(e.value, 3), fixedOrNa(e.t(), 1)).arg(e.n);
}

QString pad(const QString &s, int width) { return s.leftJustified(width); }
QString rpad(const QString &s, int width) { return s.rightJustified(width); }

// In the order `tickerwire backtest --help` lists them.
QList<QCommandLineOption> backtestOptions()
{
    QList<QCommandLineOption> options{
        {kTicker, QStringLiteral("A company to test (repeat, or comma-separate; default: the watchlist)."),
         QStringLiteral("SYMBOL")},
        {kHorizon, QStringLiteral("The score's horizon: short, medium (default) or long."), QStringLiteral("HORIZON")},
        {kForward, QStringLiteral("Forward windows in sessions (default 1,5,20)."), QStringLiteral("N,N,...")},
        {kBenchmark, QStringLiteral("Measure returns in excess of this symbol's (its daily bars must be stored)."),
         QStringLiteral("SYMBOL")}};
    options += dayRangeOptions(QStringLiteral("First scoring day (YYYY-MM-DD)."),
                               QStringLiteral("Last scoring day (YYYY-MM-DD)."));
    options += QCommandLineOption(kCsv,
                                  QStringLiteral("Write the daily series (score, change, forward returns per ticker "
                                                 "and session) to FILE."),
                                  QStringLiteral("FILE"));
    return options;
}

// `tickerwire backtest`: does the corporate score, as it stood at each close,
// rank the returns that followed?
class BacktestCommand final : public Command {
public:
    BacktestCommand()
        : Command({
            .name = QStringLiteral("backtest"),
            .summary = QStringLiteral("Test whether the point-in-time corporate score predicted forward returns "
                                      "(information coefficient, hit rate, mean return by label)."),
            .options = backtestOptions(),
            .takesNoArguments = true,
        })
    {
    }

    int run(CommandContext &ctx) override
    {
        BacktestOptions options;
        options.tickers = tickerListOption(ctx.parser, kTicker);
        if (ctx.parser.isSet(kHorizon)) {
            const auto h = parseHorizon(ctx.parser.value(kHorizon).trimmed().toLower());
            if (!h)
                return reportUsageError(ctx, QStringLiteral("--horizon is short, medium or long"));
            options.horizon = *h;
        }
        if (ctx.parser.isSet(kForward)) {
            options.forwardDays.clear();
            for (const QString &part : ctx.parser.value(kForward).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                bool ok = false;
                const int d = part.trimmed().toInt(&ok);
                if (!ok || d < 1 || d > 250)
                    return reportUsageError(ctx,
                        QStringLiteral("--forward takes sessions from 1 to 250, comma-separated (got '%1')").arg(part));
                if (!options.forwardDays.contains(d))
                    options.forwardDays << d;
            }
            if (options.forwardDays.isEmpty())
                return reportUsageError(ctx, QStringLiteral("--forward needs at least one window"));
        }
        options.benchmark = ctx.parser.value(kBenchmark).trimmed().toUpper();
        if (!readDayRange(ctx, options.since, options.until))
            return kExitUsage;

        auto store = openStoreOrReport(ctx);
        if (!store)
            return kExitFailure;
        Backtester backtester(store->database());
        backtester.setProgress([&ctx, last = -1](int done, int total) mutable {
            // A line per tenth, on long runs only.
            if (total < 50)
                return;
            const int tenth = done * 10 / total;
            if (tenth != last)
                ctx.err << "backtest: " << done << '/' << total << " tickers\n";
            ctx.err.flush();
            last = tenth;
        });
        std::unique_ptr<QSaveFile> csv;
        if (ctx.parser.isSet(kCsv)) {
            csv = std::make_unique<QSaveFile>(ctx.parser.value(kCsv));
            if (!csv->open(QIODevice::WriteOnly))
                return reportCsvWriteFailure(ctx, *csv);
            backtester.setSeriesOutput(csv.get());
        }
        auto result = backtester.run(options);
        if (!result)
            return reportFailure(ctx, result.errorMessage());
        if (csv && !csv->commit())
            return reportCsvWriteFailure(ctx, *csv);
        print(*result, ctx.out);
        warnIfSyntheticPrices(ctx, result->syntheticPrices);
        return kExitOk;
    }

private:
    static void print(const BacktestResult &r, QTextStream &out)
    {
        const BacktestOptions &o = r.options;
        int tested = 0;
        for (const TickerReport &t : r.tickers)
            tested += t.skipped.isEmpty() ? 1 : 0;
        out << "# backtest of the " << horizonName(o.horizon) << "-term corporate score: " << tested << " of "
            << o.tickers.size() << " tickers, sessions " << r.firstSession.toString(Qt::ISODate) << " to "
            << r.lastSession.toString(Qt::ISODate) << " (" << r.sessions << "), "
            << (o.benchmark.isEmpty() ? QStringLiteral("raw returns")
                                      : QStringLiteral("returns in excess of %1").arg(o.benchmark))
            << '\n';
        out << "# method: " << BacktestResult::method() << '\n';
        out << "# the score at a close uses only articles published before it (exchange time); model "
            << (o.modelVersion.isEmpty() ? QStringLiteral("(none scored)") : o.modelVersion) << '\n';
        for (const QString &note : r.notes)
            out << "# NOTE: " << note << '\n';

        for (const WindowStats &w : r.pooled) {
            const QString d = QStringLiteral("%1d").arg(w.days);
            out << icLine(QStringLiteral("ic_") + d, w.level) << '\n';
            out << icLine(QStringLiteral("ic_change_") + d, w.change) << '\n';
            out << "hit_" << d << ": " << fixedOrNa(w.hitRate, 3) << " n: " << w.hitN << '\n';
            for (const LabelReturn &l : w.byLabel)
                out << "mean_" << d << '[' << l.label << "]: " << fixedOrNa(l.mean, 5) << " n: " << l.n << '\n';
        }
        for (const TickerReport &t : r.tickers)
            for (const WindowStats &w : t.windows)
                out << icLine(QStringLiteral("ic_%1d[%2]").arg(w.days).arg(t.ticker), w.level) << '\n';

        out << "\nForward  IC level [95% band]        t      N  IC change      t  Hit rate\n";
        for (const WindowStats &w : r.pooled) {
            const QString band = w.level.valid()
                ? QStringLiteral("[%1, %2]").arg(fixedOrNa(w.level.low95(), 3), fixedOrNa(w.level.high95(), 3))
                : QString();
            out << pad(QStringLiteral("%1d").arg(w.days), 9) << rpad(fixedOrNa(w.level.value, 3), 8) << ' '
                << pad(band, 17) << rpad(fixedOrNa(w.level.t(), 1), 6) << rpad(QString::number(w.level.n), 7) << ' '
                << rpad(fixedOrNa(w.change.value, 3), 10) << rpad(fixedOrNa(w.change.t(), 1), 7)
                << rpad(percentOrNa(w.hitRate, 1), 10) << '\n';
        }
        out << "\nMean forward return by label";
        for (const WindowStats &w : r.pooled)
            out << rpad(QStringLiteral("%1d").arg(w.days), 10) << rpad(QStringLiteral("N"), 7);
        out << '\n';
        if (!r.pooled.isEmpty()) {
            for (qsizetype l = 0; l < r.pooled.first().byLabel.size(); ++l) {
                out << pad(r.pooled.first().byLabel[l].label, 28);
                for (const WindowStats &w : r.pooled) {
                    const LabelReturn *lr = l < w.byLabel.size() ? &w.byLabel[l] : nullptr;
                    out << rpad(lr ? percentOrNa(lr->mean) : QString(), 10)
                        << rpad(lr ? QString::number(lr->n) : QString(), 7);
                }
                out << '\n';
            }
        }

        out << "\nPer ticker";
        const int firstDays = o.forwardDays.isEmpty() ? 1 : o.forwardDays.first();
        out << QStringLiteral("  (IC of the level, %1d)").arg(firstDays) << '\n';
        out << "Ticker     Bars  Scored      IC      t     N  Notes\n";
        for (const TickerReport &t : r.tickers) {
            QStringList notes;
            if (!t.skipped.isEmpty())
                notes << QStringLiteral("skipped: ") + t.skipped;
            if (t.missingSessions > 0)
                notes << QStringLiteral("%1 missing price days").arg(t.missingSessions);
            for (const DetectedSplit &s : t.splits)
                notes << QStringLiteral("split %1 on %2 (earlier prices adjusted)")
                             .arg(s.ratioText(), s.date.toString(Qt::ISODate));
            for (const PriceGap &g : t.gaps)
                notes << QStringLiteral("history cut: no bars for %1 sessions after %2")
                             .arg(g.sessions)
                             .arg(g.lastBefore.toString(Qt::ISODate));
            if (t.synthetic)
                notes << QStringLiteral("synthetic prices");
            const WindowStats *w = t.windows.isEmpty() ? nullptr : &t.windows.first();
            if (w && !w->level.valid() && t.skipped.isEmpty())
                notes << QStringLiteral("too few days for an IC (%1, need %2)")
                             .arg(w->level.n)
                             .arg(Backtester::kMinObservations);
            out << pad(t.ticker, 9) << rpad(QString::number(t.bars), 6) << rpad(QString::number(t.scoredSessions), 8)
                << rpad(w ? fixedOrNa(w->level.value, 3) : QStringLiteral("-"), 8)
                << rpad(w ? fixedOrNa(w->level.t(), 1) : QStringLiteral("-"), 7)
                << rpad(w ? QString::number(w->level.n) : QStringLiteral("0"), 6) << "  "
                << notes.join(QStringLiteral("; ")) << '\n';
        }
    }
};

} // namespace

std::unique_ptr<Command> makeBacktestCommand() { return std::make_unique<BacktestCommand>(); }

} // namespace tw
