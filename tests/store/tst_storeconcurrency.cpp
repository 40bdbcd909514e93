#include "testsupport.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

using twtest::runCli;

namespace {
// An RSS 2.0 document shaped like tests/fixtures/rss/newsroom-wordpress.rss
// (the WordPress feed template), with `count` generated items whose guids
// start at `first`: large inputs for tests that need many articles.
QByteArray newsroomFeed(const QString &channel, int first, int count)
{
    QByteArray doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" "
                     "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
                     "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n<title>"
                   + channel.toUtf8() + "</title>\n<link>https://newsroom.example.com/news/</link>\n";
    for (int i = first; i < first + count; ++i) {
        const QByteArray n = QByteArray::number(i);
        doc += "<item><title>Newsroom story " + n + ": Meta &#8217;s capex plans</title>"
               "<link>https://newsroom.example.com/news/2026/04/story-" + n + "/</link>"
               "<dc:creator><![CDATA[Example Newsroom]]></dc:creator>"
               "<pubDate>Wed, 08 Apr 2026 17:00:00 +0000</pubDate>"
               "<guid isPermaLink=\"false\">https://newsroom.example.com/news/?p=" + n + "</guid>"
               "<description><![CDATA[<p>Meta Platforms guided 2026 capital expenditure to $115 billion to "
               "$135 billion, story " + n + ".</p>]]></description></item>\n";
    }
    doc += "</channel>\n</rss>\n";
    return doc;
}

QString writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return {};
    return path;
}

// A process started with the sandboxed environment runCli uses.
void prepare(QProcess &p, const QString &sandbox)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), sandbox);
    env.insert(QStringLiteral("XDG_DATA_HOME"), sandbox + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), sandbox + QStringLiteral("/config"));
    env.remove(QStringLiteral("TICKERWIRE_STORE"));
    p.setProcessEnvironment(env);
}

// What the store holds and whether it is whole, read as another program
// would (with its WAL; read-write only because FTS5's check is an INSERT).
struct StoreCheck {
    QString integrity;
    qint64 articles = -1;
    qint64 feeds = -1;
    QString ftsIntegrity;
};

StoreCheck checkStore(const QString &path)
{
    StoreCheck c;
    const QString name = QStringLiteral("check-%1").arg(QDateTime::currentMSecsSinceEpoch());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next())
                c.integrity = q.value(0).toString();
            if (q.exec(QStringLiteral("SELECT count(*) FROM articles")) && q.next())
                c.articles = q.value(0).toLongLong();
            if (q.exec(QStringLiteral("SELECT count(*) FROM feeds")) && q.next())
                c.feeds = q.value(0).toLongLong();
            // FTS5's own check: the index matches the articles table exactly.
            c.ftsIntegrity = q.exec(QStringLiteral("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)"))
                                 ? QStringLiteral("ok")
                                 : q.lastError().text();
            q.finish();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return c;
}

quint32 headerUserVersion(const QString &path)
{
    const QByteArray h = twtest::readAll(path).left(100);
    if (h.size() < 100)
        return 0;
    return (quint32(quint8(h[60])) << 24) | (quint32(quint8(h[61])) << 16) | (quint32(quint8(h[62])) << 8)
         | quint32(quint8(h[63]));
}
} // namespace

// Several processes on one SQLite store, as analysts run them: the window
// open while the command line works beside it, two writers at once, a writer
// killed half-way, a disk that fills up.
class TestStoreConcurrency : public QObject {
    Q_OBJECT

    QTemporaryDir m_sandbox;
    QString path(const QString &name) const { return m_sandbox.filePath(name); }

    QProcess *startHolder(const QStringList &args, const QByteArray &readyLine)
    {
        auto *holder = new QProcess(this);
        prepare(*holder, m_sandbox.path());
        holder->start(QStringLiteral(TW_STOREHOLDER), args);
        if (!holder->waitForStarted(10000))
            return nullptr;
        QByteArray said;
        while (!said.contains(readyLine)) {
            if (!holder->waitForReadyRead(60000))
                return nullptr;
            said += holder->readAllStandardOutput();
        }
        return holder;
    }

private slots:
    // The window keeps its connection open and its latest pages in the WAL
    // (here with checkpoints off, so the main file's header still reads as
    // an empty database); `stats`, `feeds add` and `ingest` work beside it,
    // and after it is killed nothing either of them committed is lost.
    void commandsWorkBesideAnOpenStoreAndAfterItsKilled()
    {
        const QString store = path(QStringLiteral("window.db"));
        QProcess *holder = startHolder({QStringLiteral("wal"), store, QStringLiteral("300")}, "ready");
        QVERIFY2(holder, "the holder did not start");
        QCOMPARE(headerUserVersion(store), quint32(0));   // the schema lives in the WAL only
        QVERIFY(QFileInfo(store + QStringLiteral("-wal")).size() > 100000);

        auto stats = runCli({QStringLiteral("--store"), store, QStringLiteral("stats")}, m_sandbox.path());
        QVERIFY2(stats.exitCode == 0, qPrintable(stats.err));
        QCOMPARE(twtest::parseStats(stats.out).value(QStringLiteral("articles")), qint64(300));

        auto added = runCli({QStringLiteral("--store"), store, QStringLiteral("feeds"), QStringLiteral("add"),
                             QStringLiteral("https://newsroom.example.com/news/feed/")},
                            m_sandbox.path());
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));

        const QString feed = writeFile(path(QStringLiteral("beside.rss")), newsroomFeed(QStringLiteral("Beside"), 0, 500));
        auto ingested = runCli({QStringLiteral("--store"), store, QStringLiteral("ingest"), feed}, m_sandbox.path());
        QVERIFY2(ingested.exitCode == 0, qPrintable(ingested.err));
        QVERIFY2(ingested.out.contains(QStringLiteral("500 new")), qPrintable(ingested.out));
        // Looking never removed the files of a store another process holds.
        QVERIFY(QFile::exists(store + QStringLiteral("-wal")));
        QVERIFY(QFile::exists(store + QStringLiteral("-shm")));

        ::kill(pid_t(holder->processId()), SIGKILL);
        holder->waitForFinished(10000);
        const StoreCheck after = checkStore(store);
        QCOMPARE(after.integrity, QStringLiteral("ok"));
        QCOMPARE(after.ftsIntegrity, QStringLiteral("ok"));
        QCOMPARE(after.articles, qint64(800));
        QCOMPARE(after.feeds, qint64(2));
        stats = runCli({QStringLiteral("--store"), store, QStringLiteral("stats")}, m_sandbox.path());
        QVERIFY2(stats.exitCode == 0, qPrintable(stats.err));
        QCOMPARE(twtest::parseStats(stats.out).value(QStringLiteral("articles")), qint64(800));
    }

    // Two `ingest`s at once, started while a third process holds the write
    // lock: they wait (and say so), then take turns; neither fails, and every
    // article is stored exactly once (the 500 both files carry, once).
    void twoIngestsAtOnceBothFinishWithAnExactCount()
    {
        const QString store = path(QStringLiteral("two.db"));
        // Made by a command that writes (`stats` only reads, and refuses a store that does not exist).
        QVERIFY(runCli({QStringLiteral("--store"), store, QStringLiteral("score"), QStringLiteral("--all")}, m_sandbox.path())
                    .exitCode
                == 0);
        QVERIFY(runCli({QStringLiteral("--store"), store, QStringLiteral("stats")}, m_sandbox.path()).exitCode == 0);
        const QString first = writeFile(path(QStringLiteral("first.rss")), newsroomFeed(QStringLiteral("Desk"), 0, 4000));
        const QString second = writeFile(path(QStringLiteral("second.rss")), newsroomFeed(QStringLiteral("Desk"), 3500, 4000));

        QProcess *holder = startHolder({QStringLiteral("lock"), store, QStringLiteral("3000")}, "locked");
        QVERIFY2(holder, "the lock holder did not start");
        QProcess a, b;
        for (auto [p, file] : {std::pair{&a, first}, std::pair{&b, second}}) {
            prepare(*p, m_sandbox.path());
            p->start(QStringLiteral(TW_BINARY), {QStringLiteral("--store"), store, QStringLiteral("ingest"), file});
        }
        QString said;
        for (QProcess *p : {&a, &b}) {
            QVERIFY(p->waitForFinished(120000));
            const QString err = QString::fromUtf8(p->readAllStandardError());
            QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0, qPrintable(err));
            QVERIFY2(QString::fromUtf8(p->readAllStandardOutput()).contains(QStringLiteral("4000 items")), "");
            said += err;
        }
        // At least the one that asked first waited more than a second (on a
        // loaded machine the other may start late) and said so.
        QVERIFY2(said.contains(QStringLiteral("waiting for the store ") + store), qPrintable(said));
        QVERIFY(holder->waitForFinished(10000));
        QCOMPARE(holder->exitCode(), 0);
        const StoreCheck after = checkStore(store);
        QCOMPARE(after.integrity, QStringLiteral("ok"));
        QCOMPARE(after.ftsIntegrity, QStringLiteral("ok"));
        QCOMPARE(after.articles, qint64(7500));
    }

    // kill -9 in the middle of an ingest: the store is whole (integrity and
    // full-text checks pass) and running the same ingest again completes it.
    void killedIngestLeavesAWholeStore()
    {
        const QString store = path(QStringLiteral("killed.db"));
        const QString feed = writeFile(path(QStringLiteral("big.rss")), newsroomFeed(QStringLiteral("Big"), 0, 12000));
        for (int trial = 0; trial < 3; ++trial) {
            QProcess p;
            prepare(p, m_sandbox.path());
            p.start(QStringLiteral(TW_BINARY), {QStringLiteral("--store"), store, QStringLiteral("ingest"), feed});
            QVERIFY(p.waitForStarted());
            QThread::msleep(250 + 150 * trial);
            ::kill(pid_t(p.processId()), SIGKILL);
            p.waitForFinished();
            const StoreCheck c = checkStore(store);
            if (c.articles < 0)
                continue;   // killed before the store was even created
            QCOMPARE(c.integrity, QStringLiteral("ok"));
            QCOMPARE(c.ftsIntegrity, QStringLiteral("ok"));
        }
        auto rerun = runCli({QStringLiteral("--store"), store, QStringLiteral("ingest"), feed}, m_sandbox.path());
        QVERIFY2(rerun.exitCode == 0, qPrintable(rerun.err));
        const StoreCheck after = checkStore(store);
        QCOMPARE(after.integrity, QStringLiteral("ok"));
        QCOMPARE(after.ftsIntegrity, QStringLiteral("ok"));
        QCOMPARE(after.articles, qint64(12000));
    }

    // A full disk: the ingest fails with a message that says so, the store
    // still opens while the disk is full, and once there is room again
    // nothing committed is missing and the same ingest completes. A small
    // tmpfs when this test may mount one (root); otherwise, and always in the
    // second row, a file-size limit on the writing process (EFBIG), which
    // SQLite meets exactly where a full disk would stop it.
    void fullDiskIsAClearErrorAndLosesNothing_data()
    {
        QTest::addColumn<bool>("preferSmallFilesystem");
        QTest::newRow("small filesystem") << true;
        QTest::newRow("file size limit") << false;
    }

    void fullDiskIsAClearErrorAndLosesNothing()
    {
        QFETCH(bool, preferSmallFilesystem);
        QTemporaryDir where;
        const QString mount = where.filePath(QStringLiteral("small"));
        QVERIFY(QDir().mkpath(mount));
        bool mounted = false;
        QString why;
        if (preferSmallFilesystem) {
            QProcess m;
            m.start(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                              QStringLiteral("size=3m"), QStringLiteral("tmpfs"), mount});
            mounted = m.waitForFinished(20000) && m.exitStatus() == QProcess::NormalExit && m.exitCode() == 0;
            why = QString::fromUtf8(m.readAllStandardError()).trimmed();
            if (!mounted)
                qInfo("cannot mount a tmpfs here (%s): limiting the file size instead", qPrintable(why));
        }
        const auto unmount = qScopeGuard([&] {
            if (mounted)
                QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), mount});
        });

        const QString store = QDir(mount).filePath(QStringLiteral("full.db"));
        const QString small = writeFile(path(QStringLiteral("small.rss")), newsroomFeed(QStringLiteral("Full"), 0, 1500));
        const QString large = writeFile(path(QStringLiteral("large.rss")), newsroomFeed(QStringLiteral("Full"), 1500, 6000));
        auto first = runCli({QStringLiteral("--store"), store, QStringLiteral("ingest"), small}, m_sandbox.path());
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));

        // The large file does not fit: on the 3 MB filesystem, or under a
        // limit of 1 MB above what the store's files take now.
        qint64 limit = 0;
        if (!mounted) {
            for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                limit = std::max(limit, QFileInfo(store + suffix).size());
            limit += 1024 * 1024;
        }
        QProcess full;
        prepare(full, m_sandbox.path());
        if (limit > 0)
            full.setChildProcessModifier([limit] {
                ::signal(SIGXFSZ, SIG_IGN);   // write() fails with EFBIG instead of killing
                const rlimit r{rlim_t(limit), rlim_t(limit)};
                ::setrlimit(RLIMIT_FSIZE, &r);
            });
        full.start(QStringLiteral(TW_BINARY), {QStringLiteral("--store"), store, QStringLiteral("ingest"), large});
        QVERIFY(full.waitForFinished(120000));
        const QString err = QString::fromUtf8(full.readAllStandardError());
        QCOMPARE(full.exitCode(), 1);
        QVERIFY2(err.contains(QStringLiteral("disk")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("committed before is kept")), qPrintable(err));
        // Whatever it reported as stored before the failure is there.
        qint64 reported = 0;
        const auto said = QRegularExpression(QStringLiteral("the first (\\d+) of 6000 articles were stored")).match(err);
        if (said.hasMatch())
            reported = said.captured(1).toLongLong();

        // Still full (or still limited for writers): the store opens and reads.
        auto stillFull = runCli({QStringLiteral("--store"), store, QStringLiteral("stats")}, m_sandbox.path());
        QVERIFY2(stillFull.exitCode == 0, qPrintable(stillFull.err));
        QCOMPARE(twtest::parseStats(stillFull.out).value(QStringLiteral("articles")), 1500 + reported);

        if (mounted) {   // space returns
            QCOMPARE(QProcess::execute(QStringLiteral("mount"), {QStringLiteral("-o"), QStringLiteral("remount,size=64m"), mount}), 0);
        }
        const StoreCheck c = checkStore(store);
        QCOMPARE(c.integrity, QStringLiteral("ok"));
        QCOMPARE(c.ftsIntegrity, QStringLiteral("ok"));
        QCOMPARE(c.articles, 1500 + reported);
        auto again = runCli({QStringLiteral("--store"), store, QStringLiteral("ingest"), large}, m_sandbox.path());
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QCOMPARE(checkStore(store).articles, qint64(7500));
    }

    // A disk with no room left at all: a store closed cleanly has no -shm,
    // which SQLite must create to read it, so opening fails with "disk I/O
    // error". The message says the disk is full, the file is not touched, and
    // it opens again once there is room.
    void storeOnADiskWithNoRoomLeftSaysTheDiskIsFull()
    {
        QTemporaryDir where;
        const QString mount = where.filePath(QStringLiteral("small"));
        QVERIFY(QDir().mkpath(mount));
        QProcess m;
        m.start(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                          QStringLiteral("size=2m"), QStringLiteral("tmpfs"), mount});
        const bool mounted = m.waitForFinished(20000) && m.exitStatus() == QProcess::NormalExit && m.exitCode() == 0;
        if (!mounted)
            QSKIP(qPrintable(QStringLiteral("needs a small filesystem (root may mount a tmpfs): ")
                             + QString::fromUtf8(m.readAllStandardError()).trimmed()));
        const auto unmount = qScopeGuard([&] { QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), mount}); });

        const QString store = QDir(mount).filePath(QStringLiteral("store.db"));
        const QString feed = writeFile(path(QStringLiteral("nofit.rss")), newsroomFeed(QStringLiteral("No room"), 0, 50));
        auto first = runCli({QStringLiteral("--store"), store, QStringLiteral("ingest"), feed}, m_sandbox.path());
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY(!QFileInfo::exists(store + QStringLiteral("-shm")));
        const QByteArray before = twtest::readAll(store);

        {   // every byte left taken
            QFile filler(QDir(mount).filePath(QStringLiteral("filler")));
            QVERIFY(filler.open(QIODevice::WriteOnly));
            const QByteArray block(64 * 1024, '\0');
            while (filler.write(block) == block.size() && filler.flush()) {
            }
            const QByteArray byte(1, '\0');
            while (filler.write(byte) == 1 && filler.flush()) {
            }
        }
        auto full = runCli({QStringLiteral("--store"), store, QStringLiteral("stats")}, m_sandbox.path());
        QCOMPARE(full.exitCode, 1);
        QVERIFY2(full.err.contains(QStringLiteral("the disk that holds it is full")), qPrintable(full.err));
        QVERIFY2(full.err.contains(QStringLiteral("left untouched")), qPrintable(full.err));
        QCOMPARE(twtest::readAll(store), before);

        QVERIFY(QFile::remove(QDir(mount).filePath(QStringLiteral("filler"))));
        auto room = runCli({QStringLiteral("--store"), store, QStringLiteral("stats")}, m_sandbox.path());
        QVERIFY2(room.exitCode == 0, qPrintable(room.err));
        QCOMPARE(twtest::parseStats(room.out).value(QStringLiteral("articles")), 50);
    }

    // A store on a read-only filesystem (a mounted share, a backup disk):
    // SQLite cannot create the -shm it reads a WAL store through. The
    // message says the folder is read-only instead of "unable to open
    // database file"; the store opens again once the folder is writable.
    void storeInAReadOnlyFolderSaysSo()
    {
        QTemporaryDir where;
        const QString mount = where.filePath(QStringLiteral("share"));
        QVERIFY(QDir().mkpath(mount));
        QProcess m;
        m.start(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                          QStringLiteral("size=4m"), QStringLiteral("tmpfs"), mount});
        const bool mounted = m.waitForFinished(20000) && m.exitStatus() == QProcess::NormalExit && m.exitCode() == 0;
        if (!mounted)
            QSKIP(qPrintable(QStringLiteral("needs a filesystem to make read-only (root may mount a tmpfs): ")
                             + QString::fromUtf8(m.readAllStandardError()).trimmed()));
        const auto unmount = qScopeGuard([&] { QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), mount}); });

        const QString store = QDir(mount).filePath(QStringLiteral("store.db"));
        const QString feed = writeFile(path(QStringLiteral("share.rss")), newsroomFeed(QStringLiteral("Share"), 0, 20));
        auto first = runCli({QStringLiteral("--store"), store, QStringLiteral("ingest"), feed}, m_sandbox.path());
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY(!QFileInfo::exists(store + QStringLiteral("-shm")));
        QCOMPARE(QProcess::execute(QStringLiteral("mount"), {QStringLiteral("-o"), QStringLiteral("remount,ro"), mount}), 0);

        for (const QString &command : {QStringLiteral("stats"), QStringLiteral("ingest")}) {
            QStringList args{QStringLiteral("--store"), store, command};
            if (command == QLatin1String("ingest"))
                args << feed;
            auto refused = runCli(args, m_sandbox.path());
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(refused.err.contains(QStringLiteral("its folder is read-only")), qPrintable(refused.err));
            QVERIFY2(refused.err.contains(QStringLiteral("left untouched")), qPrintable(refused.err));
        }

        QCOMPARE(QProcess::execute(QStringLiteral("mount"), {QStringLiteral("-o"), QStringLiteral("remount,rw"), mount}), 0);
        auto again = runCli({QStringLiteral("--store"), store, QStringLiteral("stats")}, m_sandbox.path());
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QCOMPARE(twtest::parseStats(again.out).value(QStringLiteral("articles")), 20);
    }
};

QTEST_GUILESS_MAIN(TestStoreConcurrency)
#include "tst_storeconcurrency.moc"
