// The backtest and the event study at desk scale: 500 tickers, ten years of
// daily bars, two million article scores and ten thousand events, in a
// store generated once (tests/support/studystore.h) and kept at
// $TW_BENCH_BACKTEST_STORE (default /tmp/tickerwire-backtest-bench.db).
//
//   tickerwire_backtestbench generate       build the store (about 600 MB)
//   tickerwire_backtestbench backtest       time Backtester::run (medium horizon, 1/5/20 days)
//   tickerwire_backtestbench event-study    time EventStudy::run (every kind, -5..+10)
//
// Each prints its wall time and peak resident memory. Run each mode as its
// own process under `/usr/bin/time -v` for the figures in reports; the
// command line gives the same work as
// `tickerwire --store STORE backtest` / `event-study`.
#include "models/backtest/backtest.h"
#include "models/backtest/eventstudy.h"
#include "models/store/storeconnection.h"
#include "studystore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <sys/resource.h>

#include <cstdio>

namespace {

constexpr int kTickers = 500;
constexpr int kYears = 10;
constexpr qint64 kArticleScores = 2'000'000;
constexpr int kEventsPerTicker = 20;

QString storePath()
{
    const QByteArray env = qgetenv("TW_BENCH_BACKTEST_STORE");
    return env.isEmpty() ? QStringLiteral("/tmp/tickerwire-backtest-bench.db") : QString::fromLocal8Bit(env);
}

long peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

int generate(const QString &path)
{
    if (QFile::exists(path)) {
        std::printf("%s exists; remove it to generate again\n", qPrintable(path));
        return 0;
    }
    auto store = tw::StoreConnection::open(path, QStringLiteral("bench"));
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.errorMessage()));
        return 1;
    }
    twtest::StudyStoreSpec spec;
    spec.tickers = kTickers;
    spec.from = QDate(2015, 1, 5);
    spec.to = spec.from.addYears(kYears).addDays(-3);
    const qint64 sessions = twtest::weekdaySessions(spec.from, spec.to).size();
    spec.articlesPerSession = double(kArticleScores - kTickers * kEventsPerTicker) / double(sessions * kTickers);
    spec.benchmark = QStringLiteral("BENCH");
    spec.marketVolatility = 0.01;
    static const tw::EventKind kinds[] = {tw::EventKind::Launch,     tw::EventKind::Guidance, tw::EventKind::Deal,
                                          tw::EventKind::Leadership, tw::EventKind::Legal,    tw::EventKind::Ranking,
                                          tw::EventKind::PriceMove};
    for (int k = 0; k < kTickers; ++k)
        for (int e = 0; e < kEventsPerTicker; ++e)
            spec.events << twtest::PlantedEvent{k, int(30 + (e * sessions) / kEventsPerTicker + k % 50) % int(sessions - 20),
                                                kinds[(k + e) % 7], (k + e) % 2 ? 1 : -1, 0.02};
    spec.progress = [](qint64 done) { std::fprintf(stderr, "generated %lld article scores\n", done); };
    QElapsedTimer timer;
    timer.start();
    twtest::StudyStoreGenerator generator(spec);
    if (auto s = generator.write((*store)->database()); !s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.errorMessage()));
        return 1;
    }
    std::printf("generated %s: %d tickers x %lld sessions, %lld article scores, %d events in %.1f s\n",
                qPrintable(path), kTickers, sessions, generator.articleCount(), kTickers * kEventsPerTicker,
                double(timer.elapsed()) / 1000);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString mode = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("backtest");
    const QString path = storePath();
    if (mode == QLatin1String("generate"))
        return generate(path);
    if (!QFile::exists(path)) {
        std::fprintf(stderr, "no bench store at %s: run `%s generate` first\n", qPrintable(path), argv[0]);
        return 1;
    }
    auto store = tw::StoreConnection::open(path, QStringLiteral("bench"));
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.errorMessage()));
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    if (mode == QLatin1String("backtest")) {
        auto r = tw::Backtester((*store)->database()).run(tw::BacktestOptions{});
        if (!r) {
            std::fprintf(stderr, "%s\n", qPrintable(r.errorMessage()));
            return 1;
        }
        const tw::WindowStats &w = r->pooled.first();
        std::printf("backtest: %lld tickers, %d sessions, ic_1d %.4f (t %.1f, n %lld) in %.2f s, peak RSS %ld MB\n",
                    qint64(r->tickers.size()), r->sessions, w.level.value, w.level.t(), w.level.n,
                    double(timer.elapsed()) / 1000, peakRssMb());
    } else if (mode == QLatin1String("event-study")) {
        auto r = tw::EventStudy((*store)->database()).run(tw::EventStudyOptions{});
        if (!r) {
            std::fprintf(stderr, "%s\n", qPrintable(r.errorMessage()));
            return 1;
        }
        std::printf("event study: %d of %d events, %lld curves in %.2f s, peak RSS %ld MB\n", r->eventsUsed,
                    r->eventsFound, qint64(r->curves.size()), double(timer.elapsed()) / 1000, peakRssMb());
    } else {
        std::fprintf(stderr, "usage: %s generate|backtest|event-study\n", argv[0]);
        return 2;
    }
    return 0;
}
