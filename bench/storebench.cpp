// Ingest rate and search latency of the two store backends, side by side.
// Not a test (nothing is asserted; timings depend on the machine):
//
//   tickerwire_storebench [--articles N] [--pg postgresql://USER@HOST:PORT/DB]
//
// Without --pg a throw-away PostgreSQL cluster is started (as the test suites
// do). N defaults to 1,000,000; the articles are synthetic (fixed seed).
#include "models/pipeline/articleingestor.h"
#include "models/store/articlestore.h"
#include "models/store/storeconnection.h"
#include "models/store/storelocation.h"
#include "models/store/tickerstore.h"
#include "pgtestcluster.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace tw;

namespace {

const QStringList kWords{
    QStringLiteral("capex"), QStringLiteral("guidance"), QStringLiteral("revenue"), QStringLiteral("margin"),
    QStringLiteral("datacenter"), QStringLiteral("model"), QStringLiteral("launch"), QStringLiteral("regulator"),
    QStringLiteral("advertising"), QStringLiteral("quarter"), QStringLiteral("analyst"), QStringLiteral("upgrade"),
    QStringLiteral("downgrade"), QStringLiteral("spending"), QStringLiteral("inference"), QStringLiteral("chips"),
    QStringLiteral("superintelligence"), QStringLiteral("reality"), QStringLiteral("labs"), QStringLiteral("billion"),
    QStringLiteral("forecast"), QStringLiteral("shares"), QStringLiteral("buyback"), QStringLiteral("dividend"),
    QStringLiteral("lawsuit"), QStringLiteral("settlement"), QStringLiteral("europe"), QStringLiteral("india"),
    QStringLiteral("subscribers"), QStringLiteral("engagement"), QStringLiteral("glasses"), QStringLiteral("wearables"),
};
const QStringList kCompanies{QStringLiteral("Meta Platforms"), QStringLiteral("Alphabet"), QStringLiteral("Microsoft"),
                             QStringLiteral("Nvidia"), QStringLiteral("Amazon")};

QString sentence(QRandomGenerator &rng, int words)
{
    QStringList out;
    for (int i = 0; i < words; ++i)
        out << kWords.at(int(rng.bounded(kWords.size())));
    return out.join(QLatin1Char(' '));
}

Article syntheticArticle(QRandomGenerator &rng, qint64 n)
{
    Article a;
    a.guid = a.url = QStringLiteral("https://bench.example.com/a/%1").arg(n);
    const QString company = kCompanies.at(int(rng.bounded(kCompanies.size())));
    a.title = company + QLatin1Char(' ') + sentence(rng, 6);
    a.summary = sentence(rng, 20);
    a.body = company + QLatin1Char(' ') + sentence(rng, 80);
    a.source = QStringLiteral("Bench Wire");
    a.published = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC).addSecs(n * 30);
    a.fetched = a.published;
    return a;
}

struct Figures {
    double ingestPerSecond = 0;
    qint64 ingestMs = 0;
    QList<double> searchMedianMs;
    QList<qint64> searchHits;
};

const QStringList kQueries{
    QStringLiteral("capex"),
    QStringLiteral("\"capex guidance\""),
    QStringLiteral("superintell*"),
    QStringLiteral("capex AND lawsuit"),
    QStringLiteral("glasses OR wearables"),
    QStringLiteral("capex NOT guidance"),
};

Result<Figures> measure(const QString &location, qint64 articles, const QString &label)
{
    auto store = StoreConnection::open(location, QStringLiteral("bench-") + label);
    if (!store)
        return store.error();
    QSqlDatabase db = (*store)->database();
    TickerStore tickers(db);
    int position = 0;
    for (const auto &[symbol, name] : {std::pair{"META", "Meta Platforms"}, std::pair{"GOOGL", "Alphabet"},
                                       std::pair{"MSFT", "Microsoft"}, std::pair{"NVDA", "Nvidia"},
                                       std::pair{"AMZN", "Amazon"}}) {
        if (auto s = tickers.upsert({QLatin1String(symbol), QLatin1String(name), QStringLiteral("NASDAQ"),
                                     QStringLiteral("America/New_York"), {QLatin1String(name)}, true, position++});
            !s)
            return s.error();
    }
    QRandomGenerator rng(20260408);
    ArticleIngestor ingestor(db);
    constexpr qint64 kBatch = 1000;  // one feed poll's worth per transaction, as the fetchers do
    QElapsedTimer timer;
    timer.start();
    for (qint64 done = 0; done < articles;) {
        QList<Article> batch;
        for (qint64 i = 0; i < kBatch && done < articles; ++i, ++done)
            batch << syntheticArticle(rng, done);
        auto report = ingestor.ingest(batch);
        if (!report)
            return report.error();
        if (done % 50000 == 0 || done == articles) {
            std::fprintf(stderr, "\r%s: %lld/%lld articles", qPrintable(label), static_cast<long long>(done),
                         static_cast<long long>(articles));
            std::fflush(stderr);
        }
    }
    std::fprintf(stderr, "\n");
    Figures f;
    f.ingestMs = timer.elapsed();
    f.ingestPerSecond = double(articles) * 1000.0 / double(std::max<qint64>(1, f.ingestMs));
    if (dialectOf(db) == SqlDialect::Postgres)
        (void)QSqlQuery(QStringLiteral("ANALYZE"), db);
    ArticleStore reader(db);
    for (const QString &q : kQueries) {
        QList<double> runs;
        qint64 hits = 0;
        for (int r = 0; r < 7; ++r) {
            QElapsedTimer t;
            t.start();
            auto ids = reader.search(q, 50);
            runs << double(t.nsecsElapsed()) / 1e6;
            if (!ids)
                return ids.error();
            hits = ids->size();
        }
        std::sort(runs.begin(), runs.end());
        f.searchMedianMs << runs.at(runs.size() / 2);
        f.searchHits << hits;
    }
    return f;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Store backend benchmark: SQLite against PostgreSQL."));
    parser.addHelpOption();
    const QCommandLineOption articlesOption(QStringLiteral("articles"), QStringLiteral("Articles to ingest."),
                                            QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption pgOption(QStringLiteral("pg"), QStringLiteral("An empty PostgreSQL store to use."),
                                      QStringLiteral("URL"));
    parser.addOption(articlesOption);
    parser.addOption(pgOption);
    parser.process(app);
    const qint64 articles = parser.value(articlesOption).toLongLong();

    QTemporaryDir dir;
    std::unique_ptr<twtest::PgTestCluster> cluster;
    QString pgLocation = parser.value(pgOption);
    if (pgLocation.isEmpty()) {
        cluster = std::make_unique<twtest::PgTestCluster>();
        if (!cluster->ok()) {
            std::fprintf(stderr, "storebench: %s\n", qPrintable(cluster->error()));
            return 1;
        }
        pgLocation = cluster->createDatabase();
    }
    auto sqlite = measure(dir.filePath(QStringLiteral("bench.db")), articles, QStringLiteral("sqlite"));
    if (!sqlite) {
        std::fprintf(stderr, "storebench: sqlite: %s\n", qPrintable(sqlite.errorMessage()));
        return 1;
    }
    auto pg = measure(pgLocation, articles, QStringLiteral("postgresql"));
    if (!pg) {
        std::fprintf(stderr, "storebench: postgresql: %s\n", qPrintable(pg.errorMessage()));
        return 1;
    }
    std::printf("%lld articles (batches of 1000, full ingest path); PostgreSQL at %s\n",
                static_cast<long long>(articles), qPrintable(StoreLocation::forDisplay(pgLocation)));
    std::printf("%-28s %16s %16s\n", "", "SQLite", "PostgreSQL");
    std::printf("%-28s %16.0f %16.0f\n", "ingest (articles/s)", sqlite->ingestPerSecond, pg->ingestPerSecond);
    std::printf("%-28s %16.1f %16.1f\n", "ingest total (s)", double(sqlite->ingestMs) / 1000.0, double(pg->ingestMs) / 1000.0);
    for (int i = 0; i < kQueries.size(); ++i) {
        const QString label = QStringLiteral("search %1 (ms)").arg(kQueries.at(i));
        std::printf("%-28s %10.2f (%3lld) %10.2f (%3lld)\n", qPrintable(label), sqlite->searchMedianMs.at(i),
                    static_cast<long long>(sqlite->searchHits.at(i)), pg->searchMedianMs.at(i),
                    static_cast<long long>(pg->searchHits.at(i)));
    }
    std::printf("search: median of 7 runs, newest 50 hits (hit count in parentheses)\n");
    return 0;
}
