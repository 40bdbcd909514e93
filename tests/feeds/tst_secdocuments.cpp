// A fetched SEC filing feed follows its new 8-Ks to their documents: against
// a server on 127.0.0.1 standing in for SEC's hosts, serving EDGAR Atom feeds
// whose entries link there and the real 8-K full submission texts of
// ../shared/data/sec (read in place). One `fetch` gives the Meta 8-K's
// leadership event with the filing (and its text) as source and a press
// release as the company's article; a second fetch asks for no document; a
// document that fails stays listed, is said so in the feed's status and is
// read on the next fetch; every request names the contact and keeps SEC's pace.
#include "feeds/fetch/defaultfeeds.h"
#include "feeds/ingest/feedbatchrun.h"
#include "feeds/ingest/filingdocumentfetcher.h"
#include "models/store/eventstore.h"
#include "models/store/feedstore.h"
#include "models/store/filingstore.h"
#include "models/store/sqlexec.h"
#include "models/store/storeconnection.h"
#include "models/store/tickerstore.h"
#include "secfetchpolicy.h"
#include "storedevents.h"
#include "temporarystores.h"
#include "testhttpserver.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMutex>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace tw;
using twtest::HttpRequest;
using twtest::HttpResponse;
using twtest::httpResponse;

namespace {
const QString kMetaAccession = QStringLiteral("0001628280-25-058337");
const QString kJpmAccession = QStringLiteral("0000019617-26-000241");
const QString kContact = QStringLiteral("analyst@example.com");
// The test's own accession number for the Buckle 8-K it assembles (below).
const QString kBuckleAccession = QStringLiteral("0000885245-24-000051");

FetchPolicy secPolicy()
{
    return twtest::secFetchPolicy(kContact);
}

using twtest::secBytes;

QString folderPath(qint64 cik, const QString &accession)
{
    return QStringLiteral("/Archives/edgar/data/%1/%2/").arg(cik).arg(QString(accession).remove(QLatin1Char('-')));
}

struct Listed {
    qint64 cik;
    QString company;
    QString accession;
    QString filed;       // YYYY-MM-DD
    QString itemsDesc;   // "item 5.02"
};

const Listed kMetaEightK{1326801, QStringLiteral("Meta Platforms, Inc."), kMetaAccession, QStringLiteral("2025-12-19"),
                         QStringLiteral("item 5.02")};

QByteArray metaSubmission()
{
    return secBytes(QStringLiteral("8-k/meta-2025-12-19/") + kMetaAccession + QStringLiteral(".txt"));
}

QByteArray jpmSubmission()
{
    return secBytes(QStringLiteral("8-k/jpm-2026-06-24/") + kJpmAccession + QStringLiteral(".txt"));
}

// The two shapes of EDGAR's filing Atom feeds, their links on `server`: a
// company's 8-Ks (browse-edgar?action=getcompany&type=8-K, as
// tests/fixtures/sec/nvda-8k-getcompany.atom) and the latest filings of
// every company (getcurrent, as ../shared/data/sec/atom), the company in each title.
enum class FeedShape { Company, Latest };

QByteArray filingFeed(const twtest::TestHttpServer &server, FeedShape shape, const QList<Listed> &entries)
{
    QString xml = QStringLiteral("<?xml version=\"1.0\" encoding=\"ISO-8859-1\" ?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
                                 "<updated>2026-06-25T18:03:31-04:00</updated>\n");
    if (shape == FeedShape::Company && !entries.isEmpty())
        xml += QStringLiteral("<company-info><cik>%1</cik><conformed-name>%2</conformed-name></company-info>\n"
                              "<title>%2  (%1)</title>\n")
                   .arg(entries.first().cik, 10, 10, QLatin1Char('0'))
                   .arg(entries.first().company.toHtmlEscaped());
    else
        xml += QStringLiteral("<title>Latest Filings</title>\n");
    for (const Listed &e : entries) {
        const QString index = server.url(folderPath(e.cik, e.accession) + e.accession + QStringLiteral("-index.htm")).toString();
        const QString entry = shape == FeedShape::Company
            ? QStringLiteral("<category label=\"form type\" scheme=\"https://www.sec.gov/\" term=\"8-K\" />\n"
                             "<content type=\"text/xml\">\n<accession-number>%1</accession-number>\n<act>34</act>\n"
                             "<filing-date>%2</filing-date>\n<filing-href>%3</filing-href>\n<filing-type>8-K</filing-type>\n"
                             "<form-name>Current report</form-name>\n<items-desc>%4</items-desc>\n</content>\n"
                             "<link href=\"%3\" rel=\"alternate\" type=\"text/html\" />\n<title>8-K  - Current report</title>\n")
                  .arg(e.accession, e.filed, index, e.itemsDesc)
            : QStringLiteral("<title>8-K - %1 (%2) (Filer)</title>\n<link rel=\"alternate\" type=\"text/html\" href=\"%3\"/>\n"
                             "<summary type=\"html\">\n &lt;b&gt;Filed:&lt;/b&gt; %4 &lt;b&gt;AccNo:&lt;/b&gt; %5 "
                             "&lt;b&gt;Size:&lt;/b&gt; 180 KB\n</summary>\n"
                             "<category scheme=\"https://www.sec.gov/\" label=\"form type\" term=\"8-K\"/>\n")
                  .arg(e.company.toHtmlEscaped())
                  .arg(e.cik, 10, 10, QLatin1Char('0'))
                  .arg(index, e.filed, e.accession);
        xml += QStringLiteral("<entry>\n%1<id>urn:tag:sec.gov,2008:accession-number=%2</id>\n"
                              "<updated>%3T17:00:37-05:00</updated>\n</entry>\n")
                   .arg(entry, e.accession, e.filed);
    }
    return (xml + QStringLiteral("</feed>\n")).toLatin1();
}

// EDGAR's complete submission text is its header and then each document
// between <DOCUMENT> tags (as ../shared/data/sec/8-k/meta-2025-12-19/
// 0001628280-25-058337.txt): here around the real Buckle 8-K and its EX-99.1
// press release, which the shared data has as separate HTML files.
QByteArray buckleSubmission()
{
    const auto document = [](const char *type, int sequence, const char *file, const char *description,
                             const QByteArray &html) -> QByteArray {
        return QByteArray("<DOCUMENT>\n<TYPE>") + type + "\n<SEQUENCE>" + QByteArray::number(sequence) + "\n<FILENAME>"
             + file + "\n<DESCRIPTION>" + description + "\n<TEXT>\n" + html + "\n</TEXT>\n</DOCUMENT>\n";
    };
    return "<SEC-DOCUMENT>" + kBuckleAccession.toLatin1() + ".txt : 20241122\n<SEC-HEADER>" + kBuckleAccession.toLatin1()
         + ".hdr.sgml : 20241122\n<ACCEPTANCE-DATETIME>20241122070512\nACCESSION NUMBER:\t\t" + kBuckleAccession.toLatin1()
         + "\nCONFORMED SUBMISSION TYPE:\t8-K\nPUBLIC DOCUMENT COUNT:\t\t2\nCONFORMED PERIOD OF REPORT:\t20241122\n"
           "ITEM INFORMATION:\t\tResults of Operations and Financial Condition\n"
           "ITEM INFORMATION:\t\tFinancial Statements and Exhibits\nFILED AS OF DATE:\t\t20241122\n\nFILER:\n\n"
           "\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\tBUCKLE INC\n\t\tCENTRAL INDEX KEY:\t\t\t0000885245\n"
           "</SEC-HEADER>\n"
         + document("8-K", 1, "bke-20241122.htm", "8-K", secBytes(QStringLiteral("8-k/other/BuckleInc.8-K.html")))
         + document("EX-99.1", 2, "bke20241122-8kexhibit.htm", "EX-99.1",
                    secBytes(QStringLiteral("8-k/other/BuckleInc.8-K.EX99.1.html")))
         + "</SEC-DOCUMENT>\n";
}

HttpResponse ok(const QByteArray &body, const QByteArray &type = "text/plain")
{
    return HttpResponse{httpResponse(200, "OK", body, {{"Content-Type", type}}), 0, false};
}

// A feed with a validator, answering "not modified" when it is sent back.
twtest::TestHttpServer::Handler feedWithEtag(QByteArray body)
{
    return [body](const HttpRequest &r) {
        if (r.headers.value("if-none-match") == "\"v1\"")
            return HttpResponse{httpResponse(304, "Not Modified", QByteArray(), {{"ETag", "\"v1\""}}), 0, false};
        return HttpResponse{httpResponse(200, "OK", body, {{"Content-Type", "application/atom+xml"}, {"ETag", "\"v1\""}}), 0,
                            false};
    };
}

// A test server answering on a thread of its own while this lives: the run
// stores on the test's thread, and a server there would see a request only
// once storing let it (and time its arrival late). Its routes are set before.
class ServedOnItsOwnThread {
public:
    explicit ServedOnItsOwnThread(twtest::TestHttpServer &server) : m_server(server)
    {
        m_thread.start();
        server.context()->moveToThread(&m_thread);
    }
    ~ServedOnItsOwnThread()
    {
        // Back to the test's thread (only its own thread may hand it over).
        QMetaObject::invokeMethod(
            m_server.context(),
            [this] { m_server.context()->moveToThread(QCoreApplication::instance()->thread()); },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

private:
    twtest::TestHttpServer &m_server;
    QThread m_thread;
};

QByteArray documentPath(qint64 cik, const QString &accession)
{
    return (folderPath(cik, accession) + accession + QStringLiteral(".txt")).toLatin1();
}
} // namespace

class TestSecDocuments : public QObject {
    Q_OBJECT

    twtest::TemporaryStores m_stores;

    std::unique_ptr<StoreConnection> newStore() { return m_stores.open(); }

    static qint64 addFeed(StoreConnection &store, const twtest::TestHttpServer &server, const QString &ticker, qint64 cik,
                          const QString &path)
    {
        Feed f = ticker.isEmpty() ? Feed{} : secCurrentReportsFeed(ticker, cik);
        f.kind = FeedKind::SecFilings;
        f.url = server.url(path).toString();
        auto id = FeedStore(store.database()).add(f);
        return id.ok() ? *id : 0;
    }

    static Feed feed(StoreConnection &store, qint64 id)
    {
        auto f = FeedStore(store.database()).byId(id);
        return f.ok() && f->has_value() ? **f : Feed{};
    }

    static FeedRunSummary fetch(StoreConnection &store, const FetchPolicy &policy = secPolicy())
    {
        FeedBatchRun run(store.database(), policy, {});
        auto feeds = FeedStore(store.database()).all();
        return run.runToCompletion(feeds.ok() ? *feeds : QList<Feed>{});
    }

private slots:
    void theSubmissionTextIsBesideTheFilingIndex()
    {
        QCOMPARE(FilingDocumentFetcher::submissionTextUrl(
                     QStringLiteral("https://www.sec.gov/Archives/edgar/data/1326801/000162828025058337/0001628280-25-058337-index.htm"),
                     1326801, kMetaAccession),
                 QUrl(QStringLiteral("https://www.sec.gov/Archives/edgar/data/1326801/000162828025058337/0001628280-25-058337.txt")));
        // Wherever the listing's link points (a test server, a mirror), the same folder.
        QCOMPARE(FilingDocumentFetcher::submissionTextUrl(
                     QStringLiteral("http://127.0.0.1:8080/Archives/edgar/data/19617/000001961726000241/?x=1"), 19617, kJpmAccession),
                 QUrl(QStringLiteral("http://127.0.0.1:8080/Archives/edgar/data/19617/000001961726000241/0000019617-26-000241.txt")));
        // A link that is no filing folder (the company's filing list): EDGAR's own folder.
        QCOMPARE(FilingDocumentFetcher::submissionTextUrl(
                     QStringLiteral("https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0000019617"), 19617,
                     kJpmAccession),
                 QUrl(QStringLiteral("https://www.sec.gov/Archives/edgar/data/19617/000001961726000241/0000019617-26-000241.txt")));
        QVERIFY(!FilingDocumentFetcher::submissionTextUrl(QString(), 0, kJpmAccession).isValid());
        QVERIFY(!FilingDocumentFetcher::submissionTextUrl(QString(), 19617, QStringLiteral("local:abc")).isValid());
    }

    void oneFetchReadsTheEightKsDocuments()
    {
        auto store = newStore();
        twtest::TestHttpServer server;
        QElapsedTimer clock;
        clock.start();
        QList<qint64> arrivals;   // written on the server's thread, read here once it is back
        const auto timed = [&](twtest::TestHttpServer::Handler handler) {
            return [&arrivals, &clock, handler](const HttpRequest &r) {
                arrivals << clock.elapsed();
                return handler(r);
            };
        };
        server.route("/meta/cgi-bin/browse-edgar",
                     timed(feedWithEtag(filingFeed(server, FeedShape::Company, {kMetaEightK}))));
        server.route("/bke/cgi-bin/browse-edgar",
                     timed(feedWithEtag(filingFeed(server, FeedShape::Company,
                                                   {{885245, QStringLiteral("BUCKLE INC"), kBuckleAccession, QStringLiteral("2024-11-22"),
                                                      QStringLiteral("items 2.02 and 9.01")}}))));
        const QByteArray metaText = metaSubmission();
        QVERIFY(!metaText.isEmpty());
        const QByteArray metaDocument = documentPath(1326801, kMetaAccession);
        const QByteArray buckleDocument = documentPath(885245, kBuckleAccession);
        server.route(metaDocument, timed([&](const HttpRequest &) { return ok(metaText); }));
        server.route(buckleDocument, timed([](const HttpRequest &) { return ok(buckleSubmission()); }));
        // The companies the analyst follows (press releases link to them).
        TickerInfo buckle;
        buckle.symbol = QStringLiteral("BKE");
        buckle.name = QStringLiteral("The Buckle, Inc.");
        buckle.aliases = {QStringLiteral("Buckle")};
        QVERIFY(TickerStore(store->database()).upsert(buckle).ok());
        const qint64 metaFeed = addFeed(*store, server, QStringLiteral("META"), 1326801, QStringLiteral("/meta/cgi-bin/browse-edgar"));
        const qint64 buckleFeed = addFeed(*store, server, QStringLiteral("BKE"), 885245, QStringLiteral("/bke/cgi-bin/browse-edgar"));
        QVERIFY(metaFeed > 0 && buckleFeed > 0);

        const FeedRunSummary first = [&] {
            ServedOnItsOwnThread serving(server);
            return fetch(*store);
        }();
        QCOMPARE(first.ok, 2);
        QCOMPARE(server.requestsFor(metaDocument), 1);
        QCOMPARE(server.requestsFor(buckleDocument), 1);
        for (const qint64 id : {metaFeed, buckleFeed}) {
            const Feed f = feed(*store, id);
            QCOMPARE(int(f.lastState), int(FeedState::Ok));
            QVERIFY2(f.lastError.isEmpty(), qPrintable(f.lastError));
        }
        // Every request, documents too, names the app and the contact.
        for (const HttpRequest &r : server.requests()) {
            const QByteArray agent = r.headers.value("user-agent");
            QVERIFY2(agent.startsWith("Tickerwire/") && agent.endsWith(" analyst@example.com"), agent.constData());
        }
        // SEC's pace across feeds and documents: request starts 100 ms apart.
        QCOMPARE(arrivals.size(), 4);
        for (qsizetype i = 1; i < arrivals.size(); ++i)
            QVERIFY2(arrivals.at(i) - arrivals.at(i - 1) >= 100 - 30,
                     qPrintable(QStringLiteral("requests %1 ms apart").arg(arrivals.at(i) - arrivals.at(i - 1))));

        // Meta's 8-K: a leadership event on the day, the filing its source,
        // with the item's text read from the document.
        auto events = twtest::eventsOf(store->database(), QStringLiteral("META"), EventKind::Leadership);
        QVERIFY(events.ok());
        QCOMPARE(events->size(), 1);
        QCOMPARE(events->first().event.date.date, QDate(2025, 12, 19));
        auto sources = FilingStore(store->database()).sourcesOf(events->first().id);
        QVERIFY(sources.ok());
        QCOMPARE(sources->size(), 1);
        QCOMPARE(sources->first().accession, kMetaAccession);
        QCOMPARE(sources->first().items, QStringLiteral("5.02"));
        QVERIFY2(sources->first().firstSentence.contains(QLatin1String("Dina Powell McCormick")),
                 qPrintable(sources->first().firstSentence));

        // Buckle's EX-99.1: an article by the company, linked to its filing.
        QSqlQuery q(store->database());
        QVERIFY(q.exec(QStringLiteral("SELECT a.title, a.source, a.author, t.ticker, fa.accession FROM articles a "
                                      "JOIN article_tickers t ON t.article_id = a.id "
                                      "JOIN filing_articles fa ON fa.article_id = a.id")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("THE BUCKLE, INC. REPORTS THIRD QUARTER NET INCOME"));
        QVERIFY2(q.value(1).toString().contains(QLatin1String("BUCKLE"), Qt::CaseInsensitive), qPrintable(q.value(1).toString()));
        QCOMPARE(q.value(2).toString(), q.value(1).toString());
        QCOMPARE(q.value(3).toString(), QStringLiteral("BKE"));
        QCOMPARE(q.value(4).toString(), kBuckleAccession);
        QVERIFY(!q.next());
        QCOMPARE(*queryScalar(store->database(), QStringLiteral("SELECT count(*) FROM events WHERE ticker = 'BKE' AND kind = 'results'")),
                 qint64(1));

        // Again: the feeds are asked, no document is.
        const qsizetype before = server.requests().size();
        const FeedRunSummary second = fetch(*store);
        QCOMPARE(second.failed, 0);
        QCOMPARE(server.requests().size(), before + 2);
        QCOMPARE(server.requestsFor(metaDocument), 1);
        QCOMPARE(server.requestsFor(buckleDocument), 1);
        QCOMPARE(twtest::eventsOf(store->database(), QStringLiteral("META"), EventKind::Leadership)->size(), 1);
        QCOMPARE(*queryScalar(store->database(), QStringLiteral("SELECT count(*) FROM articles")), qint64(1));
    }

    void aFailedDocumentIsTriedAgainOnTheNextFetch_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("says");
        QTest::newRow("500") << 500 << QStringLiteral("HTTP 500");
        QTest::newRow("403") << 403 << QStringLiteral("SEC refused: set a contact address");
        QTest::newRow("another filing's text") << 200 << QStringLiteral("does not name filing");
    }

    void aFailedDocumentIsTriedAgainOnTheNextFetch()
    {
        QFETCH(int, status);
        QFETCH(QString, says);
        auto store = newStore();
        twtest::TestHttpServer server;
        server.route("/meta/cgi-bin/browse-edgar",
                     feedWithEtag(filingFeed(server, FeedShape::Company, {kMetaEightK})));
        const QByteArray metaText = metaSubmission();
        bool healthy = false;
        const QByteArray metaDocument = documentPath(1326801, kMetaAccession);
        const QByteArray jpmText = jpmSubmission();
        server.route(metaDocument, [&](const HttpRequest &) {
            if (healthy)
                return ok(metaText);
            return status == 200 ? ok(jpmText) : HttpResponse{httpResponse(status, "Refused", "<html>no</html>"), 0, false};
        });
        const qint64 id = addFeed(*store, server, QStringLiteral("META"), 1326801, QStringLiteral("/meta/cgi-bin/browse-edgar"));

        fetch(*store);
        QVERIFY(server.requestsFor(metaDocument) >= 1);
        Feed f = feed(*store, id);
        QCOMPARE(int(f.lastState), int(FeedState::Ok));   // the feed itself was read
        QVERIFY2(f.lastError.startsWith(QLatin1String("warning: 1 of 1 8-K documents not read, tried again on the next fetch")),
                 qPrintable(f.lastError));
        QVERIFY2(f.lastError.contains(kMetaAccession) && f.lastError.contains(says), qPrintable(f.lastError));
        QVERIFY(f.etag.isEmpty());   // the next fetch lists the filing again
        // The filing stays as listed, with the event its items name.
        auto kept = FilingStore(store->database()).byAccession(kMetaAccession);
        QVERIFY(kept.ok() && kept->has_value());
        QVERIFY((*kept)->filing.items.first().text.isEmpty());
        QCOMPARE(twtest::eventsOf(store->database(), QStringLiteral("META"), EventKind::Leadership)->size(), 1);

        healthy = true;
        const int asked = server.requestsFor(metaDocument);
        fetch(*store);
        QCOMPARE(server.requestsFor(metaDocument), asked + 1);
        f = feed(*store, id);
        QCOMPARE(int(f.lastState), int(FeedState::Ok));
        QVERIFY2(f.lastError.isEmpty(), qPrintable(f.lastError));
        kept = FilingStore(store->database()).byAccession(kMetaAccession);
        QVERIFY((*kept)->filing.items.first().text.contains(QLatin1String("Dina Powell McCormick")));
        QCOMPARE(twtest::eventsOf(store->database(), QStringLiteral("META"), EventKind::Leadership)->size(), 1);

        fetch(*store);
        QCOMPARE(server.requestsFor(metaDocument), asked + 1);
    }

    // A document that never comes is given up after kMaxFailures fetches, said once.
    void aDocumentThatNeverComesIsGivenUp()
    {
        auto store = newStore();
        twtest::TestHttpServer server;
        server.route("/meta/cgi-bin/browse-edgar", feedWithEtag(filingFeed(server, FeedShape::Company, {kMetaEightK})));
        const qint64 id = addFeed(*store, server, QStringLiteral("META"), 1326801, QStringLiteral("/meta/cgi-bin/browse-edgar"));
        const QByteArray metaDocument = documentPath(1326801, kMetaAccession);
        for (int i = 1; i <= FilingDocumentFetcher::kMaxFailures; ++i) {
            fetch(*store);
            QCOMPARE(server.requestsFor(metaDocument), i);   // 404: not retried within a fetch
        }
        const Feed f = feed(*store, id);
        QVERIFY2(f.lastError.contains(QLatin1String("1 8-K documents not read after 5 attempts, no longer tried")),
                 qPrintable(f.lastError));
        fetch(*store);
        QCOMPARE(server.requestsFor(metaDocument), FilingDocumentFetcher::kMaxFailures);
        QVERIFY(feed(*store, id).lastError.isEmpty());
        QVERIFY(FilingStore(store->database()).byAccession(kMetaAccession)->has_value());
    }

    // EDGAR's latest-filings feed names 8-Ks of several companies; with one
    // document a fetch, the newest is read first and the status says what waits.
    void documentsPerFetchAreBoundedNewestFirst()
    {
        auto store = newStore();
        twtest::TestHttpServer server;
        server.route("/cgi-bin/browse-edgar",
                     feedWithEtag(filingFeed(
                         server, FeedShape::Latest, {{19617, QStringLiteral("JPMORGAN CHASE & CO"), kJpmAccession, QStringLiteral("2026-06-25"), {}},
                                  kMetaEightK})));
        const QByteArray jpmDocument = documentPath(19617, kJpmAccession);
        const QByteArray metaDocument = documentPath(1326801, kMetaAccession);
        const QByteArray jpmText = jpmSubmission();
        const QByteArray metaText = metaSubmission();
        server.route(jpmDocument, [&](const HttpRequest &) { return ok(jpmText); });
        server.route(metaDocument, [&](const HttpRequest &) { return ok(metaText); });
        const qint64 id = addFeed(*store, server, QString(), 0, QStringLiteral("/cgi-bin/browse-edgar"));
        FetchPolicy policy = secPolicy();
        policy.filingDocumentsPerFeed = 1;

        fetch(*store, policy);
        QCOMPARE(server.requestsFor(jpmDocument), 1);
        QCOMPARE(server.requestsFor(metaDocument), 0);
        Feed f = feed(*store, id);
        QCOMPARE(int(f.lastState), int(FeedState::Ok));
        QVERIFY2(f.lastError.contains(QLatin1String("1 more 8-K documents to read on the next fetch")), qPrintable(f.lastError));
        // The documents name their companies: JPMorgan's leadership change is an event.
        QCOMPARE(*queryScalar(store->database(), QStringLiteral("SELECT count(*) FROM events WHERE ticker = 'JPM' AND kind = 'leadership'")),
                 qint64(1));

        fetch(*store, policy);   // the feed is listed again (no "not modified"), the next 8-K read
        QCOMPARE(server.requestsFor(jpmDocument), 1);
        QCOMPARE(server.requestsFor(metaDocument), 1);
        f = feed(*store, id);
        QVERIFY2(f.lastError.isEmpty(), qPrintable(f.lastError));
        QCOMPARE(*queryScalar(store->database(), QStringLiteral("SELECT count(*) FROM events WHERE ticker = 'META' AND kind = 'leadership'")),
                 qint64(1));

        fetch(*store, policy);
        QCOMPARE(server.requestsFor(jpmDocument), 1);
        QCOMPARE(server.requestsFor(metaDocument), 1);
    }

    // A listing's link to another host is not followed: documents come from
    // SEC or from where the listing came from.
    void linksToOtherHostsAreNotFollowed()
    {
        auto store = newStore();
        twtest::TestHttpServer server;
        QByteArray body = filingFeed(server, FeedShape::Company, {kMetaEightK});
        body.replace(server.url(QStringLiteral("/")).toString(QUrl::StripTrailingSlash).toLatin1(), "http://documents.example.net");
        server.route("/meta/cgi-bin/browse-edgar", feedWithEtag(body));
        const qint64 id = addFeed(*store, server, QStringLiteral("META"), 1326801, QStringLiteral("/meta/cgi-bin/browse-edgar"));
        FeedBatchRun run(store->database(), secPolicy(), {});
        QStringList notes;
        connect(&run, &FeedBatchRun::feedDone, this, [&](const FeedRunOutcome &o) { notes += o.refresh.notes; });
        run.runToCompletion({feed(*store, id)});
        QCOMPARE(server.requests().size(), 1);
        QVERIFY2(notes.join(QLatin1Char('\n')).contains(QLatin1String("not followed to http://documents.example.net")),
                 qPrintable(notes.join(QLatin1Char('\n'))));
        QCOMPARE(int(feed(*store, id).lastState), int(FeedState::Ok));
        QVERIFY(FilingStore(store->database()).byAccession(kMetaAccession)->has_value());
    }
};

QTEST_GUILESS_MAIN(TestSecDocuments)
#include "tst_secdocuments.moc"
