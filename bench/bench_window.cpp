// Times what an analyst waits for on a large store: the window painted with
// every panel filled, the first page of the article list, and a search.
//
//   bench_window [--articles=N] [google benchmark flags]
//
// The store is generated once at $TW_BENCH_STORE (default
// /tmp/tickerwire-bench-<N>.db) and reused by later runs.
#include "models/demo/demoworkspace.h"
#include "models/read/articlelistmodel.h"
#include "models/store/articlestore.h"
#include "models/store/sqlexec.h"
#include "models/store/storeconnection.h"
#include "ui/window/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPixmap>
#include <QSqlQuery>
#include <QVariant>

#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <cstdio>
#include <cstring>
#include <memory>

using namespace tw;

namespace {

QString g_storePath;

const char *const kWords[] = {"market", "shares", "model", "launch", "capex", "guidance", "revenue", "cloud", "chips",
    "rally", "investors", "quarter", "growth", "margin", "spending", "data", "centre", "analysts", "forecast", "profit",
    "users", "platform", "advertising", "AI"};
const char *const kSources[] = {"Kestrel Tech Dispatch", "Copperline Markets", "Quayside Capital Journal",
    "Signal & Spread", "Brightwater Wire", "The Tallyboard", "Fernhill Business Review"};
const char *const kTickers[] = {"META", "GOOGL", "MSFT", "NVDA", "AMZN"};

double maxRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
}

// Deterministic words so every run searches the same store.
QString sentence(quint32 &state, int words)
{
    QString s;
    for (int w = 0; w < words; ++w) {
        state = state * 1664525u + 1013904223u;
        if (w)
            s += QLatin1Char(' ');
        s += QLatin1String(kWords[(state >> 16) % std::size(kWords)]);
    }
    return s;
}

bool generateStore(const QString &path, qint64 articles)
{
    auto store = StoreConnection::open(path, QStringLiteral("bench-gen"));
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.errorMessage()));
        return false;
    }
    QSqlDatabase db = (*store)->database();
    if (!DemoWorkspace::load(db))
        return false;
    qint64 have = *queryScalar(db, QStringLiteral("SELECT count(*) FROM articles"));
    QSqlQuery article(db);
    article.prepare(QStringLiteral(
        "INSERT INTO articles (guid, url, title, summary, body, source, published_utc, fetched_utc, content_hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery ticker(db);
    ticker.prepare(QStringLiteral("INSERT INTO article_tickers (article_id, ticker, relevance) VALUES (?, ?, 80)"));   // 0-100 (migration 6)
    QSqlQuery score(db);
    score.prepare(QStringLiteral("INSERT INTO article_scores (article_id, ticker, model_version, score, label, "
                                 "confidence, scored_utc) VALUES (?, ?, 'bench', ?, ?, 0.7, 0)"));
    quint32 state = 20260408;
    // Ten years back from the demo's end, newest last, about one article a
    // few minutes apart.
    const qint64 end = QDateTime(QDate(2026, 5, 26), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 step = qint64(10) * 365 * 86'400'000 / std::max<qint64>(articles, 1);
    QElapsedTimer timer;
    timer.start();
    while (have < articles) {
        Transaction tx(db);
        for (int i = 0; i < 20'000 && have < articles; ++i, ++have) {
            const qint64 n = have;
            QString title = sentence(state, 8);
            // A rare word in one article of a thousand, a phrase in one of a hundred.
            if (n % 1000 == 7)
                title += QStringLiteral(" avocado");
            if (n % 100 == 3)
                title += QStringLiteral(" Muse Spark");
            const qint64 published = end - (articles - n) * step;
            if (!execBound(article,
                    {QStringLiteral("bench-%1").arg(n), QStringLiteral("https://bench.invalid/%1").arg(n), title,
                        sentence(state, 20), sentence(state, 60),
                        QString::fromLatin1(kSources[n % std::size(kSources)]), published, published,
                        QString::number(n)}))
                return false;
            const QVariant id = article.lastInsertId();
            const QString t = QString::fromLatin1(kTickers[n % std::size(kTickers)]);
            if (!execBound(ticker, {id, t}))
                return false;
            if (n % 3 == 0) {
                const double s = double(int(state % 200) - 100) / 100.0;
                if (!execBound(score,
                        {id, t, s,
                            s > 0.15 ? QStringLiteral("bullish")
                                     : (s < -0.15 ? QStringLiteral("bearish") : QStringLiteral("neutral"))}))
                    return false;
            }
        }
        if (!tx.commit())
            return false;
        std::fprintf(stderr, "\rgenerating store: %lld articles (%.0f s)", have, double(timer.elapsed()) / 1000.0);
    }
    std::fprintf(stderr, "\n");
    if (!ArticleStore::rebuildSearchIndex(db))
        return false;
    QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    QSqlQuery(db).exec(QStringLiteral("ANALYZE"));
    return true;
}

// Open the store and show the full window (every panel reads its first
// data) until it is painted into a pixmap.
void BM_OpenAndPaintWindow(benchmark::State &state)
{
    for (auto _ : state) {
        auto store = StoreConnection::open(g_storePath, QStringLiteral("bench-ui"));
        if (!store) {
            state.SkipWithError("cannot open the store");
            return;
        }
        {
            MainWindow window(g_storePath);
            window.resize(1600, 1000);
            window.attachStore((*store)->database());
            window.show();
            QApplication::processEvents();
            const QPixmap painted = window.grab();
            benchmark::DoNotOptimize(painted.width());
        }
        store->reset();
    }
    state.counters["max_rss_MB"] = maxRssMb();
}
BENCHMARK(BM_OpenAndPaintWindow)->Unit(benchmark::kMillisecond)->Iterations(5);

struct ListFixture {
    std::unique_ptr<StoreConnection> store;
    ListFixture()
    {
        auto s = StoreConnection::open(g_storePath, QStringLiteral("bench-list"));
        if (s)
            store = std::move(*s);
    }
};

void BM_FirstPageOfArticles(benchmark::State &state)
{
    ListFixture f;
    ArticleListModel model(f.store->database());
    for (auto _ : state) {
        model.reload();
        benchmark::DoNotOptimize(model.rowCount());
    }
}
BENCHMARK(BM_FirstPageOfArticles)->Unit(benchmark::kMillisecond);

void BM_ScrollTenPages(benchmark::State &state)
{
    ListFixture f;
    ArticleListModel model(f.store->database());
    for (auto _ : state) {
        model.reload();
        for (int i = 0; i < 9; ++i)
            model.fetchMore({});
        benchmark::DoNotOptimize(model.rowCount());
    }
}
BENCHMARK(BM_ScrollTenPages)->Unit(benchmark::kMillisecond);

void BM_FirstPageForTicker(benchmark::State &state)
{
    ListFixture f;
    ArticleListModel model(f.store->database());
    ArticleFilter filter;
    filter.ticker = QStringLiteral("META");
    for (auto _ : state) {
        model.setFilter({});
        model.setFilter(filter);
        benchmark::DoNotOptimize(model.rowCount());
    }
}
BENCHMARK(BM_FirstPageForTicker)->Unit(benchmark::kMillisecond);

// A click on the Title or Source header: the first page in that order, and
// ten pages of it (keyset pages on the (title, id) / (source, id) index).
void sortedBy(benchmark::State &state, ArticleOrder order, int pages, const QString &search = QString())
{
    ListFixture f;
    ArticleListModel model(f.store->database());
    ArticleFilter filter;
    filter.order = order;
    filter.newestFirst = false;
    filter.search = search;
    for (auto _ : state) {
        model.setFilter({});
        model.setFilter(filter);
        for (int i = 1; i < pages; ++i)
            model.fetchMore({});
        benchmark::DoNotOptimize(model.rowCount());
    }
    state.counters["total"] = double(model.totalCount());
}
void BM_FirstPageByTitle(benchmark::State &state)
{
    sortedBy(state, ArticleOrder::Title, 1);
}
void BM_TenPagesByTitle(benchmark::State &state)
{
    sortedBy(state, ArticleOrder::Title, 10);
}
void BM_FirstPageBySource(benchmark::State &state)
{
    sortedBy(state, ArticleOrder::Source, 1);
}
void BM_SearchRareWordByTitle(benchmark::State &state)
{
    sortedBy(state, ArticleOrder::Title, 1, QStringLiteral("avocado"));
}
void BM_SearchCommonWordByTitle(benchmark::State &state)
{
    sortedBy(state, ArticleOrder::Title, 1, QStringLiteral("capex "));
}
BENCHMARK(BM_FirstPageByTitle)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TenPagesByTitle)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FirstPageBySource)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchRareWordByTitle)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchCommonWordByTitle)->Unit(benchmark::kMillisecond);

// What the search box does once typing pauses: a new filter, first page.
void searchFor(benchmark::State &state, const QString &typed)
{
    ListFixture f;
    ArticleListModel model(f.store->database());
    ArticleFilter filter;
    filter.search = typed;
    int rows = 0;
    for (auto _ : state) {
        model.setFilter({});
        model.setFilter(filter);
        rows = model.rowCount();
        benchmark::DoNotOptimize(rows);
    }
    state.counters["rows"] = rows;
}
void BM_SearchRareWord(benchmark::State &state)
{
    searchFor(state, QStringLiteral("avocado"));
}
void BM_SearchPhrase(benchmark::State &state)
{
    searchFor(state, QStringLiteral("muse spark"));
}
void BM_SearchCommonWord(benchmark::State &state)
{
    searchFor(state, QStringLiteral("capex "));
}
void BM_SearchCommonPrefix(benchmark::State &state)
{
    searchFor(state, QStringLiteral("capex"));
}
BENCHMARK(BM_SearchRareWord)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchPhrase)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchCommonWord)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchCommonPrefix)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    qputenv(
        "QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    qint64 articles = 1'000'000;
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], "--articles=", 11) == 0)
            articles = std::atoll(argv[i] + 11);
    }
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("tickerwire-bench"));
    g_storePath = qEnvironmentVariableIsSet("TW_BENCH_STORE")
        ? qEnvironmentVariable("TW_BENCH_STORE")
        : QStringLiteral("/tmp/tickerwire-bench-%1.db").arg(articles);
    qint64 have = 0;
    if (auto check = StoreConnection::open(g_storePath, QStringLiteral("bench-check")))
        have = queryScalar((*check)->database(), QStringLiteral("SELECT count(*) FROM articles")).value();
    {
        if (have < articles && !generateStore(g_storePath, articles)) {
            std::fprintf(stderr, "bench_window: cannot generate %s\n", qPrintable(g_storePath));
            return 1;
        }
    }
    std::fprintf(stderr, "store: %s (%.0f MB)\n", qPrintable(g_storePath),
        double(QFile(g_storePath).size()) / (1024.0 * 1024.0));
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
