#include "models/backtest/signalfigures.h"

#include <cmath>
#include <limits>

namespace tw {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QVariant number(double v)
{
    // NaN has no SQL form; an empty cell says "none".
    return std::isnan(v) ? QVariant(QMetaType(QMetaType::Double)) : QVariant(v);
}

} // namespace

Result<SignalFigures> computeSignalFigures(QSqlDatabase db, const SignalRequest &request)
{
    SignalFigures f;
    f.request = request;
    if (request.tickers.isEmpty()) {
        f.missing = QStringLiteral("Select a ticker to test whether its score predicted returns.");
        return f;
    }
    BacktestOptions options;
    options.tickers = request.tickers;
    options.horizon = request.horizon;
    options.since = request.since;
    options.until = request.until;
    options.recentYears = request.recentYears;
    options.benchmark = request.benchmark;
    auto backtest = Backtester(db).run(options);
    if (!backtest) {
        // The studies' own messages name what is missing (prices, sessions).
        f.missing = backtest.errorMessage();
        if (!f.missing.isEmpty())
            f.missing[0] = f.missing[0].toUpper();
        return f;
    }
    f.backtest = *backtest;
    const QString who = request.tickers.size() == 1 ? request.tickers.first()
                                                    : QStringLiteral("these %1 tickers").arg(request.tickers.size());
    bool anyPrices = false, anyNews = false;
    for (const TickerReport &t : f.backtest.tickers) {
        anyPrices = anyPrices || t.bars > 0;
        anyNews = anyNews || t.articleScores > 0;
    }
    if (!anyPrices) {
        f.missing = QStringLiteral("No daily prices for %1: import them (tickerwire quotes import FILE --ticker %2) to "
                                   "test the score.")
                        .arg(who, request.tickers.first());
        return f;
    }
    if (!anyNews) {
        f.missing = QStringLiteral("No scored articles for %1 yet: nothing to test.").arg(who);
        return f;
    }
    const qint64 n = f.backtest.pooled.isEmpty() ? 0 : f.backtest.pooled.first().level.n;
    if (n < Backtester::kMinObservations) {
        f.missing = QStringLiteral("Too few days: %1 scored sessions with a next-day return for %2 in this range (an "
                                   "IC needs %3). Widen the date range.")
                        .arg(n)
                        .arg(who)
                        .arg(Backtester::kMinObservations);
        return f;
    }
    EventStudyOptions events;
    events.tickers = request.tickers;
    events.since = f.backtest.firstSession;
    events.until = f.backtest.lastSession;
    events.benchmark = request.benchmark;
    events.modelVersion = f.backtest.options.modelVersion;
    auto study = EventStudy(db).run(events);
    if (!study)
        return study.error();
    f.events = *study;
    return f;
}

ExportQuery signalFiguresExport(const SignalFigures &f)
{
    using T = ExportColumnType;
    ExportQuery q;
    q.columns = {{QStringLiteral("view"), T::Text},  {QStringLiteral("series"), T::Text},
                 {QStringLiteral("x"), T::Text},     {QStringLiteral("value"), T::Real},
                 {QStringLiteral("low_95"), T::Real}, {QStringLiteral("high_95"), T::Real},
                 {QStringLiteral("n"), T::Integer}};
    QStringList rows;
    auto add = [&](const QString &view, const QString &series, const QString &x, double value, double low,
                   double high, qint64 n) {
        rows << QStringLiteral("(?,?,?,?,?,?,?)");
        q.bindings << view << series << x << number(value) << number(low) << number(high) << n;
    };
    // A spreadsheet read later must not lose the panel's banner.
    if (f.syntheticPrices())
        add(QStringLiteral("note"), QStringLiteral("prices are synthetic (demo): these figures mean nothing"),
            QString(), kNaN, kNaN, kNaN, 0);
    for (const WindowStats &w : f.backtest.pooled) {
        const QString x = QStringLiteral("%1d").arg(w.days);
        add(QStringLiteral("ic"), QStringLiteral("level"), x, w.level.value, w.level.low95(), w.level.high95(),
            w.level.n);
        add(QStringLiteral("ic"), QStringLiteral("change"), x, w.change.value, w.change.low95(), w.change.high95(),
            w.change.n);
        add(QStringLiteral("hit_rate"), QStringLiteral("level"), x, w.hitRate, kNaN, kNaN, w.hitN);
        for (const LabelReturn &l : w.byLabel)
            add(QStringLiteral("mean_forward_return"), l.label, x, l.mean, l.mean - l.halfWidth95,
                l.mean + l.halfWidth95, l.n);
    }
    for (const CarCurve &c : f.events.curves)
        for (const CarPoint &p : c.points)
            add(QStringLiteral("car"), eventKindId(c.kind) + QLatin1Char('/') + c.sentiment, QString::number(p.day),
                p.mean, p.low, p.high, c.n);
    if (rows.isEmpty()) {
        q.sql = QStringLiteral("SELECT '', '', '', 0.0, 0.0, 0.0, 0 WHERE 1 = 0");
        q.countSqlText = QStringLiteral("SELECT 0");
        return q;
    }
    q.sql = QStringLiteral("SELECT * FROM (VALUES %1) AS figures").arg(rows.join(QLatin1Char(',')));
    q.countSqlText = QStringLiteral("SELECT %1").arg(rows.size());
    q.countBindings = QVariantList{};
    return q;
}

} // namespace tw
