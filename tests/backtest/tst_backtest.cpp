#include "models/backtest/backtest.h"
#include "models/backtest/pointintimescorer.h"
#include "models/backtest/sessioncalendar.h"
#include "models/backtest/studyinputs.h"
#include "models/store/articleevidencereader.h"
#include "models/store/storeconnection.h"
#include "studystore.h"
#include "testsupport.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace tw;
using twtest::StudyStoreGenerator;
using twtest::StudyStoreSpec;

namespace {

// The correlation the planted rule allows at best: between the sign of what
// landed on a session (-1, 0, 1; nonzero with probability p, the chance of at
// least one article in a Poisson count) and the next return a·σ·sign + σ·ε,
// i.e. a·√p / √(a²p + 1).
double plantedCorrelation(const StudyStoreSpec &spec)
{
    const double p = 1 - std::exp(-spec.articlesPerSession), a = spec.strength;
    return a * std::sqrt(p) / std::sqrt(a * a * p + 1);
}

const TickerReport *reportOf(const BacktestResult &r, const QString &ticker)
{
    for (const TickerReport &t : r.tickers)
        if (t.ticker == ticker)
            return &t;
    return nullptr;
}

} // namespace

// The backtest on generated stores whose answer is known: a planted signal,
// the same articles on shuffled days, an article either side of the close,
// and the awkward cases (missing price days, a split, a hole in the history,
// a ticker without news); then the command as a shell user runs it.
class TestBacktest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_stores = 0;

    std::unique_ptr<StoreConnection> makeStore(const StudyStoreSpec &spec, QString *path = nullptr)
    {
        const QString file = m_dir.filePath(QStringLiteral("study-%1.db").arg(++m_stores));
        auto store = StoreConnection::open(file, QStringLiteral("study-%1").arg(m_stores));
        if (!store)
            qFatal("%s", qPrintable(store.errorMessage()));
        if (auto s = StudyStoreGenerator(spec).write((*store)->database()); !s)
            qFatal("%s", qPrintable(s.errorMessage()));
        if (path)
            *path = file;
        return std::move(*store);
    }

    static BacktestResult run(StoreConnection &store, BacktestOptions options)
    {
        auto r = Backtester(store.database()).run(options);
        if (!r)
            qFatal("%s", qPrintable(r.errorMessage()));
        return *r;
    }

private slots:
    void plantedSignalGivesAClearlyPositiveIc()
    {
        StudyStoreSpec spec;
        auto store = makeStore(spec);
        BacktestOptions options;
        options.horizon = ScoreHorizon::Short;
        const BacktestResult r = run(*store, options);
        QCOMPARE(r.tickers.size(), spec.tickers);
        const WindowStats *day = r.pooledWindow(1);
        QVERIFY(day);
        const double ceiling = plantedCorrelation(spec);   // 0.30 for a = 0.5 and half an article a session
        qInfo("planted ceiling %.3f, IC %.3f (t %.1f, n %lld), change IC %.3f", ceiling, day->level.value,
              day->level.t(), day->level.n, day->change.value);
        QVERIFY(day->level.n > 8000);
        // The score is not the planted sign itself (older news decays into
        // it, days without news carry noise) but must recover much of it,
        // and can never beat it by more than noise.
        QVERIFY(day->level.value > 0.4 * ceiling);
        QVERIFY(day->level.value < ceiling + 4 * day->level.standardError);
        QVERIFY(day->level.t() > 8);
        QVERIFY(day->change.value > 0.1);
        QVERIFY(day->hitRate > 0.55);
        // Bullish days are followed by higher returns than bearish ones.
        const LabelReturn &bearish = day->byLabel.first();
        const LabelReturn &bullish = day->byLabel[4];
        QCOMPARE(bearish.label, corporateScoreLabel(0));
        QCOMPARE(bullish.label, corporateScoreLabel(100));
        QVERIFY(bullish.n > 100 && bearish.n > 100);
        QVERIFY(bullish.mean > bearish.mean + spec.dailyVolatility * spec.strength);
        // Each ticker on its own: positive, noisier.
        int positive = 0;
        for (const TickerReport &t : r.tickers)
            positive += t.windows.first().level.value > 0 ? 1 : 0;
        QVERIFY(positive >= spec.tickers - 1);
    }

    void shuffledDatesGiveAnIcWithinNoiseOfZero()
    {
        StudyStoreSpec spec;
        spec.shuffleArticleDays = true;
        auto store = makeStore(spec);
        BacktestOptions options;
        options.horizon = ScoreHorizon::Short;
        const BacktestResult r = run(*store, options);
        for (const WindowStats &w : r.pooled) {
            qInfo("shuffled %dd: IC %.4f (t %.2f, n %lld)", w.days, w.level.value, w.level.t(), w.level.n);
            QVERIFY(w.level.n > 8000);
            QVERIFY(std::abs(w.level.t()) < 3.5);
            QVERIFY(std::abs(w.level.value) < 4 * w.level.standardError);
        }
    }

    void linkRelevanceWeighsAsInTheCorporateScorer()
    {
        // The same articles linked at full and at half relevance, read from
        // the store as the backtest reads them: a half-relevant story carries
        // half the evidence, and each close's point-in-time score is what the
        // corporate scorer gives from the same rows (as `score` computes it).
        StudyStoreSpec spec;
        spec.tickers = 1;
        spec.from = QDate(2024, 1, 2);
        spec.to = QDate(2024, 6, 28);
        spec.articlesPerSession = 1.5;
        auto full = makeStore(spec);
        spec.linkRelevance = 0.5;
        auto half = makeStore(spec);
        const QString ticker = twtest::studyTicker(0);
        auto fullRows = ArticleEvidenceReader(full->database()).forTicker(ticker, spec.modelVersion);
        auto halfRows = ArticleEvidenceReader(half->database()).forTicker(ticker, spec.modelVersion);
        QVERIFY(fullRows.ok() && halfRows.ok());
        QVERIFY(halfRows->size() > 100);
        QCOMPARE(halfRows->size(), fullRows->size());
        for (const StoredArticleScore &r : std::as_const(*halfRows))
            QVERIFY2(std::abs(r.relevance - 0.5) < 1e-9, qPrintable(QString::number(r.relevance)));

        const QList<QDate> sessions = twtest::weekdaySessions(spec.from, spec.to);
        const QList<qint64> closes = ExchangeClock(QStringLiteral("America/New_York")).closesUtc(sessions);
        const qint64 last = closes.last();
        const CorporateScore fullScore = PointInTimeScorer::scoreAt(ticker, ScoreHorizon::Medium, last, *fullRows);
        const CorporateScore halfScore = PointInTimeScorer::scoreAt(ticker, ScoreHorizon::Medium, last, *halfRows);
        QVERIFY(fullScore.evidence > 1);
        QVERIFY2(std::abs(halfScore.evidence - fullScore.evidence / 2) < 1e-9,
                 qPrintable(QStringLiteral("%1 against %2").arg(halfScore.evidence).arg(fullScore.evidence)));

        PointInTimeScorer scorer(ScoreHorizon::Medium);
        const QList<SessionScore> series = scorer.series(ticker, *halfRows, closes);
        QVERIFY(!scorer.exactOnly());
        for (qsizetype i = 0; i < closes.size(); i += 7) {
            QList<StoredArticleScore> known;
            for (const StoredArticleScore &r : std::as_const(*halfRows))
                if (r.publishedUtc < closes[i])
                    known << r;
            const CorporateScore exact = CorporateScorer::compute(ticker, ScoreHorizon::Medium, closes[i], known);
            QVERIFY2(std::abs(series[i].score - exact.score) < 1e-9,
                     qPrintable(QStringLiteral("%1: %2 against %3").arg(i).arg(series[i].score).arg(exact.score)));
            QCOMPARE(series[i].label, exact.label);
        }
    }

    void excessOverTheBenchmarkRemovesTheMarket()
    {
        StudyStoreSpec spec;
        spec.tickers = 10;
        spec.marketVolatility = 0.03;   // bigger than each ticker's own noise
        spec.benchmark = QStringLiteral("MKT");
        auto store = makeStore(spec);
        BacktestOptions options;
        options.horizon = ScoreHorizon::Short;
        options.forwardDays = {1};
        const BacktestResult raw = run(*store, options);
        options.benchmark = QStringLiteral("MKT");
        const BacktestResult excess = run(*store, options);
        QVERIFY(!reportOf(excess, QStringLiteral("MKT")));   // the benchmark is not a tested ticker
        QVERIFY(excess.pooled.first().level.value > raw.pooled.first().level.value + 0.05);
        QVERIFY(excess.pooled.first().level.value > 0.4 * plantedCorrelation(spec));
    }

    void anArticleAtFivePastFourCountsForTheNextSession()
    {
        StudyStoreSpec spec;
        spec.tickers = 1;
        spec.articlesPerSession = 0;
        spec.from = QDate(2025, 11, 3);
        spec.to = QDate(2025, 11, 28);
        QString path;
        auto store = makeStore(spec, &path);
        // One article at 16:05 New York on Wednesday 2025-11-12, one at 15:55 on Tuesday the 18th.
        const QTimeZone ny("America/New_York");
        int id = 900;
        for (const QDateTime &at : {QDateTime(QDate(2025, 11, 12), QTime(16, 5), ny),
                                    QDateTime(QDate(2025, 11, 18), QTime(15, 55), ny)}) {
            QSqlQuery q(store->database());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO articles (id, guid, title, source, published_utc, fetched_utc, "
                                          "content_hash) VALUES (%1, 'late-%1', 'T000 late story %1', 'Wire', %2, %2, "
                                          "'h%1')")
                               .arg(++id)
                               .arg(at.toMSecsSinceEpoch())));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO article_tickers VALUES (%1, 'T000', 1.0)").arg(id)));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO article_scores (article_id, ticker, model_version, score, label, "
                                          "confidence, spans, scored_utc) VALUES (%1, 'T000', 'test-model', 0.9, "
                                          "'positive', 0.9, '[]', %2)")
                               .arg(id)
                               .arg(at.toMSecsSinceEpoch())));
        }
        const QString csvPath = m_dir.filePath(QStringLiteral("late.csv"));
        store.reset();
        const auto cli = twtest::runCli({QStringLiteral("--store"), path, QStringLiteral("backtest"),
                                         QStringLiteral("--horizon"), QStringLiteral("short"), QStringLiteral("--csv"),
                                         csvPath},
                                        m_dir.path());
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        QHash<QString, QStringList> byDate;
        const QStringList lines = QString::fromUtf8(twtest::readAll(csvPath)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        const QStringList header = lines.first().split(QLatin1Char(','));
        for (const QString &line : lines.mid(1))
            byDate.insert(line.section(QLatin1Char(','), 1, 1), line.split(QLatin1Char(',')));
        const qsizetype landed = header.indexOf(QStringLiteral("new_articles"));
        const qsizetype stories = header.indexOf(QStringLiteral("stories"));
        QVERIFY(landed > 0 && stories > 0);
        QCOMPARE(byDate.value(QStringLiteral("2025-11-12")).value(landed), QStringLiteral("0"));
        QCOMPARE(byDate.value(QStringLiteral("2025-11-12")).value(stories), QStringLiteral("0"));
        QCOMPARE(byDate.value(QStringLiteral("2025-11-13")).value(landed), QStringLiteral("1"));
        QCOMPARE(byDate.value(QStringLiteral("2025-11-18")).value(landed), QStringLiteral("1"));
        QCOMPARE(byDate.value(QStringLiteral("2025-11-17")).value(landed), QStringLiteral("0"));
    }

    void awkwardHistoriesAreHandledAndReported()
    {
        StudyStoreSpec spec;
        spec.tickers = 6;
        spec.strength = 0.6;
        // T001: a tenth of its days without a bar; T002: a 2-for-1 split;
        // T003: no news at all; T004: a hole of 15 sessions.
        spec.dropBar = [](int ticker, int session) {
            return (ticker == 1 && session % 10 == 3) || (ticker == 4 && session >= 200 && session < 215);
        };
        spec.splitTicker = 2;
        spec.splitSession = 250;
        spec.tickerWithoutArticles = 3;
        auto store = makeStore(spec);
        StudyStoreSpec plain = spec;
        plain.dropBar = nullptr;
        plain.splitTicker = -1;
        auto plainStore = makeStore(plain);

        BacktestOptions options;
        options.horizon = ScoreHorizon::Short;
        const BacktestResult r = run(*store, options);
        const BacktestResult p = run(*plainStore, options);

        const TickerReport *missing = reportOf(r, QStringLiteral("T001"));
        QVERIFY(missing->skipped.isEmpty());
        QVERIFY(missing->missingSessions > 40);
        QVERIFY(missing->windows.first().level.n < reportOf(p, QStringLiteral("T001"))->windows.first().level.n);
        QVERIFY(missing->windows.first().level.value > 0.1);

        const TickerReport *split = reportOf(r, QStringLiteral("T002"));
        QCOMPARE(split->splits.size(), 1);
        QCOMPARE(split->splits.first().factor, 2.0);
        QCOMPARE(split->splits.first().date, twtest::weekdaySessions(spec.from, spec.to)[spec.splitSession]);
        // Adjusted, the split leaves the figures as they were without it.
        QVERIFY(std::abs(split->windows.first().level.value
                         - reportOf(p, QStringLiteral("T002"))->windows.first().level.value) < 1e-9);

        const TickerReport *quiet = reportOf(r, QStringLiteral("T003"));
        QCOMPARE(quiet->articleScores, 0);
        QCOMPARE(quiet->skipped, QStringLiteral("no article scores"));
        QVERIFY(quiet->windows.isEmpty());

        const TickerReport *holed = reportOf(r, QStringLiteral("T004"));
        QCOMPARE(holed->gaps.size(), 1);
        QCOMPARE(holed->gaps.first().sessions, 15);

        QVERIFY(r.pooled.first().level.value > 0.1);
        QVERIFY(!r.syntheticPrices);
    }

    void noPricesAndTooFewDaysSayWhatIsMissing()
    {
        StudyStoreSpec spec;
        spec.tickers = 1;
        spec.from = QDate(2025, 1, 6);
        spec.to = QDate(2025, 1, 24);   // 15 sessions
        auto store = makeStore(spec);
        BacktestOptions options;
        options.horizon = ScoreHorizon::Long;
        const BacktestResult r = run(*store, options);
        QVERIFY(!r.pooled.first().level.valid());
        QVERIFY2(r.notes.join(QLatin1Char('\n')).contains(QStringLiteral("too few days")),
                 qPrintable(r.notes.join(QLatin1Char('\n'))));

        options.tickers = {QStringLiteral("NOPE")};
        auto none = Backtester(store->database()).run(options);
        QVERIFY(!none);
        QVERIFY(none.errorMessage().contains(QStringLiteral("no daily bars for NOPE")));
        options.tickers = {};
        options.benchmark = QStringLiteral("SPY");
        auto noBenchmark = Backtester(store->database()).run(options);
        QVERIFY(!noBenchmark);
        QVERIFY(noBenchmark.errorMessage().contains(QStringLiteral("benchmark SPY")));
    }

    void commandPrintsMachineLinesATableAndTheSeries()
    {
        StudyStoreSpec spec;
        spec.tickers = 4;
        spec.benchmark = QStringLiteral("MKT");
        spec.marketVolatility = 0.01;
        QString path;
        makeStore(spec, &path).reset();
        const QString csv = m_dir.filePath(QStringLiteral("series.csv"));
        const auto r = twtest::runCli({QStringLiteral("--store"), path, QStringLiteral("backtest"),
                                       QStringLiteral("--ticker"), QStringLiteral("t000,T001"), QStringLiteral("--ticker"),
                                       QStringLiteral("T002"), QStringLiteral("--forward"), QStringLiteral("1,5"),
                                       QStringLiteral("--benchmark"), QStringLiteral("MKT"), QStringLiteral("--since"),
                                       QStringLiteral("2022-06-01"), QStringLiteral("--until"),
                                       QStringLiteral("2023-06-30"), QStringLiteral("--csv"), csv},
                                      m_dir.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QRegularExpression icLine(QStringLiteral("^ic_1d: (-?\\d\\.\\d{3}) t: (-?\\d+\\.\\d) n: (\\d+)$"),
                                        QRegularExpression::MultilineOption);
        const auto m = icLine.match(r.out);
        QVERIFY2(m.hasMatch(), qPrintable(r.out));
        QVERIFY(m.captured(1).toDouble() > 0.1);
        QVERIFY(m.captured(3).toInt() > 500);
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("^ic_change_5d: "), QRegularExpression::MultilineOption)));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("^hit_1d: 0\\.\\d{3} n: \\d+$"), QRegularExpression::MultilineOption)));
        QVERIFY(r.out.contains(QStringLiteral("ic_1d[T001]: ")));
        QVERIFY(!r.out.contains(QStringLiteral("ic_1d[T003]")));
        QVERIFY(r.out.contains(QStringLiteral("returns in excess of MKT")));
        QVERIFY(r.out.contains(QStringLiteral("Newey-West")));
        QVERIFY(r.out.contains(QStringLiteral("mean_1d[") + corporateScoreLabel(100) + QStringLiteral("]: ")));
        QVERIFY(r.out.contains(QStringLiteral("sessions 2022-06-01 to 2023-06-30")));
        const QStringList lines = QString::fromUtf8(twtest::readAll(csv)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QStringLiteral("ticker,date,close_utc,score,label,stories,new_articles,score_change,"
                                               "close_adjusted,fwd_1d,fwd_5d,excess_1d,excess_5d"));
        QCOMPARE(lines.size() - 1, 3 * 283);   // three tickers, every weekday session in range
        QVERIFY(lines[1].startsWith(QStringLiteral("T000,2022-06-01,2022-06-01T20:00:00Z,")));

        const auto usage = twtest::runCli({QStringLiteral("--store"), path, QStringLiteral("backtest"),
                                           QStringLiteral("--forward"), QStringLiteral("0")},
                                          m_dir.path());
        QCOMPARE(usage.exitCode, 2);
        const auto horizon = twtest::runCli({QStringLiteral("--store"), path, QStringLiteral("backtest"),
                                             QStringLiteral("--horizon"), QStringLiteral("weekly")},
                                            m_dir.path());
        QCOMPARE(horizon.exitCode, 2);
    }

    void demoWorkspaceSaysItsPricesAreSynthetic()
    {
        const QString store = m_dir.filePath(QStringLiteral("demo.db"));
        const auto r = twtest::runCli({QStringLiteral("--demo"), QStringLiteral("--store"), store,
                                       QStringLiteral("backtest")},
                                      m_dir.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("# NOTE: prices are synthetic")), qPrintable(r.out));
        QVERIFY(r.err.contains(QStringLiteral("these figures mean nothing")));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("^ic_1d: "), QRegularExpression::MultilineOption)));
        QVERIFY(r.out.contains(QStringLiteral("META")));
    }
};

QTEST_GUILESS_MAIN(TestBacktest)
#include "tst_backtest.moc"
