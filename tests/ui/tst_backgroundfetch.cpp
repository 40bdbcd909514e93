#include "feeds/ingest/backgroundfetcher.h"
#include "ui/panels/articlespanel.h"
#include "ui/panels/feedstatuspanel.h"
#include "models/read/articlelistmodel.h"
#include "models/store/feedstore.h"
#include "models/store/storeconnection.h"
#include "settingssandbox.h"
#include "storebackends.h"
#include "testhttpserver.h"
#include "ui/window/mainwindow.h"

#include <QAction>
#include <QEventLoop>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QProcess>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace tw;
using namespace twtest;

namespace {
// A small RSS 2.0 document of two stories, shaped like the wire feeds the
// default workspace reads (title, link, guid, RFC 822 pubDate, description).
QByteArray wireRss(int n)
{
    QByteArray items;
    for (int k = 1; k <= 2; ++k) {
        const QByteArray id = QByteArray::number(n) + '-' + QByteArray::number(k);
        items += "<item><title>Wire " + QByteArray::number(n) + " story " + QByteArray::number(k)
            + "</title><link>https://wire.example.com/" + id + "</link><guid isPermaLink=\"false\">wire-" + id
            + "</guid><pubDate>Mon, 30 Nov 2026 14:" + QByteArray::number(10 + k) + ":00 GMT</pubDate>"
            + "<description>Meta Platforms shares moved on wire story " + id + ".</description></item>\n";
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Wire "
        + QByteArray::number(n) + "</title><link>https://wire.example.com/</link><description>test wire</description>\n"
        + items + "</channel></rss>\n";
}

// Fast for a local server: no host spacing, no retries (a 500 fails at once).
FetchPolicy localPolicy()
{
    FetchPolicy p;
    p.perHostConcurrency = 8;
    p.maxConcurrent = 8;
    p.minHostSpacingMs = 0;
    p.maxRetries = 0;
    p.deadlineMs = 20000;
    return p;
}

int rowNamed(QTableWidget *table, const QString &name)
{
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->item(r, 0) && table->item(r, 0)->text() == name)
            return r;
    }
    return -1;
}

// Counts paint events of one widget: proof that the window repaints.
class PaintCounter : public QObject {
public:
    int paints = 0;
    bool eventFilter(QObject *, QEvent *e) override
    {
        if (e->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};
} // namespace

class TestBackgroundFetch : public QObject {
    Q_OBJECT

    twtest::SettingsSandbox m_settings{QStringLiteral("tst_backgroundfetch")};
    TestHttpServer m_server;
    int m_stores = 0;

    struct Workspace {
        QString path;
        std::unique_ptr<StoreConnection> store;
        QList<qint64> feedIds;
    };

    // A store with `count` news feeds /feed/1.. (or /slow/1..) on the local server.
    Workspace workspace(const QTemporaryDir &dir, int count, const QString &route = QStringLiteral("/feed/"))
    {
        return workspaceAt(dir.filePath(QStringLiteral("store.db")), count, route);
    }

    Workspace workspaceAt(const QString &location, int count, const QString &route = QStringLiteral("/feed/"))
    {
        Workspace w;
        w.path = location;
        auto store = StoreConnection::open(w.path, QStringLiteral("ui-%1").arg(++m_stores));
        if (!store)
            qFatal("store: %s", qPrintable(store.errorMessage()));
        w.store = std::move(store.value());
        FeedStore feeds(w.store->database());
        for (int n = 1; n <= count; ++n) {
            Feed f;
            f.url = m_server.url(route + QString::number(n)).toString();
            f.title = QStringLiteral("Wire %1").arg(n);
            w.feedIds << *feeds.add(f);
        }
        return w;
    }

private slots:
    void initTestCase()
    {
        qputenv("TICKERWIRE_KEYCHAIN_SERVICE", "tickerwire-test-backgroundfetch");
        QVERIFY(m_server.listening());
        // Feed n: every tenth (3, 13, ...) answers slowly, every tenth (7, 17, ...) with a 500.
        for (int n = 1; n <= 100; ++n) {
            const QByteArray path = "/feed/" + QByteArray::number(n);
            m_server.route(path, [n](const HttpRequest &) {
                if (n % 10 == 7)
                    return HttpResponse{httpResponse(500, "Internal Server Error", "upstream down\n"), 0, false};
                const QByteArray raw
                    = httpResponse(200, "OK", wireRss(n), {{"Content-Type", "application/rss+xml; charset=utf-8"}});
                return HttpResponse{raw, n % 10 == 3 ? 400 : 0, false};
            });
            m_server.route("/slow/" + QByteArray::number(n), [n](const HttpRequest &) {
                return HttpResponse{
                    httpResponse(200, "OK", wireRss(n), {{"Content-Type", "application/rss+xml"}}), 3000, false};
            });
        }
    }

    void aHundredFeedsAreFetchedWhileTheWindowKeepsTurning()
    {
        QTemporaryDir dir;
        Workspace w = workspace(dir, 100);
        MainWindow window(w.path);
        window.attachStore(w.store->database());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto *fetcher = new BackgroundFetcher(w.path, localPolicy());
        QSignalSpy finished(fetcher, &BackgroundFetcher::finished);
        window.attachFetcher(fetcher);
        auto *bar = window.findChild<QProgressBar *>(QStringLiteral("fetchProgress"));
        QVERIFY(bar);
        PaintCounter painted;
        bar->installEventFilter(&painted);

        int lastDone = 0, lastTotal = 0, barMax = 0, barValue = 0;
        QString barText, panelText;
        auto *feedPanel = window.findChild<FeedStatusPanel *>();
        connect(fetcher, &BackgroundFetcher::progress, this, [&](int done, int total) {
            lastDone = done;
            lastTotal = total;
            // The window's own slot ran first: this is what the status bar shows.
            barMax = bar->maximum();
            barValue = bar->value();
            barText = bar->format();
            panelText = feedPanel->progressText();   // the feed status panel says the same
        });
        // The UI thread's clock: ticks while the worker is busy prove the
        // event loop keeps turning; ticks at a partial count prove it turns mid-run.
        int ticksWhileBusy = 0, ticksMidRun = 0, paintsAtStart = -1;
        QTimer tick;
        tick.setInterval(10);
        connect(&tick, &QTimer::timeout, this, [&] {
            if (!fetcher->busy())
                return;
            if (paintsAtStart < 0)
                paintsAtStart = painted.paints;
            ++ticksWhileBusy;
            if (lastDone > 0 && lastDone < lastTotal)
                ++ticksMidRun;
        });
        tick.start();

        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        tick.stop();
        const auto summary = finished.first().first().value<FeedRunSummary>();
        QCOMPARE(summary.fetched(), 100);
        QCOMPARE(summary.failed, 10);
        QCOMPARE(summary.newArticles, 180);

        QVERIFY2(ticksWhileBusy >= 5, qPrintable(QString::number(ticksWhileBusy)));
        QVERIFY2(ticksMidRun >= 1, qPrintable(QString::number(ticksMidRun)));
        QVERIFY2(paintsAtStart >= 0 && painted.paints > paintsAtStart, "the progress bar repainted during the run");
        QCOMPARE(lastTotal, 100);
        QCOMPARE(lastDone, 100);
        QCOMPARE(barMax, 100);
        QCOMPARE(barValue, 100);
        QCOMPARE(barText, QStringLiteral("Fetching 100/100 feeds…"));
        QCOMPARE(panelText, QStringLiteral("Fetching 100/100 feeds…"));
        QVERIFY(bar->isHidden());
        const QString status = window.findChild<QLabel *>(QStringLiteral("fetchStatus"))->text();
        QVERIFY2(status.startsWith(QStringLiteral("Last fetch ")), qPrintable(status));
        QVERIFY2(status.endsWith(QStringLiteral(": 180 new articles, 10 failed")), qPrintable(status));
        QCOMPARE(feedPanel->progressText(), status);

        // The new rows reached the panels through the store.
        ArticleListModel *articles = window.findChild<ArticlesPanel *>()->model();
        while (articles->canFetchMore({}))
            articles->fetchMore({});
        QCOMPARE(articles->rowCount(), 180);
        QStringList titles;
        for (int r = 0; r < articles->rowCount(); ++r)
            titles << articles->index(r, ArticleListModel::Title).data().toString();
        QVERIFY(titles.contains(QStringLiteral("Wire 42 story 2")));
        QVERIFY(titles.contains(QStringLiteral("Wire 93 story 1"))); // a slow one
        QVERIFY(!titles.contains(QStringLiteral("Wire 17 story 1"))); // a 500

        QTableWidget *feeds = window.findChild<FeedStatusPanel *>()->table();
        const int broken = rowNamed(feeds, QStringLiteral("Wire 17"));
        QVERIFY(broken >= 0);
        QVERIFY2(
            feeds->item(broken, 3)->text().contains(QStringLiteral("500")), qPrintable(feeds->item(broken, 3)->text()));
        const int fine = rowNamed(feeds, QStringLiteral("Wire 42"));
        QVERIFY(fine >= 0);
        QVERIFY(feeds->item(fine, 3)->text().isEmpty());
        QCOMPARE(feeds->item(fine, 1)->text(), QStringLiteral("ok"));
        window.close();
    }

    void retryNowAndF5FetchAtOnce()
    {
        QTemporaryDir dir;
        Workspace w = workspace(dir, 8); // /feed/7 answers 500
        MainWindow window(w.path);
        window.attachStore(w.store->database());
        const int base7 = m_server.requestsFor("/feed/7");
        auto *fetcher = new BackgroundFetcher(w.path, localPolicy());
        QSignalSpy finished(fetcher, &BackgroundFetcher::finished);
        window.attachFetcher(fetcher);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(m_server.requestsFor("/feed/7"), base7 + 1);

        // Nothing is due now (every feed waits for its interval or backoff), so
        // only the retried feed is fetched.
        const int before = m_server.requestsFor("/feed/1");
        QVERIFY(window.findChild<FeedStatusPanel *>()->retryNow(w.feedIds.at(6)));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 20000);
        QCOMPARE(m_server.requestsFor("/feed/7"), base7 + 2);
        QCOMPARE(m_server.requestsFor("/feed/1"), before);
        const auto summary = finished.last().first().value<FeedRunSummary>();
        QCOMPARE(summary.fetched(), 1);
        QCOMPARE(summary.failed, 1);
        auto feed = FeedStore(w.store->database()).byId(w.feedIds.at(6));
        QVERIFY(feed.ok() && feed->has_value());
        QCOMPARE((*feed)->consecutiveFailures, 2);

        // F5 fetches every enabled feed now, due or not.
        QAction *refresh = nullptr;
        for (QAction *a : window.findChildren<QAction *>()) {
            if (a->shortcut() == QKeySequence(QKeySequence::Refresh))
                refresh = a;
        }
        QVERIFY(refresh);
        refresh->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 20000);
        QCOMPARE(finished.last().first().value<FeedRunSummary>().fetched(), 8);
        QCOMPARE(m_server.requestsFor("/feed/1"), before + 1);
    }

    // A team store: the worker opens its own connection to the server.
    void fetchesIntoAPostgresStore()
    {
        StoreBackendFixture backend(Backend::Postgres);
        const QString why = backend.prepare();
        QVERIFY2(why.isEmpty(), qPrintable(why));
        Workspace w = workspaceAt(backend.freshLocation(), 12);
        MainWindow window(QStringLiteral("team store"));
        window.attachStore(w.store->database());
        auto *fetcher = new BackgroundFetcher(w.path, localPolicy());
        QSignalSpy finished(fetcher, &BackgroundFetcher::finished);
        window.attachFetcher(fetcher);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        const auto summary = finished.first().first().value<FeedRunSummary>();
        QCOMPARE(summary.fetched(), 12);
        QCOMPARE(summary.failed, 1); // /feed/7
        QCOMPARE(summary.newArticles, 22);
        ArticleListModel *articles = window.findChild<ArticlesPanel *>()->model();
        QCOMPARE(articles->rowCount(), 22);
        window.close();
    }

    // --screenshot renders the store as it is: it never fetches a feed.
    void aScreenshotNeverFetches()
    {
        QTemporaryDir dir;
        Workspace w = workspace(dir, 5);
        w.store.reset();
        const qsizetype requestsBefore = m_server.requests().size();
        const QString png = dir.filePath(QStringLiteral("shot.png"));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), dir.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        QEventLoop loop; // the server answers on this thread while the window runs
        connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
        p.start(QStringLiteral(TW_BINARY), {QStringLiteral("--store"), w.path, QStringLiteral("--screenshot"), png});
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(!QImage(png).isNull());
        QCOMPARE(m_server.requests().size(), requestsBefore);
    }

    void closingMidFetchStopsTheWorker()
    {
        QTemporaryDir dir;
        Workspace w = workspace(dir, 40, QStringLiteral("/slow/"));
        const qsizetype requestsBefore = m_server.requests().size();
        {
            MainWindow window(w.path);
            window.attachStore(w.store->database());
            window.show();
            auto *fetcher = new BackgroundFetcher(w.path, localPolicy());
            QSignalSpy progress(fetcher, &BackgroundFetcher::progress);
            QSignalSpy finished(fetcher, &BackgroundFetcher::finished);
            window.attachFetcher(fetcher);
            QTRY_VERIFY_WITH_TIMEOUT(fetcher->busy() && !progress.isEmpty(), 20000);
            QVERIFY(m_server.requests().size() - requestsBefore < 40);
            window.close(); // with every slow answer still outstanding
            QVERIFY(fetcher->stopped());
            QVERIFY(!fetcher->busy());
            fetcher->fetchAll(); // after stop: ignored, no crash
            QTest::qWait(50);
            QCOMPARE(finished.count(), 0);
        }
        // The store is intact and still opens; nothing was half written.
        auto feeds = FeedStore(w.store->database()).all();
        QVERIFY(feeds.ok());
        QCOMPARE(feeds->size(), 40);
    }
};

QTEST_MAIN(TestBackgroundFetch)
#include "tst_backgroundfetch.moc"
