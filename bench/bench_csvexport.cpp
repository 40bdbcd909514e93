#include "articlestoregenerator.h"

#include "models/export/csvexport.h"
#include "models/read/articlepage.h"
#include "models/store/sqlexec.h"
#include "models/store/storeconnection.h"

#include <QCoreApplication>
#include <QFile>
#include <QIODevice>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <memory>

// Rows per second of the CSV export: the writer on its own, and the whole
// article export (SQLite read + CSV) of a generated store into a device that
// discards bytes, so disk speed does not blur the figure.
//
//   bench_csvexport                                   run the benchmarks (store of
//                                                     $TW_BENCH_ARTICLES articles, default 1,000,000,
//                                                     or the store named by $TW_BENCH_STORE)
//   bench_csvexport --generate-store PATH [N]         write a store of N articles and exit
//                                                     (for /usr/bin/time -v tickerwire --store PATH export ...)

namespace {

class NullDevice final : public QIODevice {
public:
    NullDevice() { open(QIODevice::WriteOnly); }
    qint64 bytes = 0;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 len) override
    {
        bytes += len;
        return len;
    }
};

qint64 benchArticleCount()
{
    const QByteArray env = qgetenv("TW_BENCH_ARTICLES");
    return env.isEmpty() ? 1'000'000 : env.toLongLong();
}

struct BenchStore {
    QTemporaryDir dir;
    std::unique_ptr<tw::StoreConnection> connection;
    qint64 articles = 0;
};

// Built on first use, so the writer-only benchmark runs without a store.
// $TW_BENCH_STORE names a store made earlier with --generate-store (making
// a million articles takes minutes); otherwise one is generated in a temp dir.
BenchStore &benchStore()
{
    static BenchStore store;
    static const bool ready = [] {
        const QString existing = qEnvironmentVariable("TW_BENCH_STORE");
        const QString path = existing.isEmpty() ? store.dir.filePath(QStringLiteral("bench.db")) : existing;
        auto opened = tw::StoreConnection::open(path, QStringLiteral("bench"));
        if (!opened)
            qFatal("%s", qPrintable(opened.errorMessage()));
        store.connection = std::move(opened.value());
        if (!existing.isEmpty()) {
            auto count = tw::queryScalar(store.connection->database(), QStringLiteral("SELECT COUNT(*) FROM articles"));
            if (!count)
                qFatal("%s", qPrintable(count.errorMessage()));
            store.articles = *count;
            return true;
        }
        store.articles = benchArticleCount();
        std::fprintf(stderr, "generating %lld articles...\n", static_cast<long long>(store.articles));
        if (auto made = twbench::generateArticles(store.connection->database(), store.articles); !made)
            qFatal("%s", qPrintable(made.errorMessage()));
        return true;
    }();
    Q_UNUSED(ready);
    return store;
}

void BM_CsvWriterRows(benchmark::State &state)
{
    NullDevice sink;
    tw::CsvWriter writer(&sink, {});
    const QString title = QStringLiteral("META headline: capex, guidance and \"AI\" spending");
    qint64 rows = 0;
    for (auto _ : state) {
        writer.addInteger(rows);
        writer.addInstant(1775678700000 + rows);
        writer.addText(QStringLiteral("META"));
        writer.addNumber(0.6125);
        writer.addText(title);
        writer.addText(QStringLiteral("https://news.example.com/bench/1"));
        writer.endRow();
        ++rows;
    }
    state.SetItemsProcessed(rows);
    state.SetBytesProcessed(sink.bytes);
}
BENCHMARK(BM_CsvWriterRows);

void BM_ExportArticles(benchmark::State &state)
{
    BenchStore &store = benchStore();
    const tw::ExportQuery query = tw::ExportQuery::build(tw::ExportKind::Articles, {});
    const tw::CsvExport exporter(store.connection->database(), {});
    qint64 rows = 0;
    qint64 bytes = 0;
    for (auto _ : state) {
        NullDevice sink;
        auto written = exporter.writeTo(&sink, query);
        if (!written) {
            state.SkipWithError(qPrintable(written.errorMessage()));
            return;
        }
        rows += written->rows;
        bytes += sink.bytes;
    }
    state.SetItemsProcessed(rows);
    state.SetBytesProcessed(bytes);
    state.counters["rows"] = double(store.articles);
}
BENCHMARK(BM_ExportArticles)->Unit(benchmark::kSecond)->Iterations(1);

// The article panel's Ctrl+E: one row per article in the list's order, with
// its tickers and badge; arg 0 every article newest first, arg 1 the list
// filtered to META and the search "capex" (a fifth of the store).
void BM_ExportArticleList(benchmark::State &state)
{
    BenchStore &store = benchStore();
    tw::ArticleFilter filter;
    if (state.range(0) == 1) {
        filter.ticker = QStringLiteral("META");
        filter.search = QStringLiteral("capex");
    }
    auto query = tw::ExportQuery::articleList(filter, tw::dialectOf(store.connection->database()));
    if (!query) {
        state.SkipWithError(qPrintable(query.errorMessage()));
        return;
    }
    const tw::CsvExport exporter(store.connection->database(), {});
    qint64 rows = 0;
    for (auto _ : state) {
        NullDevice sink;
        auto written = exporter.writeTo(&sink, *query);
        if (!written) {
            state.SkipWithError(qPrintable(written.errorMessage()));
            return;
        }
        rows += written->rows;
    }
    state.SetItemsProcessed(rows);
    state.counters["rows"] = double(rows);
}
BENCHMARK(BM_ExportArticleList)->Arg(0)->Arg(1)->Unit(benchmark::kSecond)->Iterations(1);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc >= 3 && std::strcmp(argv[1], "--generate-store") == 0) {
        const qint64 count = argc >= 4 ? QByteArray(argv[3]).toLongLong() : 1'000'000;
        auto opened = tw::StoreConnection::open(QString::fromLocal8Bit(argv[2]), QStringLiteral("generate"));
        if (!opened) {
            std::fprintf(stderr, "%s\n", qPrintable(opened.errorMessage()));
            return 1;
        }
        if (auto made = twbench::generateArticles((*opened)->database(), count); !made) {
            std::fprintf(stderr, "%s\n", qPrintable(made.errorMessage()));
            return 1;
        }
        std::printf("wrote %lld articles to %s\n", static_cast<long long>(count), argv[2]);
        return 0;
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 2;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
