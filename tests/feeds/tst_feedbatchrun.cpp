// FeedBatchRun fetches on a thread of its own and parses on the thread pool,
// storing on the caller's thread: many feeds through a local server must end
// as they do when each is fetched and applied alone, one after another, and a
// feed that fails (not a feed, a server error) between good ones keeps its own status.
#include "feeds/fetch/fetchscheduler.h"
#include "feeds/ingest/feedbatchrun.h"
#include "feeds/ingest/feedrefresher.h"
#include "models/pipeline/articleanalyser.h"
#include "models/pipeline/articleingestor.h"
#include "models/store/articlestore.h"
#include "models/store/feedstore.h"
#include "models/store/sqlexec.h"
#include "models/store/storedcontentcheck.h"
#include "models/store/storeconnection.h"
#include "models/store/tickerstore.h"
#include "models/store/walcheckpoint.h"
#include "quickfetchpolicy.h"
#include "testhttpserver.h"

#include <QSqlQuery>
#include <QTimeZone>
#include <QTemporaryDir>
#include <QTest>

using namespace tw;
using namespace twtest;

namespace {
constexpr int kFeeds = 60;

// Feed n: 30 stories, one in three naming Meta; n % 15 == 4 is an HTML page
// (parse fails), n % 15 == 9 a server error; n % 15 == 12 is Windows-1252
// named only by the HTTP header, with a bare '&' the reader repairs (a warning).
QByteArray newsRss(int n)
{
    QByteArray items;
    for (int k = 1; k <= 30; ++k) {
        const QByteArray id = QByteArray::number(n) + '-' + QByteArray::number(k);
        const QByteArray about = k % 3 == 0 ? "Meta Platforms shares rose 3% after strong advertising revenue in story "
                                            : "A regional bank reported steady deposits in story ";
        items += "<item><title>Story " + id + "</title><link>https://wire.example.com/" + id
            + "</link><guid isPermaLink=\"false\">wire-" + id + "</guid><pubDate>Mon, 30 Nov 2026 14:"
            + QByteArray::number(10 + k) + ":00 GMT</pubDate><description>" + about + id + ".</description></item>\n";
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Wire "
        + QByteArray::number(n) + "</title><link>https://wire.example.com/</link>\n" + items + "</channel></rss>\n";
}

struct FeedRow {
    QString state, error, title, etag;
    int failures = 0;
    bool operator==(const FeedRow &) const = default;
};

// What a store holds, feed by feed, without times and ids.
struct StoreDump {
    QMap<QString, FeedRow> feeds;   // by URL
    QStringList articles;           // "feed URL|guid|title|links"
    QStringList scores;             // "guid|ticker|label"
    int events = 0;
};

QList<Feed> allFeeds(QSqlDatabase db)
{
    auto all = FeedStore(db).all();
    if (!all)
        qFatal("feeds: %s", qPrintable(all.errorMessage()));
    return all.value();
}

StoreDump dump(QSqlDatabase db)
{
    StoreDump d;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT url, last_state, last_error, title, etag, consecutive_failures FROM feeds"));
    while (q.next())
        d.feeds.insert(q.value(0).toString(), {q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                                               q.value(4).toString(), q.value(5).toInt()});
    q.exec(QStringLiteral("SELECT f.url, a.guid, a.title, (SELECT group_concat(ticker) FROM article_tickers t "
                          "WHERE t.article_id = a.id) FROM articles a JOIN feeds f ON f.id = a.feed_id"));
    while (q.next())
        d.articles << QStringList{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                  q.value(3).toString()}
                          .join(QLatin1Char('|'));
    d.articles.sort();
    q.exec(QStringLiteral("SELECT a.guid, s.ticker, s.label FROM article_scores s JOIN articles a ON a.id = s.article_id"));
    while (q.next())
        d.scores << QStringList{q.value(0).toString(), q.value(1).toString(), q.value(2).toString()}.join(QLatin1Char('|'));
    d.scores.sort();
    q.exec(QStringLiteral("SELECT count(*) FROM events"));
    d.events = q.next() ? q.value(0).toInt() : -1;
    return d;
}

// A batch stored as FeedBatchRun stores a group: one transaction, the
// analyses found ahead (or none).
void ingestInOneTransaction(StoreConnection &store, const QList<Article> &batch, const AnalysedArticles *ahead)
{
    ArticleIngestor ingestor(store.database());
    Transaction tx(store.database());
    QVERIFY(tx.active());
    QVERIFY(ingestor.ingestInTransaction(batch, ahead).ok());
    QVERIFY(ingestor.finishInTransaction().ok());
    QVERIFY(tx.commit().ok());
}
} // namespace

class TestFeedBatchRun : public QObject {
    Q_OBJECT

    TestHttpServer m_server;
    QTemporaryDir m_dir;
    int m_stores = 0;

    // A store following Meta with the kFeeds feeds on the local server.
    std::unique_ptr<StoreConnection> store()
    {
        const int n = ++m_stores;
        auto opened = StoreConnection::open(m_dir.filePath(QStringLiteral("store-%1.db").arg(n)),
                                            QStringLiteral("batch-%1").arg(n));
        if (!opened)
            qFatal("store: %s", qPrintable(opened.errorMessage()));
        std::unique_ptr<StoreConnection> s = std::move(opened.value());
        TickerInfo meta;
        meta.symbol = QStringLiteral("META");
        meta.name = QStringLiteral("Meta Platforms, Inc.");
        meta.aliases = {QStringLiteral("Meta Platforms"), QStringLiteral("Meta")};
        if (!TickerStore(s->database()).upsert(meta))
            qFatal("watchlist");
        for (int n = 1; n <= kFeeds; ++n) {
            Feed f;
            f.url = m_server.url(QStringLiteral("/feed/%1").arg(n)).toString();
            if (!FeedStore(s->database()).add(f))
                qFatal("feeds add");
        }
        return s;
    }

    static FetchPolicy policy()
    {
        FetchPolicy p = quickFetchPolicy();
        p.maxRetries = 0;   // a 500 fails at once
        return p;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.listening());
        QVERIFY(m_dir.isValid());
        for (int n = 1; n <= kFeeds; ++n) {
            m_server.route("/feed/" + QByteArray::number(n), [n](const HttpRequest &) {
                if (n % 15 == 9)
                    return answer(httpResponse(500, "Internal Server Error", "upstream down\n"));
                if (n % 15 == 12) {
                    QByteArray body = newsRss(n).replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "");
                    body.replace(QByteArray("<title>Story " + QByteArray::number(n) + "-1<"), QByteArray("<title>Caf\xe9 & bar story<"));
                    return answer(httpResponse(200, "OK", body, {{"Content-Type", "application/rss+xml; charset=windows-1252"}}));
                }
                if (n % 15 == 4)
                    return answer(httpResponse(200, "OK", "<html><body><p>Please enable cookies.</p></body></html>",
                                               {{"Content-Type", "text/html"}}));
                // Some answer late, so results arrive out of request order.
                return answer(httpResponse(200, "OK", newsRss(n), {{"Content-Type", "application/rss+xml"}}),
                              n % 7 == 2 ? 60 : 0);
            });
        }
    }

    void threadedRunEndsAsOneFeedAtATime()
    {
        // One thread, one feed at a time: fetched alone, applied alone.
        auto alone = store();
        {
            FetchScheduler scheduler(policy());
            FeedRefresher refresher(alone->database());
            for (const Feed &f : allFeeds(alone->database())) {
                const FetchResult r = fetchToCompletion(scheduler, FeedRefresher::requestFor(f));
                QVERIFY(refresher.apply(f, r, QDateTime::currentDateTimeUtc()).ok());
            }
        }

        auto batched = store();
        const QList<Feed> feeds = allFeeds(batched->database());
        FeedBatchRun run(batched->database(), policy(), {});
        QList<FeedRunOutcome> outcomes;
        connect(&run, &FeedBatchRun::feedDone, this, [&](const FeedRunOutcome &o) { outcomes << o; });
        const FeedRunSummary summary = run.runToCompletion(feeds);
        QVERIFY(!run.running());

        // Every feed reported once, numbered in the order reported.
        QCOMPARE(outcomes.size(), kFeeds);
        QSet<qint64> reported;
        for (qsizetype i = 0; i < outcomes.size(); ++i) {
            QCOMPARE(outcomes[i].index, int(i + 1));
            QCOMPARE(outcomes[i].total, kFeeds);
            reported << outcomes[i].feed.id;
        }
        QCOMPARE(reported.size(), kFeeds);
        QCOMPARE(summary.failed, 8);   // 4 HTML pages, 4 server errors
        QCOMPARE(summary.ok, kFeeds - 8);
        QCOMPARE(summary.newArticles, (kFeeds - 8) * 30);

        // Each failing feed has its own status, its neighbours theirs.
        for (const FeedRunOutcome &o : outcomes) {
            const int n = o.feed.url.section(QLatin1Char('/'), -1).toInt();
            QVERIFY(o.stored);
            const FeedState expected = n % 15 == 9 ? FeedState::Http : n % 15 == 4 ? FeedState::Parse : FeedState::Ok;
            QVERIFY2(o.refresh.feed.lastState == expected, qPrintable(o.feed.url));
            QCOMPARE(o.refresh.changed, expected == FeedState::Ok ? 30 : 0);
        }

        const StoreDump a = dump(alone->database());
        const StoreDump b = dump(batched->database());
        // The charset from the header, the repair kept as a warning.
        QSqlQuery cafe(batched->database());
        QVERIFY(cafe.exec(QStringLiteral("SELECT count(*) FROM articles WHERE title = 'Caf\u00e9 & bar story'")));
        QVERIFY(cafe.next());
        QCOMPARE(cafe.value(0).toInt(), 4);
        const QString repaired = b.feeds.value(m_server.url(QStringLiteral("/feed/12")).toString()).error;
        QVERIFY2(repaired.startsWith(QStringLiteral("warning: ")), qPrintable(repaired));

        QCOMPARE(b.feeds.size(), kFeeds);
        for (auto it = a.feeds.cbegin(); it != a.feeds.cend(); ++it) {
            const FeedRow other = b.feeds.value(it.key());
            QVERIFY2(other == it.value(), qPrintable(it.key() + QStringLiteral(": ") + other.state + QLatin1Char(' ')
                                                     + other.error + QStringLiteral(" vs ") + it.value().state
                                                     + QLatin1Char(' ') + it.value().error));
        }
        QCOMPARE(b.articles.size(), (kFeeds - 8) * 30);
        QCOMPARE(b.articles, a.articles);
        QVERIFY(!b.scores.isEmpty());
        QCOMPARE(b.scores, a.scores);
        QCOMPARE(b.events, a.events);
    }

    // Links and events found ahead are used only when found for the tickers
    // the ingestor's stages are built for: a watchlist changed since is read again.
    void analysesFoundAheadAreUsedOnlyForTheSameTickers()
    {
        auto s = store();
        auto tickers = TickerStore(s->database()).all();
        QVERIFY(tickers.ok());
        QList<Article> articles;
        for (int k = 1; k <= 3; ++k) {
            Article a;
            a.guid = QStringLiteral("ahead-%1").arg(k);
            a.title = QStringLiteral("Meta Platforms shares rose 3% after strong advertising revenue, story %1").arg(k);
            a.published = QDateTime(QDate(2026, 11, 30), QTime(14, k), Qt::UTC);
            articles << a;
        }
        const AnalysedArticles same = ArticleAnalyser(*tickers).analyse(articles);
        QCOMPARE(same.articles.size(), 3);
        QCOMPARE(same.articles[0].links.size(), 1);
        QCOMPARE(same.articles[0].links[0].ticker, QStringLiteral("META"));
        AnalysedArticles stale = same;
        stale.tickersKey = QStringLiteral("META before the watchlist changed");
        for (ArticleAnalysis &a : stale.articles)
            a.links[0].ticker = QStringLiteral("NVDA");

        ArticleIngestor ingestor(s->database());
        auto ingestWith = [&](const QList<Article> &batch, const AnalysedArticles &ahead) {
            Transaction tx(s->database());
            QVERIFY(tx.active());
            QVERIFY(ingestor.ingestInTransaction(batch, &ahead).ok());
            QVERIFY(ingestor.finishInTransaction().ok());
            QVERIFY(tx.commit().ok());
        };
        ingestWith(articles.mid(0, 1), ArticleAnalyser(*tickers).analyse(articles.mid(0, 1)));
        AnalysedArticles staleTail = stale;
        staleTail.articles = stale.articles.mid(1);
        ingestWith(articles.mid(1), staleTail);
        QSqlQuery q(s->database());
        QVERIFY(q.exec(QStringLiteral("SELECT a.guid, t.ticker FROM article_tickers t JOIN articles a ON a.id = t.article_id "
                                      "ORDER BY a.guid")));
        QStringList links;
        while (q.next())
            links << q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString();
        QCOMPARE(links, (QStringList{QStringLiteral("ahead-1 META"), QStringLiteral("ahead-2 META"),
                                     QStringLiteral("ahead-3 META")}));
    }

    // Scores found ahead are the ones the ingestor finds itself, and are
    // stored as found when found by the model the ingestor scores with;
    // found by another model, they are found again.
    void scoresFoundAheadAreUsedOnlyForTheSameModel()
    {
        QList<Article> articles;
        for (int k = 1; k <= 4; ++k) {
            Article a;
            a.guid = QStringLiteral("scored-%1").arg(k);
            a.title = k % 2 ? QStringLiteral("Meta Platforms shares rose 3% after strong advertising revenue, story %1").arg(k)
                            : QStringLiteral("Meta shares slump as regulators open a probe into its ad business, story %1").arg(k);
            a.summary = QStringLiteral("Analysts said Meta's spending plans weigh on margins; story %1.").arg(k);
            a.published = QDateTime(QDate(2026, 11, 30), QTime(15, k), Qt::UTC);
            articles << a;
        }
        auto scoresOf = [](QSqlDatabase db) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT a.guid, s.ticker, s.score, s.label, s.confidence, s.spans, s.model_version "
                                  "FROM article_scores s JOIN articles a ON a.id = s.article_id ORDER BY a.guid"));
            QStringList rows;
            while (q.next())
                rows << QStringList{q.value(0).toString(), q.value(1).toString(), QString::number(q.value(2).toDouble(), 'g', 12),
                                    q.value(3).toString(), QString::number(q.value(4).toDouble(), 'g', 12),
                                    q.value(5).toString(), q.value(6).toString()}
                            .join(QLatin1Char('|'));
            return rows;
        };

        auto itself = store();
        ingestInOneTransaction(*itself, articles, nullptr);
        const QStringList expected = scoresOf(itself->database());
        QCOMPARE(expected.size(), 4);

        auto withAhead = store();
        auto tickers = TickerStore(withAhead->database()).all();
        QVERIFY(tickers.ok());
        const AnalysedArticles ahead = ArticleAnalyser(*tickers).analyse(articles);
        QVERIFY(!ahead.scoreModel.isEmpty());
        for (const ArticleAnalysis &a : ahead.articles) {
            QVERIFY(a.scores.has_value());
            QCOMPARE(a.scores->size(), 1);
            QCOMPARE(a.text.hash, ArticleStore::contentHash(articles.at(&a - ahead.articles.constData())));
        }
        ingestInOneTransaction(*withAhead, articles, &ahead);
        QCOMPARE(scoresOf(withAhead->database()), expected);

        // Marked, so it shows whether the ingestor took the scores or found them again.
        AnalysedArticles marked = ahead;
        for (ArticleAnalysis &a : marked.articles)
            (*a.scores)[0].score = 0.777;
        auto sameModel = store();
        ingestInOneTransaction(*sameModel, articles, &marked);
        QCOMPARE(*queryScalar(sameModel->database(), QStringLiteral("SELECT count(*) FROM article_scores WHERE score = 0.777")),
                 qint64(4));
        marked.scoreModel = QStringLiteral("another model");
        auto otherModel = store();
        ingestInOneTransaction(*otherModel, articles, &marked);
        QCOMPARE(scoresOf(otherModel->database()), expected);
    }

    // Articles stored unchanged are not analysed again (a re-fetch costs the
    // parse, not the linking, scoring and events storing would drop); one
    // marked so that turns out new or changed after all is analysed by the
    // ingestor itself, with the same links and scores as found ahead.
    void analysesAreSkippedForArticlesStoredUnchanged()
    {
        auto storyAbout = [](int k, const QString &title) {
            Article a;
            a.guid = QStringLiteral("refetch-%1").arg(k);
            a.url = QStringLiteral("https://wire.example.com/2026/11/30/refetch-%1").arg(k);
            a.source = QStringLiteral("Wire");
            a.title = title;
            a.summary = QStringLiteral("Analysts said Meta's advertising business keeps growing; story %1.").arg(k);
            a.published = QDateTime(QDate(2026, 11, 30), QTime(16, k), Qt::UTC);
            return a;
        };
        const QList<Article> first{
            storyAbout(1, QStringLiteral("Meta Platforms shares rose 3% after strong advertising revenue")),
            storyAbout(2, QStringLiteral("Meta shares slump as regulators open a probe into its ad business")),
        };
        auto linksOf = [](QSqlDatabase db) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT a.guid, t.ticker, s.label FROM articles a JOIN article_tickers t ON t.article_id = a.id "
                                  "JOIN article_scores s ON s.article_id = a.id AND s.ticker = t.ticker ORDER BY a.guid"));
            QStringList rows;
            while (q.next())
                rows << QStringList{q.value(0).toString(), q.value(1).toString(), q.value(2).toString()}.join(QLatin1Char('|'));
            return rows;
        };

        auto s = store();
        ingestInOneTransaction(*s, first, nullptr);
        auto tickers = TickerStore(s->database()).all();
        QVERIFY(tickers.ok());
        const ArticleAnalyser analyser(*tickers);
        auto check = StoredContentCheck::open(WalCheckpoint::fileOf(s->database()));
        QVERIFY(check.ok());

        // Again, one of them edited, with a new one.
        QList<Article> second = first;
        second[1].title = QStringLiteral("Meta shares slump further as regulators widen a probe into its ad business");
        second << storyAbout(3, QStringLiteral("Meta Platforms wins a large advertising contract in Japan"));
        const AnalysedArticles ahead = analyser.analyse(second, check->get());
        QCOMPARE(ahead.articles.size(), 3);
        QVERIFY(ahead.articles[0].storedUnchanged);
        QVERIFY(ahead.articles[0].links.isEmpty());   // not looked for
        QVERIFY(!ahead.articles[1].storedUnchanged);
        QVERIFY(!ahead.articles[2].storedUnchanged);
        QCOMPARE(ahead.articles[2].links.size(), 1);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(ahead.articles[i].text.hash, ArticleStore::contentHash(second[i]));   // texts always
        // With no tickers there is nothing to link, score or extract: no look-ups.
        QVERIFY(!ArticleAnalyser({}).analyse(second, check->get()).articles[0].storedUnchanged);

        // What the ingestor stores with them is what it stores finding everything itself.
        auto itself = store();
        ingestInOneTransaction(*itself, first, nullptr);
        const QStringList expectedFirst = linksOf(itself->database());
        QCOMPARE(expectedFirst.size(), 2);
        ingestInOneTransaction(*itself, second, nullptr);
        const QStringList expected = linksOf(itself->database());
        QCOMPARE(expected.size(), 3);
        ingestInOneTransaction(*s, second, &ahead);
        QCOMPARE(linksOf(s->database()), expected);

        // Found stored unchanged, then stored as new (another writer removed
        // it meanwhile): the ingestor finds its links and scores itself.
        auto removedMeanwhile = store();
        AnalysedArticles stale = analyser.analyse(first);
        for (ArticleAnalysis &a : stale.articles) {
            a.storedUnchanged = true;
            a.links.clear();
            a.scores.reset();
            a.events.clear();
        }
        ingestInOneTransaction(*removedMeanwhile, first, &stale);
        QCOMPARE(linksOf(removedMeanwhile->database()), expectedFirst);
        ingestInOneTransaction(*removedMeanwhile, second, nullptr);
        QCOMPARE(linksOf(removedMeanwhile->database()), expected);
    }

    // Feeds added while the run is going join it, and one run reports finished once.
    void feedsAddedMidRunJoin()
    {
        auto s = store();
        const QList<Feed> feeds = allFeeds(s->database());
        FeedBatchRun run(s->database(), policy(), {});
        int finished = 0, done = 0;
        connect(&run, &FeedBatchRun::finished, this, [&] { ++finished; });
        connect(&run, &FeedBatchRun::feedDone, this, [&](const FeedRunOutcome &o) {
            if (++done == 5)
                run.add(feeds.mid(30));   // from the first results on: the second half joins
            QVERIFY(o.total >= 30);
        });
        run.runToCompletion(feeds.mid(0, 30));
        QTRY_VERIFY(!run.running());
        QTest::qWait(100);
        QCOMPARE(done, kFeeds);
        QCOMPARE(finished, 1);
    }
};

QTEST_GUILESS_MAIN(TestFeedBatchRun)
#include "tst_feedbatchrun.moc"
