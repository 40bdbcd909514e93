#include "models/backtest/backtest.h"

#include "models/backtest/pointintimescorer.h"
#include "models/backtest/seriesfeed.h"
#include "models/backtest/sessioncalendar.h"
#include "models/backtest/studyinputs.h"
#include "models/export/csvwriter.h"

#include <QHash>
#include <QIODevice>

#include <cmath>
#include <optional>
#include <span>
#include <thread>
#include <vector>

namespace tw {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The observations of a run, one per (ticker, scored session), and per
// forward window the ones that have a return: indexes into them and the return.
struct Observations {
    std::vector<double> score;
    std::vector<double> change;   // NaN on a ticker's first session
    std::vector<qint32> session;
    std::vector<quint8> label;
    struct Window {
        std::vector<quint32> index;
        std::vector<double> forward;
    };
    std::vector<Window> windows;

    void reserve(size_t n)
    {
        score.reserve(n);
        change.reserve(n);
        session.reserve(n);
        label.reserve(n);
        for (Window &w : windows) {
            w.index.reserve(n);
            w.forward.reserve(n);
        }
    }
};

class LabelIndex {
public:
    LabelIndex() : m_labels(scoreLabelsInOrder())
    {
        for (qsizetype i = 0; i < m_labels.size(); ++i)
            m_index.insert(m_labels[i], quint8(i));
    }
    quint8 of(const QString &label)
    {
        auto it = m_index.constFind(label);
        if (it != m_index.cend())
            return *it;
        const quint8 i = quint8(std::min<qsizetype>(m_labels.size(), 255));
        m_labels << label;
        m_index.insert(label, i);
        return i;
    }
    const QStringList &labels() const { return m_labels; }

private:
    QStringList m_labels;
    QHash<QString, quint8> m_index;
};

// Above this many observations (a pooled run, not one ticker's) the two
// halves of a measurement (level and change) run side by side.
constexpr size_t kParallelFrom = 100'000;

// Runs `a` and `b`; on two threads when `parallel`.
template <typename A, typename B>
void bothOf(A &&a, B &&b, bool parallel)
{
    if (!parallel) {
        a();
        b();
        return;
    }
    std::thread other(std::forward<B>(b));
    a();
    other.join();
}

// The sorted orders of a run of observations [begin, end) (one ticker's, or
// all), shared by its forward windows.
struct ObservationRanks {
    ObservationRanks(const Observations &obs, size_t begin, size_t end) : begin(begin), end(end)
    {
        bothOf([&] { level = RankOrder(std::span(obs.score).subspan(begin, end - begin)); },
               [&] { change = RankOrder(std::span(obs.change).subspan(begin, end - begin)); },
               end - begin >= kParallelFrom);
    }
    size_t begin, end;
    RankOrder level;
    RankOrder change;
};

// One window's figures over the observations of `ranks` that have a return
// (entries [from, to) of the window).
WindowStats measure(int days, const Observations &obs, size_t window, size_t from, size_t to,
                    const ObservationRanks &ranks, const QStringList &labels)
{
    WindowStats w;
    w.days = days;
    const Observations::Window &win = obs.windows[window];
    const size_t n = to - from;
    const std::span<const double> forward = std::span(win.forward).subspan(from, n);
    std::vector<qint32> session(n), changeSession;
    // Each observation's place among the window's, and among those with a change.
    std::vector<qint32> inWindow(ranks.end - ranks.begin, -1), inChange(ranks.end - ranks.begin, -1);
    std::vector<qint32> changeOfWindow(n, -1);
    std::vector<std::vector<double>> byLabel(size_t(labels.size()));
    qint64 hits = 0;
    for (size_t k = 0; k < n; ++k) {
        const quint32 i = win.index[from + k];
        const double y = forward[k];
        session[k] = obs.session[i];
        inWindow[i - ranks.begin] = qint32(k);
        if (!std::isnan(obs.change[i])) {
            changeOfWindow[k] = qint32(changeSession.size());
            inChange[i - ranks.begin] = qint32(changeSession.size());
            changeSession.push_back(obs.session[i]);
        }
        const double side = obs.score[i] - 50.0;
        if (side != 0 && y != 0) {
            ++w.hitN;
            hits += (side > 0) == (y > 0) ? 1 : 0;
        }
        byLabel[obs.label[i]].push_back(y);
    }
    if (qint64(n) >= Backtester::kMinObservations) {
        const RankOrder returns(forward);
        bothOf(
            [&] {
                w.level = rankCorrelation(ranks.level.ranksOf(inWindow, n), returns.ranks(n), session, days,
                                          Backtester::kMinObservations);
            },
            [&] {
                w.change = rankCorrelation(ranks.change.ranksOf(inChange, changeSession.size()),
                                           returns.ranksOf(changeOfWindow, changeSession.size()), changeSession,
                                           days, Backtester::kMinObservations);
            },
            n >= kParallelFrom);
    } else {
        w.level.n = qint64(n);
        w.change.n = qint64(changeSession.size());
    }
    w.hitRate = w.hitN > 0 ? double(hits) / double(w.hitN) : kNaN;
    for (size_t l = 0; l < byLabel.size(); ++l) {
        const MeanBand b = meanWithBand(byLabel[l]);
        if (b.n > 0 || l < 5)
            w.byLabel << LabelReturn{labels[qsizetype(l)], b.n > 0 ? b.mean : kNaN, b.halfWidth, b.n};
    }
    return w;
}

QStringList csvHeader(const QList<int> &days, bool benchmark)
{
    QStringList h{QStringLiteral("ticker"),      QStringLiteral("date"),   QStringLiteral("close_utc"),
                  QStringLiteral("score"),       QStringLiteral("label"),  QStringLiteral("stories"),
                  QStringLiteral("new_articles"), QStringLiteral("score_change"), QStringLiteral("close_adjusted")};
    for (int d : days)
        h << QStringLiteral("fwd_%1d").arg(d);
    if (benchmark)
        for (int d : days)
            h << QStringLiteral("excess_%1d").arg(d);
    return h;
}

} // namespace

QList<int> defaultForwardDays()
{
    return {1, 5, 20};
}

QStringList scoreLabelsInOrder()
{
    QStringList labels;
    for (double s : {0.0, 40.0, 50.0, 60.0, 100.0})
        labels << corporateScoreLabel(s);
    return labels;
}

QString BacktestResult::method()
{
    return QStringLiteral(
        "Spearman IC of the point-in-time score (level, and change since the previous session) against the "
        "forward close-to-close return; t from Newey-West standard errors (Bartlett kernel, lag = the forward "
        "window in sessions; products summed per session across tickers, Driscoll-Kraay)");
}

const WindowStats *BacktestResult::pooledWindow(int days) const
{
    for (const WindowStats &w : pooled)
        if (w.days == days)
            return &w;
    return nullptr;
}

Backtester::Backtester(QSqlDatabase db) : m_db(std::move(db)) {}

Result<BacktestResult> Backtester::run(const BacktestOptions &options)
{
    BacktestResult result;
    result.options = options;
    BacktestOptions &opt = result.options;
    for (int d : opt.forwardDays)
        if (d < 1 || d > 250)
            return fail(QStringLiteral("a forward window must be 1 to 250 sessions (got %1)").arg(d));
    if (opt.forwardDays.isEmpty())
        return fail(QStringLiteral("no forward window given"));
    if (opt.since.isValid() && opt.until.isValid() && opt.since > opt.until)
        return fail(QStringLiteral("--since %1 is after --until %2")
                        .arg(opt.since.toString(Qt::ISODate), opt.until.toString(Qt::ISODate)));

    const StudyInputs inputs(m_db);
    auto tickers = inputs.tickersOrDefault(opt.tickers);
    if (!tickers)
        return tickers.error();
    opt.tickers = *tickers;
    if (opt.tickers.isEmpty())
        return fail(QStringLiteral("no tickers: the watchlist is empty (add one with the window's Settings, or pass "
                                   "--ticker)"));
    auto version = inputs.modelVersionOrNewest(opt.modelVersion);
    if (!version)
        return version.error();
    opt.modelVersion = *version;

    // Prices first: the sessions are the dates on which anything traded.
    auto read = inputs.closesOf(opt.tickers, StudyInputs::connectionsFor(opt.tickers.size()));
    if (!read)
        return read.error();
    QList<QList<DailyClose>> closes = std::move(*read);
    QList<QDate> dates;
    for (const QList<DailyClose> &c : std::as_const(closes))
        StudyInputs::mergeDates(dates, c);
    auto benchmarkCloses = inputs.benchmarkCloses(opt.benchmark);
    if (!benchmarkCloses)
        return benchmarkCloses.error();
    StudyInputs::mergeDates(dates, *benchmarkCloses);
    const SessionCalendar calendar(std::move(dates));
    if (calendar.isEmpty())
        return fail(QStringLiteral("no daily bars for %1: nothing to test against (import prices with `tickerwire "
                                   "quotes import FILE --ticker T`)")
                        .arg(opt.tickers.join(QStringLiteral(", "))));
    const PriceHistory benchmark = opt.benchmark.isEmpty()
                                       ? PriceHistory()
                                       : PriceHistory::build(opt.benchmark, *benchmarkCloses, calendar);
    benchmarkCloses->clear();
    result.syntheticPrices = benchmark.synthetic();

    // The scoring sessions, and one before them for the first change.
    qsizetype last = calendar.size() - 1;
    if (opt.until.isValid())
        last = calendar.firstOnOrAfter(opt.until.addDays(1)) - 1;
    if (!opt.since.isValid() && opt.recentYears > 0 && last >= 0)
        opt.since = calendar.at(last).addYears(-opt.recentYears).addDays(1);
    const qsizetype first = opt.since.isValid() ? calendar.firstOnOrAfter(opt.since) : 0;
    if (first > last)
        return fail(QStringLiteral("no trading session between %1 and %2 in the stored prices")
                        .arg(opt.since.isValid() ? opt.since.toString(Qt::ISODate) : QStringLiteral("the start"),
                             opt.until.isValid() ? opt.until.toString(Qt::ISODate) : QStringLiteral("the end")));
    const qsizetype seriesBegin = std::max<qsizetype>(0, first - 1);
    const QList<QDate> seriesDates = calendar.dates().mid(seriesBegin, last - seriesBegin + 1);
    result.firstSession = calendar.at(first);
    result.lastSession = calendar.at(last);
    result.sessions = int(last - first + 1);

    Observations obs;
    obs.windows.resize(size_t(opt.forwardDays.size()));
    // At most one observation per ticker and session: reserved (address
    // space; pages are touched as they fill) so that millions of them are
    // never copied to a bigger vector on the way.
    obs.reserve(size_t(opt.tickers.size()) * size_t(last - first + 1));
    LabelIndex labels;
    std::vector<bool> withBars;
    for (const QList<DailyClose> &c : std::as_const(closes))
        withBars.push_back(!c.isEmpty());
    SeriesFeed feed(m_db, SeriesFeed::workersFor(opt.tickers.size()), opt.tickers, withBars, opt.horizon,
                    opt.modelVersion, seriesDates);

    std::optional<CsvWriter> csv;
    if (m_csv) {
        csv.emplace(m_csv, CsvWriter::Options{});
        csv->writeHeader(csvHeader(opt.forwardDays, !opt.benchmark.isEmpty()));
    }

    const int total = int(opt.tickers.size());
    for (int k = 0; k < total; ++k) {
        if (m_progress)
            m_progress(k, total);
        const QString &ticker = opt.tickers[k];
        TickerReport report;
        report.ticker = ticker;
        const PriceHistory prices = PriceHistory::build(ticker, closes[k], calendar);
        closes[k].clear();
        report.bars = prices.barCount();
        report.missingSessions = prices.missingSessions();
        report.splits = prices.splits();
        report.gaps = prices.gaps();
        report.synthetic = prices.synthetic();
        result.syntheticPrices = result.syntheticPrices || prices.synthetic();
        // The ticker's observations are the ones appended from here on.
        const size_t observationsBegin = obs.score.size();
        std::vector<size_t> sliceBegin;
        for (const auto &w : obs.windows)
            sliceBegin.push_back(w.index.size());
        if (prices.isEmpty()) {
            report.skipped = QStringLiteral("no daily bars");
            result.tickers << report;
            (void)feed.take(k);   // keeps the feed's order
            continue;
        }
        auto scored = feed.take(k);
        if (!scored)
            return scored.error();
        report.articleScores = scored->articleScores;
        if (scored->articleScores == 0) {
            report.skipped = QStringLiteral("no article scores");
            result.tickers << report;
            continue;
        }
        const QList<SessionScore> &series = scored->series;

        for (qsizetype t = first; t <= last; ++t) {
            const SessionScore &s = series[t - seriesBegin];
            const double change = t > seriesBegin ? s.score - series[t - seriesBegin - 1].score : kNaN;
            if (csv) {
                csv->addText(ticker);
                csv->addText(calendar.at(t).toString(Qt::ISODate));
                csv->addInstant(s.closeUtc);
                csv->addNumber(s.score);
                csv->addText(s.label);
                csv->addInteger(s.stories);
                csv->addInteger(s.landed);
                csv->addNumber(change);
                csv->addNumber(prices.close(t));
                for (int d : std::as_const(opt.forwardDays))
                    csv->addNumber(prices.forwardReturn(t, d));
                if (!opt.benchmark.isEmpty())
                    for (int d : std::as_const(opt.forwardDays))
                        csv->addNumber(prices.forwardReturn(t, d) - benchmark.forwardReturn(t, d));
                csv->endRow();
            }
            if (s.stories == 0)
                continue;   // no news in the horizon's memory: the score is the prior, nothing to test
            ++report.scoredSessions;
            const quint32 index = quint32(obs.score.size());
            obs.score.push_back(s.score);
            obs.change.push_back(change);
            obs.session.push_back(qint32(t));
            obs.label.push_back(labels.of(s.label));
            for (qsizetype w = 0; w < opt.forwardDays.size(); ++w) {
                double y = prices.forwardReturn(t, opt.forwardDays[w]);
                if (!opt.benchmark.isEmpty())
                    y -= benchmark.forwardReturn(t, opt.forwardDays[w]);
                if (std::isnan(y))
                    continue;
                obs.windows[size_t(w)].index.push_back(index);
                obs.windows[size_t(w)].forward.push_back(y);
            }
        }
        const ObservationRanks tickerRanks(obs, observationsBegin, obs.score.size());
        for (qsizetype w = 0; w < opt.forwardDays.size(); ++w)
            report.windows << measure(opt.forwardDays[w], obs, size_t(w), sliceBegin[size_t(w)],
                                      obs.windows[size_t(w)].index.size(), tickerRanks, labels.labels());
        if (report.scoredSessions == 0)
            report.skipped = QStringLiteral("no session in range with news behind its score");
        result.tickers << report;
        if (csv && !csv->ok())
            return fail(QStringLiteral("Writing the daily series failed: %1").arg(m_csv->errorString()));
    }
    if (m_progress)
        m_progress(total, total);

    const ObservationRanks pooledRanks(obs, 0, obs.score.size());
    for (qsizetype w = 0; w < opt.forwardDays.size(); ++w)
        result.pooled << measure(opt.forwardDays[w], obs, size_t(w), 0, obs.windows[size_t(w)].index.size(),
                                 pooledRanks, labels.labels());

    if (result.syntheticPrices)
        result.notes << QStringLiteral("prices are synthetic (source \"demo\"): these figures mean nothing about the "
                                       "score");
    if (!result.pooled.isEmpty()) {
        const qint64 n = result.pooled.first().level.n;
        if (n < Backtester::kMinObservations)
            result.notes << QStringLiteral("too few days: %1 scored sessions with a forward return (an IC needs %2)")
                                .arg(n)
                                .arg(Backtester::kMinObservations);
        else if (n < 1000)
            result.notes << QStringLiteral("small N: with %1 observations an IC's standard error is about %2 before "
                                           "overlap; read the t-statistics, not the ICs")
                                .arg(n)
                                .arg(1.0 / std::sqrt(double(n)), 0, 'f', 3);
    }
    if (!feed.note().isEmpty())
        result.notes << feed.note();
    return result;
}

} // namespace tw
