// FeedRefresher's dispatch: one sniff of the fetched body (with the HTTP
// charset), the parser its format names, and a status that says what
// happened: repaired damage and decoding as a warning, nothing recovered as
// an error ("0 items: <why>").

#include "feeds/ingest/feedrefresher.h"
#include "feeds/keys/apikeyproviders.h"
#include "models/store/articlestore.h"
#include "models/store/feedstore.h"
#include "models/store/storeconnection.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace tw;

namespace {
const QDateTime kNow(QDate(2026, 4, 20), QTime(9, 0), Qt::UTC);

FetchResult served(const QByteArray &body, const QString &contentType = {})
{
    FetchResult r;
    r.httpStatus = 200;
    r.body = body;
    r.contentType = contentType;
    r.finalUrl = QUrl(QStringLiteral("https://wire.example.com/feed"));
    return r;
}
} // namespace

class TestFeedRefresher : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_store.reset();   // its connection name is taken again below
        m_dir = std::make_unique<QTemporaryDir>();
        auto store = StoreConnection::open(m_dir->filePath(QStringLiteral("r.db")), QStringLiteral("refresher-test"));
        QVERIFY(store.ok());
        m_store = std::move(*store);
    }

    void httpCharsetDecidesForAnUndeclaredBody()
    {
        QStringEncoder cp1251("windows-1251");
        const QByteArray body = QByteArray("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>W</title><item><title>")
                              + QByteArray(cp1251.encode(QStringLiteral("\u0413\u0430\u0437\u043f\u0440\u043e\u043c")))
                              + "</title><link>https://wire.example.com/a</link></item></channel></rss>";
        const Feed feed = added();
        auto applied = FeedRefresher(db()).apply(feed, served(body, QStringLiteral("application/rss+xml; charset=windows-1251")), kNow);
        QVERIFY(applied.ok());
        QCOMPARE(applied->feed.lastState, FeedState::Ok);
        QVERIFY(applied->feed.lastError.isEmpty());
        QCOMPARE(storedTitles(), QStringList{QStringLiteral("\u0413\u0430\u0437\u043f\u0440\u043e\u043c")});
    }

    void repairedDamageIsAWarningInTheStatus()
    {
        const QByteArray body = "<rss version=\"2.0\"><channel><title>W&nbsp;ire</title>"
                                "<item><title>AT&T sells unit</title><link>https://wire.example.com/a?x=1&y=2</link></item>"
                                "<item><title>Second</title><link>https://wire.example.com/b</link></item></channel></rss>";
        auto applied = FeedRefresher(db()).apply(added(), served(body), kNow);
        QVERIFY(applied.ok());
        QCOMPARE(applied->feed.lastState, FeedState::Ok);
        QCOMPARE(applied->items, 2);
        QVERIFY2(applied->feed.lastError.startsWith(QStringLiteral("warning: 2 items recovered from a damaged document (")),
                 qPrintable(applied->feed.lastError));
        QCOMPARE(applied->warnings.size(), 1);
        QCOMPARE(applied->feed.consecutiveFailures, 0);
        // The status stored is the one returned.
        QCOMPARE((*FeedStore(db()).byId(applied->feed.id))->lastError, applied->feed.lastError);
    }

    void nothingRecoveredIsAnError()
    {
        const QByteArray body = "<rss version=\"2.0\"><channel><title>W</title><item><title>Contoso raises guid";
        auto applied = FeedRefresher(db()).apply(added(), served(body), kNow);
        QVERIFY(applied.ok());
        QCOMPARE(applied->feed.lastState, FeedState::Parse);
        QVERIFY2(applied->feed.lastError.startsWith(QStringLiteral("0 items: ")), qPrintable(applied->feed.lastError));
        QCOMPARE(applied->feed.consecutiveFailures, 1);
        QVERIFY(storedTitles().isEmpty());
    }

    // The site's address added instead of its feed's: the status names the
    // feed the page links to (WordPress's head, a relative href).
    void aSitesPageNamesTheFeedItLinksTo()
    {
        const QByteArray page = "<!DOCTYPE html>\n<html lang=\"en-US\"><head><meta charset=\"UTF-8\">"
                                "<title>Contoso Newsroom</title>\n"
                                "<link rel='dns-prefetch' href='//s.w.org' />\n"
                                "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Contoso Newsroom &raquo; Feed\" "
                                "href=\"/news/feed/\" />\n"
                                "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Contoso Newsroom &raquo; Comments Feed\" "
                                "href=\"/news/comments/feed/\" />\n"
                                "</head><body><h1>Contoso Newsroom</h1></body></html>";
        auto applied = FeedRefresher(db()).apply(added(), served(page, QStringLiteral("text/html; charset=UTF-8")), kNow);
        QVERIFY(applied.ok());
        QCOMPARE(applied->feed.lastState, FeedState::Parse);
        QCOMPARE(applied->feed.lastError,
                 QStringLiteral("not a feed: the server answered with an HTML page (\"Contoso Newsroom\"); "
                                "the page links to its feed: https://wire.example.com/news/feed/"));
    }

    void aPriceFeedNamesTheShapeItGot()
    {
        Feed feed;
        feed.url = QStringLiteral("https://stooq.example.com/q/d/l/?s=meta.us&i=d");
        feed.kind = FeedKind::Stooq;
        feed.ticker = QStringLiteral("META");
        feed.id = *FeedStore(db()).add(feed);
        const QByteArray chart = twtest::readAll(twtest::fixture(QStringLiteral("prices/yahoo-chart-meta.json")));
        auto applied = FeedRefresher(db()).apply(feed, served(chart, QStringLiteral("application/json")), kNow);
        QVERIFY(applied.ok());
        QCOMPARE(applied->feed.lastState, FeedState::Parse);
        QVERIFY2(applied->feed.lastError.contains(QStringLiteral("expected stooq data, the body is yahoo-chart")),
                 qPrintable(applied->feed.lastError));
    }

    void keysComeFromTheKindTable()
    {
        for (const FeedKindInfo &kind : kFeedKinds) {
            const auto provider = apiKeyProviderFor(kind.kind);
            QCOMPARE(provider.has_value(), kind.keyProvider != nullptr);
            Feed feed;
            feed.kind = kind.kind;
            feed.url = QStringLiteral("https://%1/x").arg(provider ? provider->hosts.first() : QStringLiteral("api.example.com"));
            const QUrl url = FeedRefresher::requestFor(feed, [](const QString &id) -> QString { return id + QStringLiteral("-key"); }).url;
            if (provider)
                QCOMPARE(url.query(), QStringLiteral("%1=%2-key").arg(provider->parameter, QLatin1String(kind.keyProvider)));
            else
                QVERIFY(url.query().isEmpty());
        }
    }

private:
    QSqlDatabase db() const { return m_store->database(); }

    Feed added()
    {
        Feed feed;
        feed.url = QStringLiteral("https://wire.example.com/feed%1").arg(++m_feeds);
        feed.id = *FeedStore(db()).add(feed);
        return feed;
    }

    QStringList storedTitles() const
    {
        QStringList titles;
        QSqlQuery q(db());
        q.exec(QStringLiteral("SELECT title FROM articles ORDER BY id"));
        while (q.next())
            titles << q.value(0).toString();
        return titles;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreConnection> m_store;
    int m_feeds = 0;
};

QTEST_GUILESS_MAIN(TestFeedRefresher)
#include "tst_feedrefresher.moc"
