#include "pgtestcluster.h"
#include "testsupport.h"

#include <QDateTime>
#include <QLocale>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using twtest::runCli;

namespace {

// An RSS 2.0 feed of notes `first`..`last` (generated: many items make races
// between two fetchers likely; the shape is what RssParser reads from real feeds).
QByteArray generatedFeed(int first, int last)
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                     "<title>Desk notes</title><link>https://desk.example.com/</link><description>generated</description>\n";
    const QDateTime base(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC);
    for (int i = first; i <= last; ++i) {
        const QString date = QLocale::c().toString(base.addSecs(i * 600), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss +0000"));
        xml += QStringLiteral("<item><title>Meta capex note %1</title><link>https://desk.example.com/notes/%1</link>"
                              "<guid>https://desk.example.com/notes/%1</guid><pubDate>%2</pubDate>"
                              "<description>Note %1 on Meta Platforms capital expenditure guidance.</description></item>\n")
                   .arg(i).arg(date).toUtf8();
    }
    xml += "</channel></rss>\n";
    return xml;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(content);
    return f.fileName();
}

QProcess *startCli(const QStringList &args, const QString &sandbox, QObject *parent)
{
    auto *p = new QProcess(parent);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), sandbox);
    env.insert(QStringLiteral("XDG_DATA_HOME"), sandbox + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), sandbox + QStringLiteral("/config"));
    env.remove(QStringLiteral("TICKERWIRE_STORE"));
    p->setProcessEnvironment(env);
    p->start(QStringLiteral(TW_BINARY), args);
    return p;
}

// Every article of a store as "guid|title|published|summary", in guid order.
QStringList articleRows(const QString &location)
{
    QStringList rows;
    const QString name = QStringLiteral("rows-%1").arg(qHash(location));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(location);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(QStringLiteral("SELECT guid, title, published_utc, summary, body FROM articles ORDER BY guid"), db);
            while (q.next())
                rows << QStringList{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                    q.value(3).toString(), q.value(4).toString()}.join(QLatin1Char('|'));
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

} // namespace

// The team store as analysts meet it through the command line: moving a desk's
// file onto the server and back, two fetchers at once, and a server that is
// not there or refuses the password.
class TestTeamStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_sandbox;
    twtest::SuiteCluster m_cluster;

    QString path(const QString &name) const { return m_sandbox.filePath(name); }

    qint64 pgScalar(const QString &url, const QString &sql)
    {
        const QString database = url.section(QLatin1Char('/'), -1);
        // Read through a throw-away connection, as a client would (password from PGPASSFILE).
        const QString name = QStringLiteral("scalar");
        qint64 value = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            db.setHostName(QStringLiteral("127.0.0.1"));
            db.setPort(m_cluster->port());
            db.setUserName(QLatin1String(twtest::PgTestCluster::kUser));
            db.setDatabaseName(database);
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(sql) && q.next())
                    value = q.value(0).toLongLong();
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return value;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_cluster.start(), qPrintable(m_cluster.error()));
    }

    void cleanupTestCase() { m_cluster.stop(); }

    void copiesSqliteToPostgresAndBack()
    {
        const QString original = path(QStringLiteral("desk.db"));
        auto seeded = runCli({QStringLiteral("--store"), original, QStringLiteral("--demo"), QStringLiteral("ingest"),
                              twtest::fixture(QStringLiteral("rss/newsroom-wordpress.rss"))},
                             m_sandbox.path());
        QCOMPARE(seeded.exitCode, 0);
        const auto before = runCli({QStringLiteral("--store"), original, QStringLiteral("stats")}, m_sandbox.path());
        QCOMPARE(before.exitCode, 0);
        const auto counts = twtest::parseStats(before.out);
        QVERIFY(counts.value(QStringLiteral("articles")) > 3);
        QVERIFY(counts.value(QStringLiteral("quotes")) > 0);
        const QByteArray originalDigest = twtest::sha256(original);

        const QString server = m_cluster->createDatabase();
        auto up = runCli({QStringLiteral("store"), QStringLiteral("copy"), QStringLiteral("--from"), original,
                          QStringLiteral("--to"), server}, m_sandbox.path());
        QVERIFY2(up.exitCode == 0, qPrintable(up.err));
        QVERIFY2(up.err.contains(QStringLiteral("copying articles: ")), qPrintable(up.err));
        QVERIFY(up.err.contains(QStringLiteral("row counts match")));
        const auto copiedCounts = twtest::parseStats(up.out);
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            QCOMPARE(copiedCounts.value(it.key(), -1), it.value());
        QCOMPARE(twtest::sha256(original), originalDigest);  // the source is only read

        const auto onServer = runCli({QStringLiteral("--store"), server, QStringLiteral("stats")}, m_sandbox.path());
        QCOMPARE(onServer.exitCode, 0);
        QCOMPARE(twtest::parseStats(onServer.out), counts);

        const QString back = path(QStringLiteral("back.db"));
        auto down = runCli({QStringLiteral("store"), QStringLiteral("copy"), QStringLiteral("--from"), server,
                            QStringLiteral("--to"), back}, m_sandbox.path());
        QVERIFY2(down.exitCode == 0, qPrintable(down.err));
        const auto roundTrip = runCli({QStringLiteral("--store"), back, QStringLiteral("stats")}, m_sandbox.path());
        QCOMPARE(twtest::parseStats(roundTrip.out), counts);
        // Same rows, not only the same number of them.
        QCOMPARE(articleRows(back), articleRows(original));

        // The server store keeps working after the copy: new rows get fresh ids.
        auto more = runCli({QStringLiteral("--store"), server, QStringLiteral("ingest"),
                            writeFile(m_sandbox, QStringLiteral("more.rss"), generatedFeed(1, 5))},
                           m_sandbox.path());
        QVERIFY2(more.exitCode == 0, qPrintable(more.err));
        QVERIFY2(more.out.contains(QStringLiteral("5 new")), qPrintable(more.out));

        // Copying into a store that already holds data is refused, and changes nothing.
        auto again = runCli({QStringLiteral("store"), QStringLiteral("copy"), QStringLiteral("--from"), original,
                             QStringLiteral("--to"), server}, m_sandbox.path());
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QStringLiteral("not empty")), qPrintable(again.err));
        QCOMPARE(pgScalar(server, QStringLiteral("SELECT count(*) FROM articles")),
                 counts.value(QStringLiteral("articles")) + 5);
    }

    // The whole demo pipeline (ingest, linking and whatever later stages add)
    // must leave the same rows on both backends: this is the guard that new
    // SQL in models/ also runs on PostgreSQL.
    void demoWorkspaceIsTheSameOnBothBackends()
    {
        const auto lite = runCli({QStringLiteral("--store"), path(QStringLiteral("demo.db")), QStringLiteral("--demo"),
                                  QStringLiteral("stats")}, m_sandbox.path());
        QVERIFY2(lite.exitCode == 0, qPrintable(lite.err));
        const QString server = m_cluster->createDatabase();
        const auto pg = runCli({QStringLiteral("--store"), server, QStringLiteral("--demo"), QStringLiteral("stats")},
                               m_sandbox.path());
        QVERIFY2(pg.exitCode == 0, qPrintable(pg.err));
        QCOMPARE(twtest::parseStats(pg.out), twtest::parseStats(lite.out));
        QVERIFY(twtest::parseStats(pg.out).value(QStringLiteral("articles")) > 0);
        const auto again = runCli({QStringLiteral("--store"), server, QStringLiteral("--demo"), QStringLiteral("stats")},
                                  m_sandbox.path());
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(twtest::parseStats(again.out), twtest::parseStats(lite.out));
    }

    // A colleague who owns the shared tables (or holds TRIGGER on them) puts
    // code on them that would run with this analyst's privileges whenever
    // Tickerwire writes or reads. Tickerwire puts no such code there itself,
    // so the store is refused, naming it, before a row is touched; once the
    // code is gone the store works again.
    void colleaguesCodeOnTheTablesIsRefusedAndNeverRun_data()
    {
        QTest::addColumn<QStringList>("plant");
        QTest::addColumn<QString>("named");
        QTest::addColumn<QString>("removal");
        const QString spy = QStringLiteral(
            "CREATE FUNCTION public.spy() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN INSERT INTO public.loot VALUES (current_user); RETURN NEW; END $$");
        const QString tap = QStringLiteral(
            "CREATE FUNCTION public.tap(t text) RETURNS text LANGUAGE plpgsql AS "
            "$$ BEGIN INSERT INTO public.loot VALUES (current_user); RETURN t; END $$");
        QTest::newRow("trigger") << QStringList{spy, QStringLiteral("CREATE TRIGGER zz_spy BEFORE INSERT ON articles "
                                                                    "FOR EACH ROW EXECUTE FUNCTION public.spy()")}
                                 << QStringLiteral("trigger zz_spy on articles")
                                 << QStringLiteral("DROP TRIGGER zz_spy ON articles");
        QTest::newRow("rule") << QStringList{QStringLiteral("CREATE RULE zz_copy AS ON INSERT TO articles DO ALSO "
                                                            "INSERT INTO public.loot VALUES (current_user)")}
                              << QStringLiteral("rule zz_copy on articles") << QStringLiteral("DROP RULE zz_copy ON articles");
        QTest::newRow("policy") << QStringList{tap, QStringLiteral("CREATE POLICY zz_see ON articles USING (public.tap(title) IS NOT NULL)")}
                                << QStringLiteral("row-level security policy zz_see on articles")
                                << QStringLiteral("DROP POLICY zz_see ON articles");
        QTest::newRow("default") << QStringList{tap, QStringLiteral("ALTER TABLE articles ALTER COLUMN author SET DEFAULT public.tap('x')")}
                                 << QStringLiteral("function public.tap called by a default, check or index of articles")
                                 << QStringLiteral("ALTER TABLE articles ALTER COLUMN author DROP DEFAULT");
        // An index expression must be immutable, so it cannot write: named all the same.
        QTest::newRow("index") << QStringList{QStringLiteral("CREATE FUNCTION public.fold(t text) RETURNS text LANGUAGE sql "
                                                             "IMMUTABLE AS 'SELECT lower(t)'"),
                                              QStringLiteral("CREATE INDEX zz_fold ON articles ((public.fold(title)))")}
                               << QStringLiteral("function public.fold called by a default, check or index of articles")
                               << QStringLiteral("DROP INDEX zz_fold");
        QTest::newRow("domain") << QStringList{tap, QStringLiteral("CREATE DOMAIN public.watched AS text CHECK (public.tap(VALUE) IS NOT NULL)"),
                                               QStringLiteral("ALTER TABLE articles ALTER COLUMN author TYPE public.watched")}
                                << QStringLiteral("column articles.author of type watched")
                                << QStringLiteral("ALTER TABLE articles ALTER COLUMN author TYPE text");
    }

    void colleaguesCodeOnTheTablesIsRefusedAndNeverRun()
    {
        QFETCH(QStringList, plant);
        QFETCH(QString, named);
        QFETCH(QString, removal);
        const QString server = m_cluster->createDatabase();
        const QString database = server.section(QLatin1Char('/'), -1);
        auto first = runCli({QStringLiteral("--store"), server, QStringLiteral("ingest"),
                             writeFile(m_sandbox, QStringLiteral("colleague-1.rss"), generatedFeed(1, 5))},
                            m_sandbox.path());
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY2(m_cluster->exec(database, QStringLiteral("CREATE TABLE public.loot (who text)")),
                 qPrintable(m_cluster->lastSqlError()));
        for (const QString &sql : std::as_const(plant))
            QVERIFY2(m_cluster->exec(database, sql), qPrintable(m_cluster->lastSqlError()));
        if (named.startsWith(QLatin1String("row-level")))
            QVERIFY(m_cluster->exec(database, QStringLiteral("ALTER TABLE articles ENABLE ROW LEVEL SECURITY, "
                                                             "FORCE ROW LEVEL SECURITY")));
        // (Planting a domain checks the rows already there.)
        const qint64 loot = pgScalar(server, QStringLiteral("SELECT count(*) FROM public.loot"));
        const QString more = writeFile(m_sandbox, QStringLiteral("colleague-2.rss"), generatedFeed(6, 10));
        for (const QString &command : {QStringLiteral("ingest"), QStringLiteral("stats")}) {
            QStringList args{QStringLiteral("--store"), server, command};
            if (command == QLatin1String("ingest"))
                args << more;
            const auto refused = runCli(args, m_sandbox.path());
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(refused.err.contains(named), qPrintable(refused.err));
            QVERIFY2(refused.err.contains(QStringLiteral("would run with your privileges")), qPrintable(refused.err));
        }
        QCOMPARE(pgScalar(server, QStringLiteral("SELECT count(*) FROM public.loot")), loot);
        QCOMPARE(pgScalar(server, QStringLiteral("SELECT count(*) FROM articles")), qint64(5));

        QVERIFY2(m_cluster->exec(database, removal), qPrintable(m_cluster->lastSqlError()));
        if (named.startsWith(QLatin1String("row-level")))
            QVERIFY(m_cluster->exec(database, QStringLiteral("ALTER TABLE articles DISABLE ROW LEVEL SECURITY")));
        const auto again = runCli({QStringLiteral("--store"), server, QStringLiteral("ingest"), more}, m_sandbox.path());
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QCOMPARE(pgScalar(server, QStringLiteral("SELECT count(*) FROM articles")), qint64(10));
    }

    // A colleague who owns the shared tables revokes this analyst's
    // privileges: every command says plainly that the server refused for
    // lack of a privilege and whom to ask, on one line, without the password.
    void revokedPrivilegesAreAClearError()
    {
        const QString server = m_cluster->createDatabase();
        const QString database = server.section(QLatin1Char('/'), -1);
        auto made = runCli({QStringLiteral("--store"), server, QStringLiteral("ingest"),
                            writeFile(m_sandbox, QStringLiteral("revoked.rss"), generatedFeed(1, 5))},
                           m_sandbox.path());
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        QVERIFY2(m_cluster->exec(database, QStringLiteral("CREATE ROLE analyst2 LOGIN PASSWORD 'analyst2-secret'")),
                 qPrintable(m_cluster->lastSqlError()));
        const auto dropRole = qScopeGuard([&] {
            m_cluster->exec(database, QStringLiteral("DROP OWNED BY analyst2"));
            m_cluster->exec(database, QStringLiteral("DROP ROLE analyst2"));
        });
        QVERIFY(m_cluster->exec(database, QStringLiteral("GRANT USAGE ON SCHEMA public TO analyst2")));
        QVERIFY(m_cluster->exec(database, QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO analyst2")));
        QVERIFY(m_cluster->exec(database, QStringLiteral("REVOKE SELECT ON articles FROM analyst2")));
        QString colleague = server;
        colleague.replace(QStringLiteral("://tickerwire@"), QStringLiteral("://analyst2:analyst2-secret@"));
        const auto refused = runCli({QStringLiteral("--store"), colleague, QStringLiteral("stats")}, m_sandbox.path());
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("permission denied for table articles")), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QStringLiteral("lacks a privilege")), qPrintable(refused.err));
        QVERIFY2(!refused.err.contains(QStringLiteral("analyst2-secret")), qPrintable(refused.err));
        QCOMPARE(refused.err.trimmed().count(QLatin1Char('\n')), 0);

        // A copy never leaves out a table it may not read: it fails, saying which.
        QVERIFY(m_cluster->exec(database, QStringLiteral("GRANT SELECT ON articles TO analyst2")));
        QVERIFY(m_cluster->exec(database, QStringLiteral("REVOKE SELECT ON article_revisions FROM analyst2")));
        const auto copy = runCli({QStringLiteral("store"), QStringLiteral("copy"), QStringLiteral("--from"), colleague,
                                  QStringLiteral("--to"), path(QStringLiteral("revoked-copy.db"))}, m_sandbox.path());
        QCOMPARE(copy.exitCode, 1);
        QVERIFY2(copy.err.contains(QStringLiteral("permission denied for table article_revisions")), qPrintable(copy.err));
        QVERIFY2(!copy.err.contains(QStringLiteral("analyst2-secret")), qPrintable(copy.err));
    }

    // A colleague drops indexes of the shared tables: without the unique one
    // that keeps one row per article every new article's write would fail on
    // raw SQL, so the store is refused naming it; a dropped index that only
    // speeds reads up is a warning and the command works.
    void droppedServerIndexesAreNamed()
    {
        const QString server = m_cluster->createDatabase();
        const QString database = server.section(QLatin1Char('/'), -1);
        auto made = runCli({QStringLiteral("--store"), server, QStringLiteral("ingest"),
                            writeFile(m_sandbox, QStringLiteral("indexes-1.rss"), generatedFeed(1, 5))},
                           m_sandbox.path());
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        QVERIFY(m_cluster->exec(database, QStringLiteral("DROP INDEX articles_identity")));
        QVERIFY(m_cluster->exec(database, QStringLiteral("DROP INDEX articles_source")));
        const QString more = writeFile(m_sandbox, QStringLiteral("indexes-2.rss"), generatedFeed(6, 10));
        const auto refused = runCli({QStringLiteral("--store"), server, QStringLiteral("ingest"), more}, m_sandbox.path());
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("lacks the unique index(es) articles_identity")), qPrintable(refused.err));
        QCOMPARE(pgScalar(server, QStringLiteral("SELECT count(*) FROM articles")), qint64(5));

        QVERIFY(m_cluster->exec(database, QStringLiteral("CREATE UNIQUE INDEX articles_identity ON articles (guid, origin)")));
        const auto slower = runCli({QStringLiteral("--store"), server, QStringLiteral("ingest"), more}, m_sandbox.path());
        QVERIFY2(slower.exitCode == 0, qPrintable(slower.err));
        QVERIFY2(slower.err.contains(QStringLiteral("lacks the index(es) articles_source")), qPrintable(slower.err));
        QCOMPARE(pgScalar(server, QStringLiteral("SELECT count(*) FROM articles")), qint64(10));
    }

    // A colleague who may create schemas makes one named after this analyst:
    // PostgreSQL's default search_path ("$user", public) would then send every
    // command to it, where a new empty store would be built under the
    // colleague's control. Refused, naming the schema and its owner; nothing
    // is made there.
    void aSchemaNamedAfterTheAnalystDoesNotHideTheStore()
    {
        const QString server = m_cluster->createDatabase();
        const QString database = server.section(QLatin1Char('/'), -1);
        auto made = runCli({QStringLiteral("--store"), server, QStringLiteral("ingest"),
                            writeFile(m_sandbox, QStringLiteral("shadow.rss"), generatedFeed(1, 5))},
                           m_sandbox.path());
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        QVERIFY2(m_cluster->exec(database, QStringLiteral("CREATE ROLE analyst3 LOGIN PASSWORD 'analyst3-secret'")),
                 qPrintable(m_cluster->lastSqlError()));
        const auto dropRole = qScopeGuard([&] {
            m_cluster->exec(database, QStringLiteral("DROP SCHEMA IF EXISTS analyst3 CASCADE"));
            m_cluster->exec(database, QStringLiteral("DROP OWNED BY analyst3"));
            m_cluster->exec(database, QStringLiteral("DROP ROLE analyst3"));
        });
        QVERIFY(m_cluster->exec(database, QStringLiteral("GRANT USAGE ON SCHEMA public TO analyst3")));
        QVERIFY(m_cluster->exec(database, QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO analyst3")));
        QString analyst = server;
        analyst.replace(QStringLiteral("://tickerwire@"), QStringLiteral("://analyst3:analyst3-secret@"));
        const auto before = runCli({QStringLiteral("--store"), analyst, QStringLiteral("stats")}, m_sandbox.path());
        QVERIFY2(before.exitCode == 0, qPrintable(before.err));
        QCOMPARE(twtest::parseStats(before.out).value(QStringLiteral("articles")), 5);

        QVERIFY(m_cluster->exec(database, QStringLiteral("CREATE SCHEMA analyst3")));   // owned by the colleague
        QVERIFY(m_cluster->exec(database, QStringLiteral("GRANT USAGE, CREATE ON SCHEMA analyst3 TO analyst3")));
        const auto refused = runCli({QStringLiteral("--store"), analyst, QStringLiteral("stats")}, m_sandbox.path());
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("the schema analyst3, owned by tickerwire, comes first")),
                 qPrintable(refused.err));
        QCOMPARE(pgScalar(server, QStringLiteral("SELECT count(*) FROM pg_class WHERE relnamespace = 'analyst3'::regnamespace")),
                 qint64(0));
    }

    void copyUsageMistakesExitTwo()
    {
        QCOMPARE(runCli({QStringLiteral("store"), QStringLiteral("copy"), QStringLiteral("--from"), path(QStringLiteral("a.db"))},
                        m_sandbox.path()).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("store"), QStringLiteral("move")}, m_sandbox.path()).exitCode, 2);
        const auto missing = runCli({QStringLiteral("store"), QStringLiteral("copy"), QStringLiteral("--from"),
                                     path(QStringLiteral("nothing-here.db")), QStringLiteral("--to"),
                                     path(QStringLiteral("x.db"))}, m_sandbox.path());
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(!QFile::exists(path(QStringLiteral("nothing-here.db"))));
    }

    void twoFetchersAtOnceStoreEachArticleOnce()
    {
        const QString server = m_cluster->createDatabase();
        // Overlapping feeds, read in opposite orders by the two processes.
        const QString a = writeFile(m_sandbox, QStringLiteral("a.rss"), generatedFeed(1, 200));
        const QString b = writeFile(m_sandbox, QStringLiteral("b.rss"), generatedFeed(101, 300));
        const QString newsroom = twtest::fixture(QStringLiteral("rss/newsroom-wordpress.rss"));
        QObject owner;
        QProcess *first = startCli({QStringLiteral("--store"), server, QStringLiteral("ingest"), a, newsroom, b},
                                   m_sandbox.path(), &owner);
        QProcess *second = startCli({QStringLiteral("--store"), server, QStringLiteral("ingest"), b, newsroom, a},
                                    m_sandbox.path(), &owner);
        QVERIFY(first->waitForFinished(180000));
        QVERIFY(second->waitForFinished(180000));
        QVERIFY2(first->exitCode() == 0, first->readAllStandardError().constData());
        QVERIFY2(second->exitCode() == 0, second->readAllStandardError().constData());

        QCOMPARE(pgScalar(server, QStringLiteral("SELECT count(*) FROM articles")), qint64(300 + 3));
        QCOMPARE(pgScalar(server, QStringLiteral("SELECT count(DISTINCT guid) FROM articles")), qint64(303));
        QCOMPARE(pgScalar(server, QStringLiteral("SELECT count(DISTINCT url) FROM articles")), qint64(303));
        QCOMPARE(pgScalar(server, QStringLiteral("SELECT version FROM schema_version")),
                 pgScalar(server, QStringLiteral("SELECT max(version) FROM schema_version")));
        QCOMPARE(pgScalar(server, QStringLiteral("SELECT count(*) FROM schema_version")), qint64(1));
    }

    void unreachableServerIsAClearErrorWithoutThePassword()
    {
        const QString database = m_cluster->createDatabase().section(QLatin1Char('/'), -1);
        // Nothing listens on a port we just probed and closed.
        const int closedPort = m_cluster->port() == 1 ? 2 : 1;
        const QString url = QStringLiteral("postgresql://tickerwire:hunter2@127.0.0.1:%1/%2").arg(closedPort).arg(database);
        const auto run = runCli({QStringLiteral("--store"), url, QStringLiteral("stats")}, m_sandbox.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("Cannot connect to the store at postgresql://tickerwire@127.0.0.1:%1/%2")
                                      .arg(closedPort).arg(database)),
                 qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("no PostgreSQL server is listening")));
        QVERIFY(!run.err.contains(QStringLiteral("hunter2")));
        QVERIFY(!run.out.contains(QStringLiteral("hunter2")));
    }

    void wrongPasswordIsAClearErrorWithoutThePassword()
    {
        const QString server = m_cluster->createDatabase();
        const QString wrongPassFile = path(QStringLiteral("wrong-pgpass"));
        {
            QFile f(wrongPassFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            f.write(QStringLiteral("127.0.0.1:%1:*:tickerwire:not-the-password\n").arg(m_cluster->port()).toUtf8());
        }
        const QByteArray rightPassFile = qgetenv("PGPASSFILE");
        qputenv("PGPASSFILE", QFile::encodeName(wrongPassFile));
        const auto fromFile = runCli({QStringLiteral("--store"), server, QStringLiteral("stats")}, m_sandbox.path());
        qputenv("PGPASSFILE", rightPassFile);
        QCOMPARE(fromFile.exitCode, 1);
        QVERIFY2(fromFile.err.contains(QStringLiteral("refused the password for user 'tickerwire'")), qPrintable(fromFile.err));
        QVERIFY(fromFile.err.contains(server));
        QVERIFY(!fromFile.err.contains(QStringLiteral("not-the-password")));

        QString withSecret = server;
        withSecret.replace(QStringLiteral("tickerwire@"), QStringLiteral("tickerwire:Sup3rSecret@"));
        const auto fromUrl = runCli({QStringLiteral("--store"), withSecret, QStringLiteral("stats")}, m_sandbox.path());
        QCOMPARE(fromUrl.exitCode, 1);
        QVERIFY2(fromUrl.err.contains(QStringLiteral("refused the password")), qPrintable(fromUrl.err));
        QVERIFY(fromUrl.err.contains(server));
        QVERIFY(!fromUrl.err.contains(QStringLiteral("Sup3rSecret")));
    }

    void serverGoneDownIsAClearErrorAndLosesNothingCommitted()
    {
        const QString server = m_cluster->createDatabase();
        const QString feed = writeFile(m_sandbox, QStringLiteral("down.rss"), generatedFeed(1, 20));
        QCOMPARE(runCli({QStringLiteral("--store"), server, QStringLiteral("ingest"), feed}, m_sandbox.path()).exitCode, 0);
        QVERIFY2(m_cluster->stopServer(), qPrintable(m_cluster->lastCommandOutput()));
        const auto down = runCli({QStringLiteral("--store"), server, QStringLiteral("stats")}, m_sandbox.path());
        QVERIFY2(m_cluster->startServer(), qPrintable(m_cluster->lastCommandOutput()));
        QCOMPARE(down.exitCode, 1);
        QVERIFY2(down.err.contains(QStringLiteral("Cannot connect to the store at ") + server), qPrintable(down.err));
        QVERIFY(down.err.contains(QStringLiteral("no PostgreSQL server is listening")));
        const auto up = runCli({QStringLiteral("--store"), server, QStringLiteral("stats")}, m_sandbox.path());
        QCOMPARE(up.exitCode, 0);
        QCOMPARE(twtest::parseStats(up.out).value(QStringLiteral("articles")), qint64(20));
    }
};

QTEST_GUILESS_MAIN(TestTeamStore)
#include "tst_teamstore.moc"
