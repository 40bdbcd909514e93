// Ingest whose cost follows the batch, not the history: a 10,000-article
// fetch into stores that already hold 0, 100,000 and 1,000,000 articles,
// following 50 companies, through the whole pipeline (parse, dedupe, link,
// score, events, corporate scores, FTS, then the alert rules once).
// Prints articles/s (CPU and wall) per history size, the slowest commit
// (full-text merges land there) and the ratio of the slowest to the
// fastest. Not a test: timings depend on the machine.
//
//   tickerwire_ingestbench [history sizes, default 0,100000,1000000] [fetch=10000]
//
// Each history store is generated once as $TW_BENCH_DIR/tickerwire-ingest-<N>.db
// (default /tmp; 1,000,000 articles is about 1 GB and takes minutes), with
// every article linked, scored under the current model version and the
// running corporate state built (as `score --all` leaves it). Each run works
// on a copy, so the generated store is reused unchanged.

#include "feeds/parsers/rssparser.h"
#include "models/alerts/alertevaluator.h"
#include "models/alerts/defaultalertrules.h"
#include "models/linking/entitylinker.h"
#include "models/pipeline/articleingestor.h"
#include "models/scoring/scorewriter.h"
#include "models/store/articlestore.h"
#include "models/store/sqlexec.h"
#include "models/store/storeconnection.h"
#include "models/store/tickerstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QTextStream>

#include <algorithm>
#include <ctime>

using namespace tw;

namespace {

double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// Fifty real company names (large US listings), with the short name the news uses.
const char *const kCompanies[][3] = {
    {"NVDA", "NVIDIA Corporation", "Nvidia"}, {"AAPL", "Apple Inc.", "Apple"}, {"GOOGL", "Alphabet Inc.", "Alphabet"},
    {"MSFT", "Microsoft Corporation", "Microsoft"}, {"AMZN", "Amazon.com, Inc.", "Amazon"},
    {"META", "Meta Platforms, Inc.", "Meta"}, {"AVGO", "Broadcom Inc.", "Broadcom"}, {"TSLA", "Tesla, Inc.", "Tesla"},
    {"BRK", "Berkshire Hathaway Inc.", "Berkshire Hathaway"}, {"JPM", "JPMorgan Chase & Co.", "JPMorgan"},
    {"WMT", "Walmart Inc.", "Walmart"}, {"LLY", "Eli Lilly and Company", "Eli Lilly"}, {"V", "Visa Inc.", "Visa"},
    {"ORCL", "Oracle Corporation", "Oracle"}, {"MA", "Mastercard Incorporated", "Mastercard"},
    {"NFLX", "Netflix, Inc.", "Netflix"}, {"XOM", "Exxon Mobil Corporation", "Exxon"},
    {"COST", "Costco Wholesale Corporation", "Costco"}, {"JNJ", "Johnson & Johnson", "Johnson & Johnson"},
    {"HD", "The Home Depot, Inc.", "Home Depot"}, {"PG", "The Procter & Gamble Company", "Procter & Gamble"},
    {"BAC", "Bank of America Corporation", "Bank of America"}, {"ABBV", "AbbVie Inc.", "AbbVie"},
    {"PLTR", "Palantir Technologies Inc.", "Palantir"}, {"KO", "The Coca-Cola Company", "Coca-Cola"},
    {"AMD", "Advanced Micro Devices, Inc.", "AMD"}, {"CVX", "Chevron Corporation", "Chevron"},
    {"CSCO", "Cisco Systems, Inc.", "Cisco"}, {"IBM", "International Business Machines", "IBM"},
    {"WFC", "Wells Fargo & Company", "Wells Fargo"}, {"CRM", "Salesforce, Inc.", "Salesforce"},
    {"MRK", "Merck & Co., Inc.", "Merck"}, {"PM", "Philip Morris International", "Philip Morris"},
    {"GS", "The Goldman Sachs Group, Inc.", "Goldman Sachs"}, {"ABT", "Abbott Laboratories", "Abbott"},
    {"MCD", "McDonald's Corporation", "McDonald's"}, {"INTU", "Intuit Inc.", "Intuit"},
    {"DIS", "The Walt Disney Company", "Disney"}, {"UBER", "Uber Technologies, Inc.", "Uber"},
    {"PEP", "PepsiCo, Inc.", "PepsiCo"}, {"CAT", "Caterpillar Inc.", "Caterpillar"},
    {"QCOM", "QUALCOMM Incorporated", "Qualcomm"}, {"INTC", "Intel Corporation", "Intel"},
    {"ADBE", "Adobe Inc.", "Adobe"}, {"T", "AT&T Inc.", "AT&T"}, {"VZ", "Verizon Communications Inc.", "Verizon"},
    {"PFE", "Pfizer Inc.", "Pfizer"}, {"NKE", "NIKE, Inc.", "Nike"}, {"BA", "The Boeing Company", "Boeing"},
    {"SBUX", "Starbucks Corporation", "Starbucks"}};
constexpr int kCompanyCount = int(std::size(kCompanies));

// Headline and body patterns of company news, positive, negative and neutral.
const char *const kTitles[] = {
    "%1 shares rise after quarterly revenue beats estimates",
    "%1 raises full-year guidance as demand strengthens",
    "%1 stock falls as profit warning rattles investors",
    "%1 cuts outlook on weaker orders",
    "%1 announces $%2 billion share buyback",
    "%1 signs multi-year cloud deal worth $%2 billion",
    "Regulators open probe into %1 accounting practices",
    "%1 names new chief financial officer",
    "%1 launches new product line in Europe",
    "Analysts upgrade %1 to buy on margin recovery",
    "%1 shares slide after downgrade",
    "%1 to cut %2,000 jobs in restructuring",
};
const char *const kBodies[] = {
    "%1 said revenue grew %2% in the quarter, ahead of expectations, and margins improved. ",
    "Executives at %1 told analysts that spending would rise next year. ",
    "%1 reported a net loss and said costs rose sharply. ",
    "The company, %1, expects capital expenditure of $%2 billion in 2026. ",
    "Shares of %1 were little changed in early trading. ",
};

QString fill(const char *pattern, const QString &name, int number)
{
    QString text = QString::fromLatin1(pattern);
    text.replace(QLatin1String("%2"), QString::number(number));
    return text.replace(QLatin1String("%1"), name);
}

QList<TickerInfo> watchlist()
{
    QList<TickerInfo> tickers;
    for (int i = 0; i < kCompanyCount; ++i) {
        TickerInfo t;
        t.symbol = QString::fromLatin1(kCompanies[i][0]);
        t.name = QString::fromLatin1(kCompanies[i][1]);
        t.aliases = {QString::fromLatin1(kCompanies[i][2])};
        t.position = i;
        tickers << t;
    }
    return tickers;
}

constexpr qint64 kMinute = 60'000;
// History ends here; the fetch's articles come after it.
const qint64 kHistoryEnd = QDateTime(QDate(2026, 4, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();

// A store with `count` articles over ten years, every one about one company,
// linked, scored (under the model version ingest uses) and in the full-text
// index, with the running corporate state built. Written with SQL: the
// point is the history's size, not how it arrived.
bool generate(const QString &path, qint64 count, QTextStream &out)
{
    QFile::remove(path);
    auto store = StoreConnection::open(path, QStringLiteral("gen"));
    if (!store) {
        out << store.errorMessage() << '\n';
        return false;
    }
    QSqlDatabase db = (*store)->database();
    const QList<TickerInfo> tickers = watchlist();
    for (const TickerInfo &t : tickers)
        if (!TickerStore(db).upsert(t))
            return false;
    if (!DefaultAlertRules::install(db))
        return false;
    auto sentences = SentimentScorer::builtIn();
    auto headlines = HeadlineModel::builtIn();
    if (!sentences || !headlines)
        return false;
    const EntityLinker linker(tickers);
    ScoreWriter writer(db, **sentences, linker, *headlines);
    const QString version = writer.modelVersion();
    QSqlQuery article(db), fts(db), link(db), score(db);
    article.prepare(QStringLiteral("INSERT INTO articles (id, guid, url, title, summary, source, published_utc, "
                                   "fetched_utc, content_hash) VALUES (?,?,?,?,?,?,?,?,?)"));
    fts.prepare(QStringLiteral("INSERT INTO articles_fts (rowid, title, summary, body) VALUES (?,?,?,'')"));
    link.prepare(QStringLiteral("INSERT INTO article_tickers (article_id, ticker, relevance) VALUES (?,?,?)"));
    score.prepare(QStringLiteral("INSERT INTO article_scores (article_id, ticker, model_version, score, label, "
                                 "confidence, spans, scored_utc) VALUES (?,?,?,?,?,?,'[]',0)"));
    const qint64 step = std::max<qint64>(1, 10LL * 365 * 24 * 60 / std::max<qint64>(count, 1)) * kMinute;
    QElapsedTimer timer;
    timer.start();
    for (qint64 i = 1; i <= count;) {
        Transaction tx(db);
        for (int n = 0; n < 20'000 && i <= count; ++n, ++i) {
            const int c = int((i * 7) % kCompanyCount);
            const QString name = QString::fromLatin1(kCompanies[c][2]);
            const QString title = fill(kTitles[i % std::size(kTitles)], name, int(i % 90) + 2) + QStringLiteral(" (%1)").arg(i);
            const QString summary = fill(kBodies[i % std::size(kBodies)], name, int(i % 40) + 1);
            const qint64 published = kHistoryEnd - (count - i + 1) * step;
            const double s = double((i * 7919) % 2001 - 1000) / 1000.0;
            if (!execBound(article, {i, QStringLiteral("hist-%1").arg(i), QStringLiteral("https://hist.invalid/%1").arg(i),
                                     title, summary, QStringLiteral("History Wire"), published, published,
                                     QString::number(i)})
                || !execBound(fts, {i, title, summary})
                || !execBound(link, {i, QString::fromLatin1(kCompanies[c][0]), 40 + double(i % 60)})   // relevance 0-100
                || !execBound(score, {i, QString::fromLatin1(kCompanies[c][0]), version, s,
                                      s > 0.2 ? QStringLiteral("positive") : s < -0.2 ? QStringLiteral("negative") : QStringLiteral("neutral"),
                                      0.3 + double(i % 7) / 10.0})) {
                out << "generate: " << db.lastError().text() << '\n';
                return false;
            }
        }
        if (!tx.commit())
            return false;
        out << "  generated " << std::min(i - 1, count) << " of " << count << " articles ("
            << QString::number(timer.elapsed() / 1000.0, 'f', 0) << " s)\n";
        out.flush();
    }
    // The running state, as `score --all` leaves it.
    Transaction tx(db);
    QStringList symbols;
    for (const TickerInfo &t : tickers)
        symbols << t.symbol;
    if (!writer.rebuildCorporate(symbols) || !writer.refreshCorporate(symbols) || !tx.commit())
        return false;
    return true;
}

// The fetch: ten feeds of 1,000 items, newer than the history; about one
// item in four names a followed company, some name two.
QList<QByteArray> fetchDocuments(int articles)
{
    QList<QByteArray> docs;
    const int perDoc = 1000;
    for (int start = 0; start < articles; start += perDoc) {
        QByteArray doc = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Fetch</title>";
        for (int i = start; i < std::min(articles, start + perDoc); ++i) {
            const qint64 published = kHistoryEnd + qint64(i) * kMinute;
            QString title, body;
            if (i % 4 == 0) {
                const int c = (i / 4) % kCompanyCount;
                const QString name = QString::fromLatin1(kCompanies[c][2]);
                title = fill(kTitles[(i / 4) % std::size(kTitles)], name, i % 90 + 2);
                body = fill(kBodies[i % std::size(kBodies)], name, i % 40 + 1);
                if (i % 12 == 0)
                    body += fill(kBodies[(i + 1) % std::size(kBodies)],
                                 QString::fromLatin1(kCompanies[(c + 1) % kCompanyCount][2]), i % 30 + 1);
            } else {
                title = QStringLiteral("Markets wrap %1: stocks mixed as bond yields edge higher").arg(i);
                body = QStringLiteral("Investors weighed inflation data and central bank comments; trading was "
                                      "light ahead of the holiday. Oil prices rose %1%.").arg(i % 5 + 1);
            }
            doc += "<item><title>" + title.toHtmlEscaped().toUtf8() + "</title><link>https://fetch.invalid/" +
                   QByteArray::number(i) + "</link><pubDate>" +
                   QDateTime::fromMSecsSinceEpoch(published, Qt::UTC).toString(Qt::RFC2822Date).toUtf8() +
                   "</pubDate><description>" + body.toHtmlEscaped().toUtf8() + "</description></item>";
        }
        doc += "</channel></rss>";
        docs << doc;
    }
    return docs;
}

struct Measured {
    qint64 history = 0;
    int stored = 0;
    double wall = 0, cpu = 0;
    double longestCommit = 0;   // CPU seconds of the slowest commit (full-text merges land there)
};

bool measure(const QString &generated, qint64 history, int fetch, QTextStream &out, Measured *m)
{
    const QString work = generated + QStringLiteral(".run");
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(work + QLatin1String(suffix));
    if (!QFile::copy(generated, work)) {
        out << "cannot copy " << generated << '\n';
        return false;
    }
    auto store = StoreConnection::open(work, QStringLiteral("run"));
    if (!store) {
        out << store.errorMessage() << '\n';
        return false;
    }
    QSqlDatabase db = (*store)->database();
    const QList<QByteArray> docs = fetchDocuments(fetch);
    const QUrl base(QStringLiteral("https://fetch.invalid/feed"));
    const QDateTime fetched = QDateTime::fromMSecsSinceEpoch(kHistoryEnd + 30LL * 24 * 60 * kMinute, Qt::UTC);
    ArticleIngestor ingestor(db);
    AlertEvaluator alerts(db);
    QElapsedTimer timer;
    timer.start();
    const double cpu0 = cpuSeconds();
    int stored = 0;
    double longestCommit = 0;
    // As FeedBatchRun groups feeds: parse each, store a few per transaction.
    for (qsizetype d = 0; d < docs.size(); d += 2) {
        Transaction tx(db);
        for (qsizetype k = d; k < std::min(docs.size(), d + 2); ++k) {
            auto feed = RssParser::parse(docs[k], base, fetched);
            if (!feed) {
                out << "parse: " << feed.errorMessage() << '\n';
                return false;
            }
            auto report = ingestor.ingestInTransaction(feed->articles);
            if (!report) {
                out << "ingest: " << report.errorMessage() << '\n';
                return false;
            }
            stored += report->inserted;
        }
        if (!ingestor.finishInTransaction())
            return false;
        const double c0 = cpuSeconds();
        if (!tx.commit())
            return false;
        longestCommit = std::max(longestCommit, cpuSeconds() - c0);
    }
    auto fired = alerts.evaluate(fetched);
    if (!fired) {
        out << "alerts: " << fired.errorMessage() << '\n';
        return false;
    }
    *m = Measured{history, stored, timer.nsecsElapsed() / 1e9, cpuSeconds() - cpu0, longestCommit};
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QList<qint64> sizes{0, 100'000, 1'000'000};
    if (argc > 1) {
        sizes.clear();
        for (const QByteArray &s : QByteArray(argv[1]).split(','))
            sizes << s.toLongLong();
    }
    const int fetch = argc > 2 ? QByteArray(argv[2]).toInt() : 10'000;
    const QString dir = qEnvironmentVariableIsEmpty("TW_BENCH_DIR") ? QStringLiteral("/tmp")
                                                                     : qEnvironmentVariable("TW_BENCH_DIR");
    QList<Measured> results;
    for (qint64 history : sizes) {
        const QString path = QStringLiteral("%1/tickerwire-ingest-%2.db").arg(dir).arg(history);
        if (!QFile::exists(path)) {
            out << "generating " << path << " (" << history << " articles, " << kCompanyCount << " companies)\n";
            out.flush();
            if (!generate(path, history, out))
                return 1;
        }
        Measured m;
        if (!measure(path, history, fetch, out, &m))
            return 1;
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(path + QStringLiteral(".run") + QLatin1String(suffix));
        out << "history " << history << " articles, " << kCompanyCount << " watched: " << m.stored
            << " new articles in " << QString::number(m.wall, 'f', 2) << " s wall, " << QString::number(m.cpu, 'f', 2)
            << " s CPU: " << qint64(m.stored / m.cpu) << " articles/s (CPU), " << qint64(m.stored / m.wall)
            << " articles/s (wall); slowest commit " << QString::number(m.longestCommit * 1000, 'f', 0) << " ms CPU\n";
        out.flush();
        results << m;
    }
    double best = 0, worst = 1e300;
    for (const Measured &m : results) {
        best = std::max(best, m.stored / m.cpu);
        worst = std::min(worst, m.stored / m.cpu);
    }
    if (results.size() > 1)
        out << "slowest/fastest (CPU): " << QString::number(best / worst, 'f', 2) << "x (flat means at most 1.5x)\n";
    return 0;
}
