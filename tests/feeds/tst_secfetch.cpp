// SEC EDGAR's fair-access rules against a server on 127.0.0.1 standing in for
// SEC's hosts: a User-Agent with the app's name and the user's contact, no
// request at all without a contact, at most 10 requests a second, and a 403
// that says what to do. Then an SEC feed row end to end: the company facts
// (the real Alphabet file, read in place) become reported figures.
#include "feeds/fetch/defaultfeeds.h"
#include "feeds/fetch/fetchscheduler.h"
#include "feeds/fetch/secaccess.h"
#include "feeds/ingest/feedbatchrun.h"
#include "feeds/ingest/feedrefresher.h"
#include "fetchone.h"
#include "models/store/feedstore.h"
#include "models/store/reportedfigurestore.h"
#include "models/store/storeconnection.h"
#include "secfetchpolicy.h"
#include "testhttpserver.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>

using namespace tw;
using twtest::HttpRequest;
using twtest::HttpResponse;
using twtest::httpResponse;

namespace {
const QString kContact = QStringLiteral("analyst@example.com");

FetchPolicy secPolicy(const QString &contact)
{
    return twtest::secFetchPolicy(contact);
}
} // namespace

class TestSecFetch : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void secHostsAreSecAndItsSubdomains()
    {
        const SecAccessRules rules;
        QVERIFY(rules.covers(QUrl(QStringLiteral("https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany"))));
        QVERIFY(rules.covers(QUrl(QStringLiteral("https://data.sec.gov/api/xbrl/companyfacts/CIK0001652044.json"))));
        QVERIFY(rules.covers(QUrl(QStringLiteral("https://SEC.GOV/"))));
        QVERIFY(!rules.covers(QUrl(QStringLiteral("https://notsec.gov/"))));
        QVERIFY(!rules.covers(QUrl(QStringLiteral("https://sec.gov.example.com/"))));
        QVERIFY(!rules.covers(QUrl(QStringLiteral("https://about.fb.com/news/feed/"))));
        QVERIFY(isPlausibleContactEmail(QStringLiteral(" analyst@example.com ")));
        QVERIFY(!isPlausibleContactEmail(QStringLiteral("analyst")));
        QVERIFY(!isPlausibleContactEmail(QStringLiteral("a@b")));
        QVERIFY(!isPlausibleContactEmail(QStringLiteral("x@y.com (Mozilla)")));
    }

    void requestsNameTheAppAndTheContact()
    {
        twtest::TestHttpServer server;
        server.route("/facts", [](const HttpRequest &) { return HttpResponse{httpResponse(200, "OK", "{}"), 0, false}; });
        const FetchResult r = twtest::fetchOne(server.url(QStringLiteral("/facts")), secPolicy(kContact));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(server.requests().size(), 1);
        const QByteArray agent = server.requests().first().headers.value("user-agent");
        QVERIFY2(agent.startsWith("Tickerwire/"), agent.constData());
        QVERIFY2(agent.endsWith(" analyst@example.com"), agent.constData());
    }

    void noContactNoRequest()
    {
        twtest::TestHttpServer server;
        server.route("/facts", [](const HttpRequest &) { return HttpResponse{httpResponse(200, "OK", "{}"), 0, false}; });
        for (const QString &contact : {QString(), QStringLiteral("not an address")}) {
            const FetchResult r = twtest::fetchOne(server.url(QStringLiteral("/facts")), secPolicy(contact));
            QCOMPARE(int(r.failure), int(FetchFailure::Refused));
            QVERIFY2(r.error.contains(QLatin1String("requires a contact e-mail")), qPrintable(r.error));
            QVERIFY2(r.error.contains(QLatin1String("feeds contact")), qPrintable(r.error));
        }
        QCOMPARE(server.requests().size(), 0);
        // Other hosts are not SEC's business.
        FetchPolicy other = secPolicy(QString());
        other.sec.hosts = {QStringLiteral("sec.gov")};
        FetchScheduler scheduler(other);
        FetchRequest request;
        request.feedId = 2;
        request.url = server.url(QStringLiteral("/facts"));
        QVERIFY(fetchToCompletion(scheduler, request).ok());
    }

    void forbiddenSaysSetAContact()
    {
        twtest::TestHttpServer server;
        server.route("/facts", [](const HttpRequest &) {
            return HttpResponse{httpResponse(403, "Forbidden", "<html>Your Request Originates from an Undeclared Automated Tool</html>"), 0, false};
        });
        const FetchResult r = twtest::fetchOne(server.url(QStringLiteral("/facts")), secPolicy(kContact));
        QCOMPARE(int(r.failure), int(FetchFailure::Http));
        QCOMPARE(r.httpStatus, 403);
        QVERIFY2(r.error.startsWith(QLatin1String("SEC refused: set a contact address")), qPrintable(r.error));
        QCOMPARE(server.requests().size(), 1);   // a refusal is not retried
    }

    void atMostTenRequestsASecond()
    {
        twtest::TestHttpServer server;
        QElapsedTimer clock;
        clock.start();
        QList<qint64> arrivals;
        server.route("/f", [&](const HttpRequest &) {
            arrivals << clock.elapsed();
            return HttpResponse{httpResponse(200, "OK", "{}"), 0, false};
        });
        FetchScheduler scheduler(secPolicy(kContact));
        QList<FetchRequest> requests;
        for (int i = 0; i < 12; ++i) {
            FetchRequest r;
            r.feedId = i + 1;
            r.url = server.url(QStringLiteral("/f"));
            requests << r;
        }
        QEventLoop loop;
        connect(&scheduler, &FetchScheduler::allFinished, &loop, &QEventLoop::quit);
        scheduler.enqueue(requests);
        loop.exec();
        QCOMPARE(arrivals.size(), 12);
        // Request starts are 100 ms apart; arrival times only add delays
        // (a loaded machine spreads them further, never closer than the
        // starts by more than the network's jitter).
        QVERIFY2(arrivals.last() - arrivals.first() >= 11 * 100 - 50,
                 qPrintable(QStringLiteral("12 requests within %1 ms").arg(arrivals.last() - arrivals.first())));
        for (qsizetype i = 10; i < arrivals.size(); ++i)
            QVERIFY2(arrivals.at(i) - arrivals.at(i - 10) >= 1000 - 50, "more than 10 requests in a second");
    }

    // Retries count: SEC answering 503 to every first try makes each fetch
    // retry at once (10 ms backoff), yet all requests, first tries and
    // retries, stay at most 10 a second.
    void retriesStayWithinTenRequestsASecond()
    {
        twtest::TestHttpServer server;
        QElapsedTimer clock;
        clock.start();
        QList<qint64> arrivals;
        QHash<QByteArray, int> seen;
        server.route("/r", [&](const HttpRequest &request) {
            arrivals << clock.elapsed();
            const bool first = seen[request.path]++ == 0;
            return HttpResponse{first ? httpResponse(503, "Service Unavailable", "busy") : httpResponse(200, "OK", "{}"), 0,
                                false};
        });
        FetchPolicy policy = secPolicy(kContact);
        policy.perHostConcurrency = 4;   // several fetches in flight, each retrying
        FetchScheduler scheduler(policy);
        QList<FetchRequest> requests;
        for (int i = 0; i < 8; ++i) {
            FetchRequest r;
            r.feedId = i + 1;
            r.url = server.url(QStringLiteral("/r?feed=%1").arg(i));
            requests << r;
        }
        QEventLoop loop;
        connect(&scheduler, &FetchScheduler::allFinished, &loop, &QEventLoop::quit);
        scheduler.enqueue(requests);
        loop.exec();
        QCOMPARE(arrivals.size(), 16);   // each feed twice
        for (qsizetype i = 10; i < arrivals.size(); ++i)
            QVERIFY2(arrivals.at(i) - arrivals.at(i - 10) >= 1000 - 50,
                     qPrintable(QStringLiteral("11 requests within %1 ms").arg(arrivals.at(i) - arrivals.at(i - 10))));
    }

    void companyFactsFeedStoresReportedFigures()
    {
        auto opened = StoreConnection::open(m_dir.filePath(QStringLiteral("facts.db")), QStringLiteral("facts"));
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.errorMessage()));
        StoreConnection &store = **opened;
        const QByteArray facts = twtest::readAll(QStringLiteral(TW_SHARED_DATA_DIR "/sec/companyfacts/CIK0001652044.json"));
        QVERIFY(!facts.isEmpty());
        twtest::TestHttpServer server;
        server.route("/api/xbrl/companyfacts/CIK0001652044.json", [&](const HttpRequest &) {
            return HttpResponse{httpResponse(200, "OK", facts, {{"Content-Type", "application/json"}}), 0, false};
        });
        server.route("/cgi-bin/browse-edgar", [](const HttpRequest &) {
            return HttpResponse{httpResponse(403, "Forbidden", "Undeclared Automated Tool"), 0, false};
        });
        Feed f = secCompanyFactsFeed(QStringLiteral("GOOGL"), 1652044);
        QCOMPARE(f.url, QStringLiteral("https://data.sec.gov/api/xbrl/companyfacts/CIK0001652044.json"));
        QCOMPARE(f.intervalSeconds, 7 * 24 * 3600);
        f.url = server.url(QStringLiteral("/api/xbrl/companyfacts/CIK0001652044.json")).toString();
        Feed filings = secCurrentReportsFeed(QStringLiteral("GOOGL"), 1652044);
        QVERIFY(filings.url.contains(QLatin1String("CIK=0001652044&type=8-K")));
        QCOMPARE(int(filings.kind), int(FeedKind::SecFilings));
        filings.url = server.url(QStringLiteral("/cgi-bin/browse-edgar")).toString();
        FeedStore feeds(store.database());
        auto factsId = feeds.add(f);
        auto filingsId = feeds.add(filings);
        QVERIFY(factsId.ok() && filingsId.ok());

        FeedBatchRun run(store.database(), secPolicy(kContact), {});
        run.runToCompletion(*feeds.all());
        auto stored = feeds.byId(*factsId);
        QVERIFY(stored.ok() && stored->has_value());
        QCOMPARE(int((*stored)->lastState), int(FeedState::Ok));
        auto figures = ReportedFigureStore(store.database()).figures(QStringLiteral("GOOGL"), QStringLiteral("capex"));
        QVERIFY(figures.ok());
        bool found = false;
        for (const ReportedFigure &r : *figures)
            found = found || (r.period == QLatin1String("2024") && r.value == 52535000000.0);
        QVERIFY(found);
        auto refused = feeds.byId(*filingsId);
        QCOMPARE(int((*refused)->lastState), int(FeedState::Http));
        QVERIFY2((*refused)->lastError.startsWith(QLatin1String("SEC refused: set a contact address")),
                 qPrintable((*refused)->lastError));
    }

    // No contact address: nothing is asked of SEC, and the feed status says
    // the request was refused (the analyst's fix), not that the network failed.
    void aFeedWithoutAContactIsRefusedNotFailed()
    {
        auto opened = StoreConnection::open(m_dir.filePath(QStringLiteral("refused.db")), QStringLiteral("refused"));
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.errorMessage()));
        StoreConnection &store = **opened;
        twtest::TestHttpServer server;
        server.route("/api/xbrl/companyfacts/CIK0001326801.json",
                     [](const HttpRequest &) { return HttpResponse{httpResponse(200, "OK", "{}"), 0, false}; });
        Feed f = secCompanyFactsFeed(QStringLiteral("META"), 1326801);
        f.url = server.url(QStringLiteral("/api/xbrl/companyfacts/CIK0001326801.json")).toString();
        FeedStore feeds(store.database());
        auto id = feeds.add(f);
        QVERIFY(id.ok());
        FeedBatchRun run(store.database(), secPolicy(QString()), {});
        run.runToCompletion(*feeds.all());
        QCOMPARE(server.requests().size(), 0);
        const Feed after = **feeds.byId(*id);
        QCOMPARE(int(after.lastState), int(FeedState::Refused));
        QCOMPARE(feedStateId(after.lastState), QStringLiteral("refused"));
        QVERIFY2(after.lastError.contains(QLatin1String("requires a contact e-mail")), qPrintable(after.lastError));
    }
};

QTEST_GUILESS_MAIN(TestSecFetch)
#include "tst_secfetch.moc"
