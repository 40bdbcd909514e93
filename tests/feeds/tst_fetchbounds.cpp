#include "feeds/fetch/feedfetch.h"
#include "feeds/fetch/fetchscheduler.h"
#include "feeds/ingest/feedbatchrun.h"
#include "feeds/ingest/feedrefresher.h"
#include "feeds/keys/apikeyproviders.h"
#include "fetchone.h"
#include "models/store/articlestore.h"
#include "models/store/feedstore.h"
#include "models/store/storeconnection.h"
#include "streamingserver.h"
#include "quickfetchpolicy.h"
#include "testhttpserver.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <zlib.h>

using namespace tw;
using twtest::answer;
using twtest::fetchOne;
using twtest::HttpRequest;
using twtest::httpResponse;
using twtest::quickFetchPolicy;
using twtest::StreamingServer;

// Hostile servers and hostile feed rows (#16): what a fetch may request,
// where a key may go, what an error may quote, and how long and how much a
// fetch may read. Every server is local; deadlines are short so the suite
// takes seconds.
namespace {
const QString kKey = QStringLiteral("SEKRETKEY4242XYZ");       // as the keychain would hand it out
const QString kUrlKey = QStringLiteral("URLKEY7777ABCD");      // typed into a feed's URL
const QByteArray kMarker = "PRIVATE-MARKER-d41d8cd9";          // what a local file holds

// zlib's three wrappers: gzip (31), zlib (15), raw deflate (-15).
QByteArray compressed(const QByteArray &data, int windowBits, qint64 extraZeros = 0)
{
    z_stream z{};
    deflateInit2(&z, 9, Z_DEFLATED, windowBits, 9, Z_DEFAULT_STRATEGY);
    QByteArray out;
    char buffer[64 * 1024];
    auto pump = [&](const QByteArray &in, int flush) {
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
        z.avail_in = uInt(in.size());
        do {
            z.next_out = reinterpret_cast<Bytef *>(buffer);
            z.avail_out = sizeof buffer;
            deflate(&z, flush);
            out.append(buffer, qsizetype(sizeof buffer - z.avail_out));
        } while (z.avail_out == 0);
    };
    pump(data, Z_NO_FLUSH);
    const QByteArray zeros(1024 * 1024, '\0');
    for (qint64 left = extraZeros; left > 0; left -= zeros.size())
        pump(zeros, Z_NO_FLUSH);
    pump({}, Z_FINISH);
    deflateEnd(&z);
    return out;
}

bool mentions(const QString &text, const QString &key)
{
    return text.contains(key.left(8), Qt::CaseInsensitive);
}

// A fetch and how long it took: the bounds are as much about time as bytes.
struct TimedFetch {
    FetchResult result;
    qint64 tookMs = 0;
};

TimedFetch timedFetch(const QUrl &url, const FetchPolicy &policy)
{
    QElapsedTimer clock;
    clock.start();
    FetchResult result = fetchOne(url, policy);
    return {result, clock.elapsed()};
}
} // namespace

class TestFetchBounds : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.listening());
        QVERIFY(m_dir.isValid());
        m_markerFile = twtest::writePrivateFile(m_dir, kMarker);
        QVERIFY(!m_markerFile.isEmpty());

        const QByteArray rss = twtest::readAll(twtest::fixture(QStringLiteral("rss/nasdaq-meta.rss")));
        m_server.route("/feed", [rss](const HttpRequest &) { return answer(httpResponse(200, "OK", rss)); });
        m_server.route("/to-file", [this](const HttpRequest &) {
            return answer(httpResponse(302, "Found", {}, {{"Location", QUrl::fromLocalFile(m_markerFile).toEncoded()}}));
        });
        m_server.route("/to-data", [](const HttpRequest &) {
            return answer(httpResponse(302, "Found", {}, {{"Location", "data:text/plain,hello"}}));
        });
        m_server.route("/query", [](const HttpRequest &) {
            return answer(httpResponse(200, "OK", twtest::readAll(twtest::fixture(QStringLiteral("errors/alphavantage-note.json"))),
                                       {{"Content-Type", "application/json"}}));
        });
        // Servers that echo the key they were sent, as some providers do.
        m_server.route("/echo-reason", [](const HttpRequest &r) {
            const QByteArray key = QUrlQuery(QUrl::fromEncoded("http://h" + r.path)).queryItemValue(QStringLiteral("apikey")).toLatin1();
            return answer(httpResponse(401, "The API key " + key + " is invalid", "no"));
        });
        m_server.route("/echo-json", [](const HttpRequest &r) {
            const QByteArray key = QUrlQuery(QUrl::fromEncoded("http://h" + r.path)).queryItemValue(QStringLiteral("apikey")).toLatin1();
            return answer(httpResponse(200, "OK", "{\"Error Message\": \"Invalid API call. The apikey " + key + " is not valid.\"}",
                                       {{"Content-Type", "application/json"}}));
        });
        m_server.route("/echo-note-cut", [](const HttpRequest &r) {
            // The key straddles the sniffer's 200-character excerpt.
            const QByteArray key = QUrlQuery(QUrl::fromEncoded("http://h" + r.path)).queryItemValue(QStringLiteral("apikey")).toLatin1();
            const QByteArray note = QByteArray(193, 'n') + ' ' + key + " please wait.";
            return answer(httpResponse(200, "OK", "{\"Note\": \"" + note + "\"}", {{"Content-Type", "application/json"}}));
        });
        m_server.route("/echo-html", [](const HttpRequest &r) {
            const QByteArray key = QUrlQuery(QUrl::fromEncoded("http://h" + r.path)).queryItemValue(QStringLiteral("apikey")).toLatin1();
            return answer(httpResponse(200, "OK", "<html><head><title>Key " + key + " refused</title></head><body>no</body></html>",
                                       {{"Content-Type", "text/html"}}));
        });
        m_server.route("/private-text", [](const HttpRequest &) {
            return answer(httpResponse(200, "OK", "host:5432:*:bob:" + kMarker + "\nmore private lines\n", {{"Content-Type", "text/plain"}}));
        });
        m_server.route("/late", [](const HttpRequest &) {
            return answer(httpResponse(429, "Too Many Requests", "later", {{"Retry-After", "999999999"}}));
        });
        m_server.route("/late-date", [](const HttpRequest &) {
            return answer(httpResponse(503, "Service Unavailable", "later", {{"Retry-After", "Fri, 01 Jan 2058 00:00:00 GMT"}}));
        });
        const QByteArray bomb = compressed("<rss version=\"2.0\"><channel>", 31, 64 * 1024 * 1024);
        m_bombBytes = bomb.size();
        m_server.route("/bomb", [bomb](const HttpRequest &) {
            return answer(httpResponse(200, "OK", bomb, {{"Content-Encoding", "gzip"}, {"Content-Type", "application/rss+xml"}}));
        });
        m_server.route("/damaged-gzip", [](const HttpRequest &) {
            const QByteArray damaged = QByteArray("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10) + QByteArray(200, '\xff');
            return answer(httpResponse(200, "OK", damaged, {{"Content-Encoding", "gzip"}}));
        });
        m_server.route("/short-gzip", [rss](const HttpRequest &) {
            const QByteArray gz = compressed(rss, 31);
            return answer(httpResponse(200, "OK", gz.left(gz.size() / 2), {{"Content-Encoding", "gzip"}}));
        });
        m_server.route("/zlib", [rss](const HttpRequest &) {
            return answer(httpResponse(200, "OK", compressed(rss, 15), {{"Content-Encoding", "deflate"}}));
        });
        m_server.route("/raw-deflate", [rss](const HttpRequest &) {
            return answer(httpResponse(200, "OK", compressed(rss, -15), {{"Content-Encoding", "deflate"}}));
        });
        // A server that labels its plain feed gzip (a CDN rule, a cached header).
        m_server.route("/plain-labelled-gzip", [rss](const HttpRequest &) {
            return answer(httpResponse(200, "OK", rss, {{"Content-Encoding", "gzip"}, {"Content-Type", "application/rss+xml"}}));
        });
        m_server.route("/brotli", [rss](const HttpRequest &) {
            return answer(httpResponse(200, "OK", rss, {{"Content-Encoding", "br"}}));
        });
    }

    // --- what may be fetched -------------------------------------------------

    void onlyHttpAndHttpsAreFetched()
    {
        for (const QUrl &url : {QUrl::fromLocalFile(m_markerFile), QUrl(QStringLiteral("data:text/plain,") + QString::fromLatin1(kMarker)),
                                QUrl(QStringLiteral("ftp://127.0.0.1/feed")), QUrl(QStringLiteral("qrc:/demo/articles.json"))}) {
            const FetchResult r = fetchOne(url);
            QCOMPARE(r.failure, FetchFailure::Refused);
            QCOMPARE(r.attempts, 1);
            QVERIFY(r.body.isEmpty());
            QVERIFY2(r.error.contains(QStringLiteral("only http and https")), qPrintable(r.error));
            QVERIFY(!r.error.contains(QString::fromLatin1(kMarker)));
        }
    }

    // A colleague with write access to the shared store adds a file:// row:
    // the fetch refuses it, and nothing of the file reaches the store.
    void fileFeedRowInTheStoreIsNeverRead()
    {
        auto store = openStore(QStringLiteral("file-row"));
        QSqlDatabase db = store->database();
        QSqlQuery insert(db);
        QVERIFY(insert.exec(QStringLiteral("INSERT INTO feeds (url, kind, title, created_utc) VALUES ('%1', 'news', 'innocent', 0)")
                                .arg(QUrl::fromLocalFile(m_markerFile).toString())));
        auto feeds = FeedStore(db).all();
        QVERIFY(feeds.ok());
        QCOMPARE(feeds->size(), 1);
        FeedBatchRun run(db, quickFetchPolicy(), {});
        const FeedRunSummary summary = run.runToCompletion(*feeds);
        QCOMPARE(summary.failed, 1);
        const Feed after = **FeedStore(db).byId(feeds->first().id);
        QVERIFY2(after.lastError.startsWith(QStringLiteral("refused: only http and https")), qPrintable(after.lastError));
        QVERIFY(!after.lastError.contains(QString::fromLatin1(kMarker)));
        QCOMPARE(*ArticleStore(db).count(), qint64(0));
    }

    void redirectsToOtherSchemesAreRefused()
    {
        for (const char *path : {"/to-file", "/to-data"}) {
            const int before = m_server.requestsFor(path);
            const FetchResult r = fetchOne(m_server.url(QString::fromLatin1(path)));
            QCOMPARE(r.failure, FetchFailure::Refused);
            QCOMPARE(r.attempts, 1);   // not retried: it would be refused again
            QCOMPARE(m_server.requestsFor(path) - before, 1);
            QVERIFY2(r.error.contains(QStringLiteral("redirect")), qPrintable(r.error));
            QVERIFY(!r.error.contains(QString::fromLatin1(kMarker)));
        }
    }

    // --- where a key may go --------------------------------------------------

    void keysGoOnlyToTheirProvidersHttpsHosts()
    {
        const KeyLookup keys = [](const QString &provider) -> QString { return QStringLiteral("KEY-") + provider.toUpper(); };
        auto urlFor = [&](FeedKind kind, const QString &url) {
            Feed f;
            f.kind = kind;
            f.url = url;
            f.ticker = QStringLiteral("META");
            return FeedRefresher::requestFor(f, keys);
        };
        const auto av = urlFor(FeedKind::AlphaVantageDaily, QStringLiteral("https://www.alphavantage.co/query?function=TIME_SERIES_DAILY&symbol=META"));
        QCOMPARE(QUrlQuery(av.url).queryItemValue(QStringLiteral("apikey")), QStringLiteral("KEY-ALPHAVANTAGE"));
        QVERIFY(av.secrets.contains(QStringLiteral("KEY-ALPHAVANTAGE")));
        const auto fh = urlFor(FeedKind::FinnhubNews, QStringLiteral("https://finnhub.io/api/v1/company-news?symbol=META"));
        QCOMPARE(QUrlQuery(fh.url).queryItemValue(QStringLiteral("token")), QStringLiteral("KEY-FINNHUB"));

        // Same kind, wrong place: no key, whatever the URL looks like.
        const QStringList elsewhere = {
            QStringLiteral("http://www.alphavantage.co/query?function=TIME_SERIES_DAILY"),         // plain http
            QStringLiteral("https://www.alphavantage.co:8443/query?function=TIME_SERIES_DAILY"),   // another port
            QStringLiteral("https://www.alphavantage.co.evil.example/query"),                      // a lookalike host
            QStringLiteral("https://www.alphavantage.co@evil.example/query"),                      // user info, other host
            QStringLiteral("https://evil.example/www.alphavantage.co/query"),
            QStringLiteral("https://finnhub.io/query?function=TIME_SERIES_DAILY"),                  // another provider's host
            QStringLiteral("https://127.0.0.1/query"),
        };
        for (const QString &url : elsewhere) {
            const auto r = urlFor(FeedKind::AlphaVantageDaily, url);
            QVERIFY2(!r.url.toString().contains(QStringLiteral("KEY-")), qPrintable(r.url.toString()));
            QCOMPARE(r.keyWithheld, QStringLiteral("alphavantage"));
        }
        QVERIFY(!urlFor(FeedKind::News, QStringLiteral("https://www.alphavantage.co/query")).url.toString().contains(QStringLiteral("KEY-")));
    }

    // End to end: a keyed feed pointing at a plain-http server never sends
    // the key (the server's own record says so), and its error says why.
    void keyedFeedAtAPlainHttpServerGetsNoKey()
    {
        auto store = openStore(QStringLiteral("keyed"));
        QSqlDatabase db = store->database();
        Feed feed;
        feed.kind = FeedKind::AlphaVantageDaily;
        feed.ticker = QStringLiteral("META");
        feed.url = m_server.url(QStringLiteral("/query")).toString() + QStringLiteral("?function=TIME_SERIES_DAILY&symbol=META");
        feed.id = *FeedStore(db).add(feed);
        int asked = 0;
        FeedBatchRun run(db, quickFetchPolicy(), [&](const QString &) {
            ++asked;
            return kKey;
        });
        const qsizetype before = m_server.requests().size();
        run.runToCompletion({feed});
        QCOMPARE(m_server.requests().size(), before + 1);
        const HttpRequest &sent = m_server.requests().last();
        QVERIFY(sent.path.startsWith("/query?function=TIME_SERIES_DAILY&symbol=META"));
        QVERIFY2(!sent.path.contains(kKey.toLatin1()), sent.path.constData());
        for (const QByteArray &value : sent.headers)
            QVERIFY(!value.contains(kKey.toLatin1()));
        QCOMPARE(asked, 0);   // not even read from the keychain
        const Feed after = **FeedStore(db).byId(feed.id);
        QVERIFY2(after.lastError.contains(QStringLiteral("the alphavantage key was not sent")), qPrintable(after.lastError));
    }

    // --- what an error may say -----------------------------------------------

    void echoedKeysAreRedactedFromStoredErrors()
    {
        auto store = openStore(QStringLiteral("echo"));
        QSqlDatabase db = store->database();
        QList<Feed> feeds;
        for (const char *path : {"/echo-reason", "/echo-json", "/echo-note-cut", "/echo-html"}) {
            Feed f;
            f.kind = FeedKind::AlphaVantageDaily;
            f.ticker = QStringLiteral("META");
            f.url = m_server.url(QString::fromLatin1(path)).toString() + QStringLiteral("?function=X&apikey=") + kUrlKey;
            f.id = *FeedStore(db).add(f);
            feeds << f;
        }
        FeedBatchRun run(db, quickFetchPolicy(), {});
        QStringList shown;
        connect(&run, &FeedBatchRun::feedDone, this, [&](const FeedRunOutcome &o) { shown << o.refresh.feed.lastError << o.error; });
        QCOMPARE(run.runToCompletion(feeds).failed, 4);
        for (const Feed &f : feeds) {
            const Feed after = **FeedStore(db).byId(f.id);
            QVERIFY2(!after.lastError.isEmpty(), qPrintable(f.url));
            QVERIFY2(!mentions(after.lastError, kUrlKey), qPrintable(after.lastError));
            QVERIFY2(after.lastError.contains(QStringLiteral("***")), qPrintable(after.lastError));
        }
        for (const QString &text : shown)
            QVERIFY2(!mentions(text, kUrlKey), qPrintable(text));
        // The reason phrase is the server's own text, kept but redacted.
        QVERIFY(FeedStore(db).byId(feeds[0].id)->value().lastError.startsWith(QStringLiteral("HTTP 401 The API key *** is invalid")));
    }

    // A key the caller holds (from the keychain) is redacted from any feed's
    // message, even one whose request did not carry it.
    void knownKeysAreRedactedByValue()
    {
        auto store = openStore(QStringLiteral("known"));
        QSqlDatabase db = store->database();
        Feed feed;
        feed.url = QStringLiteral("https://news.example/feed");
        feed.id = *FeedStore(db).add(feed);
        FetchResult result;
        result.request.feedId = feed.id;
        result.request.url = QUrl(feed.url);
        result.httpStatus = 200;
        result.body = "<html><head><title>Your key " + kKey.toLower().toLatin1() + " was logged</title></head></html>";
        auto applied = FeedRefresher(db).apply(feed, result, QDateTime::currentDateTimeUtc(), {kKey});
        QVERIFY(applied.ok());
        QVERIFY2(!mentions(applied->feed.lastError, kKey), qPrintable(applied->feed.lastError));
        QVERIFY(!mentions(FeedStore(db).byId(feed.id)->value().lastError, kKey));
    }

    void unrecognisedBodiesAreNotQuoted()
    {
        auto store = openStore(QStringLiteral("private"));
        QSqlDatabase db = store->database();
        Feed feed;
        feed.url = m_server.url(QStringLiteral("/private-text")).toString();
        feed.id = *FeedStore(db).add(feed);
        FeedBatchRun run(db, quickFetchPolicy(), {});
        run.runToCompletion({feed});
        const Feed after = **FeedStore(db).byId(feed.id);
        QCOMPARE(after.lastState, FeedState::Parse);
        QVERIFY2(after.lastError.startsWith(QStringLiteral("not a feed: unrecognised content (")), qPrintable(after.lastError));
        QVERIFY(!after.lastError.contains(QString::fromLatin1(kMarker)));
        QVERIFY(!after.lastError.contains(QStringLiteral("bob")));
    }

    // --- how much and how long -----------------------------------------------

    void sizeCapIsEnforcedWhileReading()
    {
        StreamingServer endless(StreamingServer::Mode::Endless);
        FetchPolicy p = quickFetchPolicy();
        p.maxBodyBytes = 2 * 1024 * 1024;
        const auto [r, took] = timedFetch(endless.url(), p);
        QCOMPARE(r.failure, FetchFailure::TooLarge);
        QCOMPARE(r.attempts, 1);
        QVERIFY(r.body.isEmpty());
        QVERIFY2(r.error.contains(QStringLiteral("cap")), qPrintable(r.error));
        QVERIFY2(took < 5000, qPrintable(QString::number(took)));
        QTest::qWait(200);   // what the server managed to hand over before the reply was aborted
        // Socket buffers hold a few MiB; a fetch that read to the deadline would take hundreds.
        QVERIFY2(endless.bytesSent() < p.maxBodyBytes + 24 * 1024 * 1024, qPrintable(QString::number(endless.bytesSent())));
    }

    void gzipBombStopsAtTheCap()
    {
        FetchPolicy p = quickFetchPolicy();
        p.maxBodyBytes = 1024 * 1024;
        const int before = m_server.requestsFor("/bomb");
        const auto [r, took] = timedFetch(m_server.url(QStringLiteral("/bomb")), p);
        QCOMPARE(r.failure, FetchFailure::TooLarge);
        QCOMPARE(r.attempts, 1);
        QCOMPARE(m_server.requestsFor("/bomb") - before, 1);
        QVERIFY2(r.error.contains(QStringLiteral("once decompressed")) && r.error.contains(QStringLiteral("compression bomb")),
                 qPrintable(r.error));
        QVERIFY2(took < 3000, qPrintable(QString::number(took)));
        QVERIFY(m_bombBytes < 200 * 1024);   // the fixture is a bomb: 64 MiB in a few dozen KiB
    }

    void damagedGzipIsNamedAndNotRetried()
    {
        const int before = m_server.requestsFor("/damaged-gzip");
        const FetchResult r = fetchOne(m_server.url(QStringLiteral("/damaged-gzip")));
        QCOMPARE(r.failure, FetchFailure::Decompression);
        QCOMPARE(r.attempts, 1);
        QCOMPARE(m_server.requestsFor("/damaged-gzip") - before, 1);
        QVERIFY2(r.error.startsWith(QStringLiteral("the server sent a damaged gzip body")), qPrintable(r.error));
        QVERIFY(!r.error.contains(QStringLiteral("Decompression failed: ")));

        const FetchResult cut = fetchOne(m_server.url(QStringLiteral("/short-gzip")));
        QCOMPARE(cut.failure, FetchFailure::Decompression);
        QVERIFY2(cut.error.contains(QStringLiteral("ends before")), qPrintable(cut.error));

        const FetchResult br = fetchOne(m_server.url(QStringLiteral("/brotli")));
        QCOMPARE(br.failure, FetchFailure::Decompression);
        QVERIFY2(br.error.contains(QStringLiteral("not asked for (br)")), qPrintable(br.error));
    }

    void plainBodyLabelledGzipIsReadAsIs()
    {
        const FetchResult r = fetchOne(m_server.url(QStringLiteral("/plain-labelled-gzip")));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.body, twtest::readAll(twtest::fixture(QStringLiteral("rss/nasdaq-meta.rss"))));
    }

    void deflateBodiesInflate()
    {
        const QByteArray rss = twtest::readAll(twtest::fixture(QStringLiteral("rss/nasdaq-meta.rss")));
        for (const char *path : {"/zlib", "/raw-deflate"}) {
            const FetchResult r = fetchOne(m_server.url(QString::fromLatin1(path)));
            QVERIFY2(r.ok(), qPrintable(r.error));
            QCOMPARE(r.body, rss);
        }
        QCOMPARE(m_server.requests().last().headers.value("accept-encoding"), QByteArray("gzip, deflate"));
    }

    // One deadline for the whole fetch, retries included (it was 4 × the
    // timeout, 247 s by default).
    void silentServerEndsAtTheDeadline()
    {
        StreamingServer silent(StreamingServer::Mode::Silent);
        FetchPolicy p = quickFetchPolicy();
        p.deadlineMs = 1500;
        p.stallTimeoutMs = 700;
        const auto [r, took] = timedFetch(silent.url(), p);
        QCOMPARE(r.failure, FetchFailure::Timeout);
        QVERIFY2(took >= 1400 && took < 3000, qPrintable(QString::number(took)));
        QVERIFY2(r.attempts >= 2, qPrintable(QString::number(r.attempts)));   // a timeout is retried within the deadline
        QVERIFY2(r.error.contains(QStringLiteral("deadline")), qPrintable(r.error));
    }

    void dribblingServerEndsAtTheDeadline()
    {
        StreamingServer dribble(StreamingServer::Mode::Dribble, 100);
        FetchPolicy p = quickFetchPolicy();
        p.deadlineMs = 1500;
        const auto [r, took] = timedFetch(dribble.url(), p);
        QCOMPARE(r.failure, FetchFailure::Timeout);
        QCOMPARE(r.attempts, 1);
        QVERIFY2(took >= 1400 && took < 3000, qPrintable(QString::number(took)));
        QVERIFY2(r.error.contains(QStringLiteral("within the 1.5 s deadline")), qPrintable(r.error));
    }

    void retryAfterIsClamped()
    {
        const QDateTime now(QDate(2026, 4, 8), QTime(12, 0), Qt::UTC);
        QCOMPARE(parseRetryAfter("999999999", now), std::optional<int>(kMaxRetryAfterSeconds));
        QCOMPARE(parseRetryAfter("99999999999999999999999", now), std::optional<int>(kMaxRetryAfterSeconds));
        QCOMPARE(parseRetryAfter("Fri, 01 Jan 2058 00:00:00 GMT", now), std::optional<int>(kMaxRetryAfterSeconds));
        QCOMPARE(parseRetryAfter("120", now), std::optional<int>(120));
        QCOMPARE(kMaxRetryAfterSeconds, 6 * 3600);

        auto store = openStore(QStringLiteral("late"));
        QSqlDatabase db = store->database();
        for (const char *path : {"/late", "/late-date"}) {
            Feed feed;
            feed.url = m_server.url(QString::fromLatin1(path)).toString();
            feed.id = *FeedStore(db).add(feed);
            const FetchResult r = fetchOne(QUrl(feed.url));
            QCOMPARE(r.attempts, 1);   // a long wait is not waited out within the fetch
            QCOMPARE(r.retryAfterSeconds, std::optional<int>(kMaxRetryAfterSeconds));
            const QDateTime at = QDateTime::currentDateTimeUtc();
            const Feed after = FeedRefresher(db).apply(feed, r, at)->feed;
            QCOMPARE(after.nextDue, at.addSecs(6 * 3600));
        }
        // A result from anywhere else is clamped as well.
        Feed f;
        QCOMPARE(FeedRefresher::nextDueAfterFailure(f, 1, now, 999999999), now.addSecs(6 * 3600));
    }

private:
    std::unique_ptr<StoreConnection> openStore(const QString &name)
    {
        auto store = StoreConnection::open(m_dir.filePath(name + QStringLiteral(".db")), name);
        if (!store)
            qFatal("%s", qPrintable(store.errorMessage()));
        return std::move(store.value());
    }

    QTemporaryDir m_dir;
    QString m_markerFile;
    twtest::TestHttpServer m_server;
    qsizetype m_bombBytes = 0;
};

QTEST_GUILESS_MAIN(TestFetchBounds)
#include "tst_fetchbounds.moc"
