// Parse throughput (MB/s) for a large RSS and a large Atom document, and
// end-to-end ingest (parse, dedupe, store with FTS) in articles/s. Prints the
// figures; not a test (timings depend on the machine).
//
//   tickerwire_feedbench [articles=100000] [parse-items=20000]
//
// Parse figures are the median of five runs of each document.
//
// Under callgrind use small counts (e.g. 5000 5000): instruction counts are
// the stable figure on a shared machine.

#include "feeds/parsers/atomparser.h"
#include "feeds/parsers/rssparser.h"
#include "models/pipeline/articleingestor.h"
#include "models/store/storeconnection.h"
#include "models/store/tickerstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <ctime>
#include <vector>

using namespace tw;

namespace {
const char *const kLead =
    "Meta Platforms guided 2026 AI-related capital expenditure to $115 billion to $135 billion, nearly double "
    "the previous year, and introduced Muse Spark, the first model from Meta Superintelligence Labs, with "
    "Instant, Thinking and Contemplating modes.";

QByteArray makeRss(int items)
{
    QByteArray doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                     "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
                     "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Bench</title>"
                     "<link>https://bench.example.com/</link>\n";
    for (int i = 0; i < items; ++i) {
        doc += "<item><title>Story " + QByteArray::number(i) + ": Meta &amp; the AI capex race</title>"
               "<link>https://bench.example.com/news/" + QByteArray::number(i) + "</link>"
               "<guid isPermaLink=\"false\">bench-" + QByteArray::number(i) + "</guid>"
               "<pubDate>Wed, 08 Apr 2026 17:00:00 +0000</pubDate><dc:creator>Bench Writer</dc:creator>"
               "<description><![CDATA[<p>" + QByteArray(kLead) + "</p>]]></description>"
               "<content:encoded><![CDATA[<p>" + QByteArray(kLead) + "</p><p>" + QByteArray(kLead) +
               "</p>]]></content:encoded></item>\n";
    }
    doc += "</channel></rss>\n";
    return doc;
}

QByteArray makeAtom(int entries)
{
    QByteArray doc = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
                     "xml:base=\"https://bench.example.com/\"><title>Bench</title><id>urn:bench</id>\n";
    for (int i = 0; i < entries; ++i) {
        doc += "<entry><title type=\"html\">Story " + QByteArray::number(i) + ": Meta &amp;amp; capex</title>"
               "<link href=\"news/" + QByteArray::number(i) + "\"/><id>urn:bench:" + QByteArray::number(i) + "</id>"
               "<updated>2026-04-08T17:00:00Z</updated><author><name>Bench Writer</name></author>"
               "<summary type=\"html\">&lt;p&gt;" + QByteArray(kLead) + "&lt;/p&gt;</summary>"
               "<content type=\"html\">&lt;p&gt;" + QByteArray(kLead) + "&lt;/p&gt;&lt;p&gt;" + QByteArray(kLead) +
               "&lt;/p&gt;</content></entry>\n";
    }
    doc += "</feed>\n";
    return doc;
}

// CPU seconds of this process: on a shared, loaded machine wall time says
// more about the neighbours than about the code, so both are printed.
double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

struct Rate {
    double wall = 0;
    double cpu = 0;
};

QString describe(const Rate &r, const char *unit)
{
    return QStringLiteral("%1 %3 (CPU time), %2 %3 (wall)").arg(r.cpu, 0, 'f', 1).arg(r.wall, 0, 'f', 1).arg(QLatin1String(unit));
}

// The median of five parses: on a shared machine single runs of the same
// parse differ by up to half.
template <typename Parse>
Rate megabytesPerSecond(const QByteArray &doc, Parse parse, int *articles, bool *strict)
{
    constexpr int kRuns = 5;
    std::vector<double> walls, cpus;
    for (int run = 0; run < kRuns; ++run) {
        QElapsedTimer timer;
        timer.start();
        const double cpu0 = cpuSeconds();
        auto feed = parse(doc);
        cpus.push_back(cpuSeconds() - cpu0);
        walls.push_back(timer.nsecsElapsed() / 1e9);
        *articles = feed ? int(feed->articles.size()) : -1;
        *strict = feed && feed->readStrictly;
    }
    std::sort(walls.begin(), walls.end());
    std::sort(cpus.begin(), cpus.end());
    const double mb = doc.size() / 1e6;   // MB as the target is written: 10^6 bytes
    return Rate{mb / walls[kRuns / 2], mb / cpus[kRuns / 2]};
}
// Ingests `articles` generated stories in feed-sized batches (each parsed
// from its own RSS body) into a new store that follows `tickers`.
bool ingestBench(QTextStream &out, int articles, const QList<TickerInfo> &tickers, const char *label)
{
    const QUrl base(QStringLiteral("https://bench.example.com/feed"));
    const QDateTime fetched = QDateTime::currentDateTimeUtc();
    QTemporaryDir dir;
    auto store = StoreConnection::open(dir.filePath(QStringLiteral("bench.db")), QStringLiteral("bench"));
    if (!store) {
        out << "store: " << store.errorMessage() << '\n';
        return false;
    }
    for (const TickerInfo &t : tickers)
        if (auto added = TickerStore((*store)->database()).upsert(t); !added) {
            out << "store: " << added.errorMessage() << '\n';
            return false;
        }
    ArticleIngestor ingestor((*store)->database());
    constexpr int kBatch = 1000;
    QElapsedTimer timer;
    timer.start();
    const double cpu0 = cpuSeconds();
    int stored = 0;
    for (int start = 0; start < articles; start += kBatch) {
        QByteArray doc = "<rss version=\"2.0\"><channel><title>Bench</title>";
        for (int i = start; i < std::min(articles, start + kBatch); ++i)
            doc += "<item><title>Story " + QByteArray::number(i) + " on Meta capex</title><link>https://bench.example.com/n/" +
                   QByteArray::number(i) + "</link><pubDate>Wed, 08 Apr 2026 17:00:00 +0000</pubDate><description>" +
                   QByteArray(kLead) + "</description></item>";
        doc += "</channel></rss>";
        auto feed = RssParser::parse(doc, base, fetched);
        auto report = ingestor.ingest(feed->articles);
        if (!report) {
            out << "ingest: " << report.errorMessage() << '\n';
            return false;
        }
        stored += report->inserted;
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    const double cpu = cpuSeconds() - cpu0;
    out << label << ": " << stored << " articles in " << QString::number(seconds, 'f', 1) << " s wall, "
        << QString::number(cpu, 'f', 1) << " s CPU: " << describe(Rate{stored / seconds, stored / cpu}, "articles/s")
        << '\n';
    out.flush();
    return true;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int articles = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    const QUrl base(QStringLiteral("https://bench.example.com/feed"));
    const QDateTime fetched = QDateTime::currentDateTimeUtc();

    const int parseItems = argc > 2 ? QByteArray(argv[2]).toInt() : 20000;
    const QByteArray rss = makeRss(parseItems);
    const QByteArray atom = makeAtom(parseItems);
    // Each document is parsed by the default path (the strict reader) and by
    // QXmlStreamReader alone, the path a document the strict reader declines takes.
    int n = 0;
    bool strict = false;
    for (const XmlReading reading : {XmlReading::StrictFirst, XmlReading::QtOnly}) {
        const char *how = reading == XmlReading::QtOnly ? "QXmlStreamReader only" : nullptr;
        const Rate rssRate = megabytesPerSecond(
            rss, [&](const QByteArray &d) { return RssParser::parse(d, base, fetched, reading); }, &n, &strict);
        if (!how)
            how = strict ? "strict reader" : "QXmlStreamReader (strict reader declined)";
        out << "parse RSS 2.0 (" << how << "): " << QString::number(rss.size() / 1e6, 'f', 1) << " MB, " << n
            << " items, " << describe(rssRate, "MB/s") << '\n';
        const Rate atomRate = megabytesPerSecond(
            atom, [&](const QByteArray &d) { return AtomParser::parse(d, base, fetched, reading); }, &n, &strict);
        if (reading == XmlReading::StrictFirst)
            how = strict ? "strict reader" : "QXmlStreamReader (strict reader declined)";
        out << "parse Atom 1.0 (" << how << "): " << QString::number(atom.size() / 1e6, 'f', 1) << " MB, " << n
            << " entries, " << describe(atomRate, "MB/s") << '\n';
        out.flush();
    }
    out.flush();

    // The target figure: a store that follows no company, so ingest is
    // parse, dedupe and store with the full-text index. Then, for scale, the
    // whole pipeline on a store that follows META, where every article is
    // also linked, scored and searched for events.
    if (!ingestBench(out, articles, {}, "ingest (parse, dedupe, link, store with FTS)"))
        return 1;
    TickerInfo meta;
    meta.symbol = QStringLiteral("META");
    meta.name = QStringLiteral("Meta Platforms, Inc.");
    meta.aliases = QStringList{QStringLiteral("Meta"), QStringLiteral("Meta Platforms")};
    if (!ingestBench(out, std::max(1, articles / 10), {meta},
                     "ingest following META (also scores and extracts events; a worst case for event merging: every article reports the same events)"))
        return 1;
    return 0;
}
