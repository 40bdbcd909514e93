#include "feeds/fetch/feedfetch.h"
#include "feeds/fetch/fetchscheduler.h"
#include "feeds/ingest/feedrefresher.h"
#include "fetchone.h"
#include "models/store/articlestore.h"
#include "models/store/feedstore.h"
#include "models/store/storestats.h"
#include "quickfetchpolicy.h"
#include "temporarystores.h"
#include "testhttpserver.h"
#include "testsupport.h"

#include <QEventLoop>
#include <QTest>
#include <QUrlQuery>

using namespace tw;
using twtest::answer;
using twtest::fetchOne;
using twtest::HttpRequest;
using twtest::httpResponse;
using twtest::quickFetchPolicy;

namespace {
QByteArray rssBody()
{
    return twtest::readAll(twtest::fixture(QStringLiteral("rss/nasdaq-meta.rss")));
}

QList<FetchResult> fetchAll(const QList<FetchRequest> &requests, const FetchPolicy &policy = quickFetchPolicy())
{
    FetchScheduler scheduler(policy);
    QList<FetchResult> results;
    QObject::connect(&scheduler, &FetchScheduler::feedFinished, [&](const FetchResult &r) { results << r; });
    QEventLoop loop;
    QObject::connect(&scheduler, &FetchScheduler::allFinished, &loop, &QEventLoop::quit);
    scheduler.enqueue(requests);
    if (!scheduler.idle())
        loop.exec();
    return results;
}

FetchResult fetchWith(FetchScheduler &scheduler, const QUrl &url)
{
    FetchRequest request;
    request.feedId = 7;
    request.url = url;
    return fetchToCompletion(scheduler, request);
}

// What Yahoo sets on fc.yahoo.com (a 404 page) and then hands out as the crumb.
const QByteArray kYahooSetCookie = "A3=d=AQABBLt8yWkCEPaBq3xGb9mC0uJ0kQ&S=AQAAAkq7mLh1SxZ2; Expires=Wed, 01 Dec 2027 01:12:00 GMT; "
                                   "Max-Age=31557600; Domain=.yahoo.com; Path=/; SameSite=None; Secure; HttpOnly";
const QByteArray kYahooCookie = "A3=d=AQABBLt8yWkCEPaBq3xGb9mC0uJ0kQ&S=AQAAAkq7mLh1SxZ2";
const QString kYahooCrumb = QStringLiteral("Xq2Rk1/9mBk");

QString crumbOf(const HttpRequest &r)
{
    return QUrlQuery(QUrl::fromEncoded("http://host" + r.path)).queryItemValue(QStringLiteral("crumb"), QUrl::FullyDecoded);
}
} // namespace

class TestFetchScheduler : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.listening());
        const QByteArray body = rssBody();
        m_server.route("/feed", [body](const HttpRequest &r) {
            if (r.headers.value("if-none-match") == "\"v1\"")
                return answer("HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\nConnection: close\r\n\r\n");
            return answer(httpResponse(200, "OK", body,
                                       {{"Content-Type", "application/rss+xml; charset=utf-8"}, {"ETag", "\"v1\""},
                                        {"Last-Modified", "Wed, 08 Apr 2026 21:30:02 GMT"}}));
        });
        m_server.route("/r1", [this](const HttpRequest &) {
            return answer(httpResponse(301, "Moved Permanently", {}, {{"Location", m_server.url(QStringLiteral("/r2")).toEncoded()}}));
        });
        m_server.route("/r2", [](const HttpRequest &) {
            return answer(httpResponse(302, "Found", {}, {{"Location", "/feed"}}));
        });
        m_server.route("/loop", [](const HttpRequest &) {
            return answer(httpResponse(302, "Found", {}, {{"Location", "/loop"}}));
        });
        m_server.route("/flaky", [this, body](const HttpRequest &) {
            if (++m_flakyCalls == 1)
                return answer(httpResponse(500, "Internal Server Error", "oops"));
            return answer(httpResponse(200, "OK", body));
        });
        m_server.route("/down", [](const HttpRequest &) { return answer(httpResponse(503, "Service Unavailable", "down")); });
        m_server.route("/busy", [this, body](const HttpRequest &) {
            if (++m_busyCalls == 1)
                return answer(httpResponse(429, "Too Many Requests", "slow down", {{"Retry-After", "1"}}));
            return answer(httpResponse(200, "OK", body));
        });
        m_server.route("/busy-long", [](const HttpRequest &) {
            return answer(httpResponse(429, "Too Many Requests", "come back later", {{"Retry-After", "3600"}}));
        });
        m_server.route("/slow", [body](const HttpRequest &) { return answer(httpResponse(200, "OK", body), 3000); });
        m_server.route("/big", [](const HttpRequest &) { return answer(httpResponse(200, "OK", QByteArray(3 * 1024 * 1024, 'x'))); });
        m_server.route("/big-chunked", [](const HttpRequest &) {
            QByteArray raw = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
            const QByteArray chunk(256 * 1024, 'y');
            for (int i = 0; i < 12; ++i)
                raw += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
            raw += "0\r\n\r\n";
            return answer(raw);
        });
        m_server.route("/truncated", [body](const HttpRequest &) {
            // Promises a chunk of 0x4000 bytes, sends a few hundred, hangs up.
            return answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n4000\r\n" + body.left(300));
        });
        m_server.route("/truncated-length", [body](const HttpRequest &) {
            return answer("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n" + body.left(300));
        });
        m_server.route("/gzip", [](const HttpRequest &r) {
            const QByteArray gz = twtest::readAll(twtest::fixture(QStringLiteral("rss/nasdaq-meta.rss.gz")));
            if (!r.headers.value("accept-encoding").contains("gzip"))
                return answer(httpResponse(406, "Not Acceptable", "gzip only"));
            return answer(httpResponse(200, "OK", gz, {{"Content-Encoding", "gzip"}, {"Content-Type", "application/rss+xml"}}));
        });
        m_server.route("/garbage", [](const HttpRequest &) {
            return answer(httpResponse(200, "OK", QByteArray("\x00\x01\x02garbage\xff\xfe<<<", 15), {{"Content-Type", "application/rss+xml"}}));
        });
        m_server.route("/consent", [](const HttpRequest &) {
            return answer(httpResponse(200, "OK", twtest::readAll(twtest::fixture(QStringLiteral("errors/yahoo-consent.html"))),
                                       {{"Content-Type", "text/html; charset=utf-8"}, {"ETag", "\"consent\""}}));
        });
        // Yahoo's chart API: 401 ("Invalid Crumb") unless the A3 cookie and the crumb come along.
        const QByteArray chart = twtest::readAll(twtest::fixture(QStringLiteral("prices/yahoo-chart-meta.json")));
        const QByteArray invalidCrumb = twtest::readAll(twtest::fixture(QStringLiteral("errors/yahoo-invalid-crumb.json")));
        m_yahooServer.route("/v8/finance/chart/META", [chart, invalidCrumb](const HttpRequest &r) {
            if (r.headers.value("cookie") == kYahooCookie && crumbOf(r) == kYahooCrumb)
                return answer(httpResponse(200, "OK", chart, {{"Content-Type", "application/json;charset=utf-8"}}));
            return answer(httpResponse(401, "Unauthorized", invalidCrumb, {{"Content-Type", "application/json;charset=utf-8"}}));
        });
        m_yahooServer.route("/v8/finance/chart/REFUSED", [invalidCrumb](const HttpRequest &) {
            return answer(httpResponse(401, "Unauthorized", invalidCrumb, {{"Content-Type", "application/json;charset=utf-8"}}));
        });
        m_yahooServer.route("/cookie", [](const HttpRequest &) {
            return answer(httpResponse(404, "Not Found", "<!doctype html><html><body>Not Found</body></html>",
                                       {{"Content-Type", "text/html; charset=utf-8"}, {"Set-Cookie", kYahooSetCookie}}));
        });
        m_yahooServer.route("/v1/test/getcrumb", [](const HttpRequest &r) {
            if (r.headers.value("cookie") != kYahooCookie)
                return answer(httpResponse(403, "Forbidden", "{\"finance\":{\"result\":null,\"error\":{\"code\":\"Forbidden\"}}}"));
            return answer(httpResponse(200, "OK", kYahooCrumb.toLatin1(), {{"Content-Type", "text/plain;charset=utf-8"}}));
        });
        for (const QByteArray &path : {QByteArrayLiteral("/p1"), QByteArrayLiteral("/p2"), QByteArrayLiteral("/p3"),
                                      QByteArrayLiteral("/p4"), QByteArrayLiteral("/p5")})
            m_politeServer.route(path, [body](const HttpRequest &) { return answer(httpResponse(200, "OK", body), 150); });
    }

    void okThenNotModifiedWithETag()
    {
        const FetchResult first = fetchOne(m_server.url(QStringLiteral("/feed")));
        QVERIFY2(first.ok(), qPrintable(first.error));
        QCOMPARE(first.httpStatus, 200);
        QCOMPARE(first.etag, QStringLiteral("\"v1\""));
        QCOMPARE(first.lastModified, QStringLiteral("Wed, 08 Apr 2026 21:30:02 GMT"));
        QCOMPARE(first.body, rssBody());
        QCOMPARE(m_server.requests().last().headers.value("user-agent"), QByteArray("Tickerwire-test/1.0 (tests@tickerwire.invalid)"));

        const FetchResult second = fetchOne(m_server.url(QStringLiteral("/feed")), quickFetchPolicy(), first.etag);
        QVERIFY(second.ok());
        QVERIFY(second.notModified);
        QCOMPARE(second.httpStatus, 304);
        QCOMPARE(m_server.requests().last().headers.value("if-none-match"), QByteArray("\"v1\""));
    }

    void redirectChainIsFollowed()
    {
        const FetchResult r = fetchOne(m_server.url(QStringLiteral("/r1")));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.finalUrl.path(), QStringLiteral("/feed"));
        QCOMPARE(r.body, rssBody());
    }

    void redirectLoopFails()
    {
        const int before = m_server.requestsFor("/loop");
        const FetchResult r = fetchOne(m_server.url(QStringLiteral("/loop")));
        QCOMPARE(r.failure, FetchFailure::TooManyRedirects);
        QVERIFY(r.error.contains(QStringLiteral("redirect")));
        QCOMPARE(r.attempts, 1);   // not retried: it would loop again
        // The request and 5 redirects, then it stopped (Qt may resend one
        // requests when the server's "Connection: close" races their reuse).
        const int sent = m_server.requestsFor("/loop") - before;
        QVERIFY2(sent >= 6 && sent < 12, qPrintable(QString::number(sent)));
    }

    void notFoundIsNotRetried()
    {
        const FetchResult r = fetchOne(m_server.url(QStringLiteral("/nothing-here")));
        QCOMPARE(r.failure, FetchFailure::Http);
        QCOMPARE(r.httpStatus, 404);
        QCOMPARE(r.attempts, 1);
        QVERIFY(r.error.startsWith(QStringLiteral("HTTP 404")));
    }

    void serverErrorThenSuccess()
    {
        const FetchResult r = fetchOne(m_server.url(QStringLiteral("/flaky")));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.attempts, 2);
        QCOMPARE(m_flakyCalls, 2);
    }

    void persistentServerErrorGivesUpAfterThreeRetries()
    {
        const int before = m_server.requestsFor("/down");
        const FetchResult r = fetchOne(m_server.url(QStringLiteral("/down")));
        QCOMPARE(r.failure, FetchFailure::Http);
        QCOMPARE(r.attempts, 4);
        QCOMPARE(m_server.requestsFor("/down") - before, 4);
        QVERIFY(r.error.contains(QStringLiteral("after 4 attempts")));
    }

    void retryAfterIsHonoured()
    {
        const FetchResult r = fetchOne(m_server.url(QStringLiteral("/busy")));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.attempts, 2);
        // A long Retry-After is not waited out inside one fetch: it is reported.
        const FetchResult longer = fetchOne(m_server.url(QStringLiteral("/busy-long")));
        QCOMPARE(longer.failure, FetchFailure::Http);
        QCOMPARE(longer.httpStatus, 429);
        QCOMPARE(longer.attempts, 1);
        QVERIFY(longer.retryAfterSeconds.has_value());
        QCOMPARE(*longer.retryAfterSeconds, 3600);
    }

    void slowServerHitsTheTimeout()
    {
        FetchPolicy p = quickFetchPolicy();
        p.stallTimeoutMs = 200;
        p.maxRetries = 1;
        const FetchResult r = fetchOne(m_server.url(QStringLiteral("/slow")), p);
        QCOMPARE(r.failure, FetchFailure::Timeout);
        QCOMPARE(r.attempts, 2);
        QVERIFY(r.error.contains(QStringLiteral("within")));
    }

    void bodyOverTheCap()
    {
        FetchPolicy p = quickFetchPolicy();
        p.maxBodyBytes = 1024 * 1024;
        const FetchResult declared = fetchOne(m_server.url(QStringLiteral("/big")), p);
        QCOMPARE(declared.failure, FetchFailure::TooLarge);
        QCOMPARE(declared.attempts, 1);
        QVERIFY(declared.error.contains(QStringLiteral("cap")));
        const FetchResult chunked = fetchOne(m_server.url(QStringLiteral("/big-chunked")), p);
        QCOMPARE(chunked.failure, FetchFailure::TooLarge);
        QVERIFY(chunked.body.isEmpty());
    }

    void truncatedBodyWithLengthIsAnError()
    {
        FetchPolicy p = quickFetchPolicy();
        p.maxRetries = 0;
        const FetchResult r = fetchOne(m_server.url(QStringLiteral("/truncated-length")), p);
        QCOMPARE(r.failure, FetchFailure::Network);
        QVERIFY2(r.error.contains(QStringLiteral("cut short")) || r.error.contains(QStringLiteral("closed")), qPrintable(r.error));
    }

    // Qt 6.4 hands a chunked body cut mid-chunk over as complete; the parser
    // is what notices, keeps the items it could read, and says so.
    void truncatedChunkedBodyIsNoticedByTheParser()
    {
        twtest::TemporaryStore store;
        QVERIFY2(store.open(QStringLiteral("t.db"), QStringLiteral("truncated-test")), qPrintable(store.errorString()));
        Feed feed;
        feed.url = m_server.url(QStringLiteral("/truncated")).toString();
        feed.id = *FeedStore(store.database()).add(feed);
        FetchPolicy p = quickFetchPolicy();
        p.maxRetries = 0;
        const FetchResult r = fetchOne(QUrl(feed.url), p);
        auto applied = FeedRefresher(store.database()).apply(feed, r, QDateTime::currentDateTimeUtc());
        QVERIFY(applied.ok());
        if (applied->feed.lastState == FeedState::Ok) {
            QVERIFY(applied->notes.join(QLatin1Char('\n')).contains(QStringLiteral("cut short")));
        } else {
            QVERIFY(!applied->feed.lastError.isEmpty());
        }
    }

    void gzipIsInflated()
    {
        const FetchResult r = fetchOne(m_server.url(QStringLiteral("/gzip")));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.body, rssBody());
    }

    void perHostConcurrencyIsLimited()
    {
        QList<FetchRequest> requests;
        int id = 0;
        for (const char *path : {"/p1", "/p2", "/p3", "/p4", "/p5"}) {
            FetchRequest r;
            r.feedId = ++id;
            r.url = m_politeServer.url(QString::fromLatin1(path));
            requests << r;
        }
        FetchScheduler scheduler(quickFetchPolicy());
        QList<int> progress;
        QObject::connect(&scheduler, &FetchScheduler::progress, [&](int done, int) { progress << done; });
        QList<FetchResult> results;
        QObject::connect(&scheduler, &FetchScheduler::feedFinished, [&](const FetchResult &r) { results << r; });
        QEventLoop loop;
        QObject::connect(&scheduler, &FetchScheduler::allFinished, &loop, &QEventLoop::quit);
        scheduler.enqueue(requests);
        loop.exec();
        QCOMPARE(results.size(), 5);
        QCOMPARE(progress.last(), 5);
        QVERIFY2(m_politeServer.maxOpenRequests() <= 2, qPrintable(QString::number(m_politeServer.maxOpenRequests())));
    }

    FetchPolicy yahooPolicy() const
    {
        FetchPolicy policy = quickFetchPolicy();
        policy.yahooChartHosts = {QStringLiteral("127.0.0.1")};
        policy.yahooCookieUrl = m_yahooServer.url(QStringLiteral("/cookie"));
        policy.yahooCrumbUrl = m_yahooServer.url(QStringLiteral("/v1/test/getcrumb"));
        return policy;
    }

    // 401 -> cookie page -> crumb -> the chart again with both; later fetches reuse them.
    void yahooChartGetsCookieAndCrumbOn401()
    {
        const QList<HttpRequest> &requests = m_yahooServer.requests();
        const qsizetype before = requests.size();
        FetchScheduler scheduler(yahooPolicy());
        const QUrl url = m_yahooServer.url(QStringLiteral("/v8/finance/chart/META?interval=1d&range=5d"));
        const FetchResult first = fetchWith(scheduler, url);
        QVERIFY2(first.ok(), qPrintable(first.error));
        QCOMPARE(first.httpStatus, 200);
        QCOMPARE(first.body, twtest::readAll(twtest::fixture(QStringLiteral("prices/yahoo-chart-meta.json"))));
        QCOMPARE(first.attempts, 2);
        QCOMPARE(requests.size(), before + 4);
        QCOMPARE(requests[before].path, QByteArray("/v8/finance/chart/META?interval=1d&range=5d"));
        QCOMPARE(requests[before + 1].path, QByteArray("/cookie"));
        QCOMPARE(requests[before + 2].path, QByteArray("/v1/test/getcrumb"));
        QCOMPARE(requests[before + 2].headers.value("cookie"), kYahooCookie);
        QVERIFY(requests[before + 3].path.startsWith("/v8/finance/chart/META?interval=1d&range=5d&crumb="));
        QCOMPARE(crumbOf(requests[before + 3]), kYahooCrumb);
        QCOMPARE(requests[before + 3].headers.value("cookie"), kYahooCookie);
        QVERIFY(!displayUrl(first.finalUrl).contains(QStringLiteral("9mBk")));   // the crumb is not shown

        const FetchResult second = fetchWith(scheduler, url);
        QVERIFY2(second.ok(), qPrintable(second.error));
        QCOMPARE(second.attempts, 1);
        QCOMPARE(requests.size(), before + 5);   // the cached cookie and crumb go with the first request
        QCOMPARE(crumbOf(requests[before + 4]), kYahooCrumb);
    }

    void yahooRefusalIsReported()
    {
        const QList<HttpRequest> &requests = m_yahooServer.requests();
        const qsizetype before = requests.size();
        const FetchResult r = fetchOne(m_yahooServer.url(QStringLiteral("/v8/finance/chart/REFUSED?interval=1d")), yahooPolicy());
        QVERIFY(!r.ok());
        QCOMPARE(r.failure, FetchFailure::Http);
        QCOMPARE(r.httpStatus, 401);
        QVERIFY2(r.error.startsWith(QStringLiteral("Yahoo refused the request (cookie/crumb)")), qPrintable(r.error));
        int chartRequests = 0;
        for (qsizetype i = before; i < requests.size(); ++i)
            chartRequests += requests[i].path.startsWith("/v8/finance/chart/REFUSED") ? 1 : 0;
        QCOMPARE(chartRequests, 2);   // retried once with a fresh crumb, not more

        FetchPolicy noCookie = yahooPolicy();
        noCookie.yahooCookieUrl = m_yahooServer.url(QStringLiteral("/no-cookie-here"));
        const FetchResult n = fetchOne(m_yahooServer.url(QStringLiteral("/v8/finance/chart/META?interval=1d")), noCookie);
        QVERIFY(!n.ok());
        QVERIFY2(n.error.startsWith(QStringLiteral("Yahoo refused the request (cookie/crumb): no cookie")), qPrintable(n.error));

        // Another host's 401 is an ordinary HTTP error: no cookie dance.
        const qsizetype beforePlain = requests.size();
        const FetchResult plain = fetchOne(m_yahooServer.url(QStringLiteral("/v8/finance/chart/REFUSED")));
        QCOMPARE(plain.error, QStringLiteral("HTTP 401 Unauthorized"));
        QCOMPARE(requests.size(), beforePlain + 1);
    }

    void retryAfterParsing()
    {
        const QDateTime now(QDate(2026, 4, 8), QTime(12, 0), Qt::UTC);
        QCOMPARE(parseRetryAfter("120", now), std::optional<int>(120));
        QCOMPARE(parseRetryAfter("Wed, 08 Apr 2026 12:05:00 GMT", now), std::optional<int>(300));
        QCOMPARE(parseRetryAfter("soon", now), std::optional<int>());
    }

    void secretsAreRedacted()
    {
        QCOMPARE(redactSecrets(QStringLiteral("https://www.alphavantage.co/query?function=TIME_SERIES_DAILY&symbol=META&apikey=ABC123")),
                 QStringLiteral("https://www.alphavantage.co/query?function=TIME_SERIES_DAILY&symbol=META&apikey=***"));
        QCOMPARE(redactSecrets(QStringLiteral("https://finnhub.io/api/v1/company-news?symbol=META&token=zzz&from=2026-04-01")),
                 QStringLiteral("https://finnhub.io/api/v1/company-news?symbol=META&token=***&from=2026-04-01"));
    }

    // The whole path: fetch, parse, store, status; failures keep what is stored.
    void refresherKeepsStatusAndNeverDeletes()
    {
        twtest::TemporaryStore store;
        QVERIFY2(store.open(QStringLiteral("f.db"), QStringLiteral("fetch-test")), qPrintable(store.errorString()));
        QSqlDatabase db = store.database();
        FeedStore feeds(db);
        Feed good;
        good.url = m_server.url(QStringLiteral("/feed")).toString();
        good.ticker = QStringLiteral("META");
        Feed consent;
        consent.url = m_server.url(QStringLiteral("/consent")).toString();
        Feed garbage;
        garbage.url = m_server.url(QStringLiteral("/garbage")).toString();
        Feed limited;
        limited.url = m_server.url(QStringLiteral("/busy-long")).toString();
        for (Feed *f : {&good, &consent, &garbage, &limited}) {
            auto id = feeds.add(*f);
            QVERIFY(id.ok());
            f->id = *id;
        }
        FeedRefresher refresher(db);
        int applyFailures = 0;
        auto runOnce = [&](const QList<Feed> &list) -> QDateTime {
            QList<FetchRequest> requests;
            for (const Feed &f : list)
                requests << FeedRefresher::requestFor(*feeds.byId(f.id)->operator->());
            const QDateTime now = QDateTime::currentDateTimeUtc();
            for (const FetchResult &r : fetchAll(requests)) {
                auto feed = feeds.byId(r.request.feedId);
                if (!refresher.apply(**feed, r, now).ok())
                    ++applyFailures;
            }
            return now;
        };
        const QDateTime firstRun = runOnce({good, consent, garbage, limited});
        QCOMPARE(applyFailures, 0);
        auto g = **feeds.byId(good.id);
        QCOMPARE(g.lastState, FeedState::Ok);
        QCOMPARE(g.etag, QStringLiteral("\"v1\""));
        QCOMPARE(g.title, QStringLiteral("Nasdaq - META"));
        QCOMPARE(g.nextDue, firstRun.addSecs(900));
        QCOMPARE(*ArticleStore(db).count(), qint64(2));

        auto c = **feeds.byId(consent.id);
        QCOMPARE(c.lastState, FeedState::Provider);
        QVERIFY(c.lastError.contains(QStringLiteral("consent")));
        QVERIFY(c.etag.isEmpty());   // an error page's validators are not kept
        QCOMPARE(c.consecutiveFailures, 1);
        QCOMPARE(c.nextDue, firstRun.addSecs(900));

        auto x = **feeds.byId(garbage.id);
        QCOMPARE(x.lastState, FeedState::Parse);
        QVERIFY(x.lastError.startsWith(QStringLiteral("not a feed")));

        auto l = **feeds.byId(limited.id);
        QCOMPARE(l.lastState, FeedState::Http);
        QCOMPARE(l.nextDue, firstRun.addSecs(3600));   // Retry-After beats the interval

        // Second round: 304 for the good feed; backoff doubles for the consent page.
        const QDateTime secondRun = runOnce({good, consent});
        g = **feeds.byId(good.id);
        QCOMPARE(g.lastState, FeedState::NotModified);
        QCOMPARE(*ArticleStore(db).count(), qint64(2));
        c = **feeds.byId(consent.id);
        QCOMPARE(c.consecutiveFailures, 2);
        QCOMPARE(c.nextDue, secondRun.addSecs(1800));
    }

    void backoffIsCappedAtADay()
    {
        Feed f;
        f.intervalSeconds = 900;
        const QDateTime now(QDate(2026, 4, 8), QTime(12, 0), Qt::UTC);
        QCOMPARE(FeedRefresher::nextDueAfterFailure(f, 1, now, std::nullopt), now.addSecs(900));
        QCOMPARE(FeedRefresher::nextDueAfterFailure(f, 3, now, std::nullopt), now.addSecs(3600));
        QCOMPARE(FeedRefresher::nextDueAfterFailure(f, 30, now, std::nullopt), now.addSecs(86400));
    }

    void keyedKindsGetTheirKeyAtRequestTime()
    {
        Feed av;
        av.kind = FeedKind::AlphaVantageDaily;
        av.url = QStringLiteral("https://www.alphavantage.co/query?function=TIME_SERIES_DAILY&symbol=META");
        const auto request = FeedRefresher::requestFor(av, [](const QString &provider) {
            return provider == QLatin1String("alphavantage") ? QStringLiteral("K3Y") : QString();
        });
        QCOMPARE(request.url.query(), QStringLiteral("function=TIME_SERIES_DAILY&symbol=META&apikey=K3Y"));
        Feed news;
        news.url = QStringLiteral("https://example.com/feed");
        QCOMPARE(FeedRefresher::requestFor(news, [](const QString &) { return QStringLiteral("nope"); }).url,
                 QUrl(QStringLiteral("https://example.com/feed")));
    }

private:
    twtest::TestHttpServer m_server;
    twtest::TestHttpServer m_politeServer;   // its own, so earlier slow answers do not count
    twtest::TestHttpServer m_yahooServer;    // chart, cookie page and crumb, as Yahoo answers them
    int m_flakyCalls = 0;
    int m_busyCalls = 0;
};

QTEST_GUILESS_MAIN(TestFetchScheduler)
#include "tst_fetchscheduler.moc"
