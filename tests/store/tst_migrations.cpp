#include "models/scoring/corporatescoreupdater.h"
#include "models/store/articlestore.h"
#include "models/store/filingdocumentfetchstore.h"
#include "models/store/filingstore.h"
#include "models/store/migrations/migration.h"
#include "models/store/migrator.h"
#include "models/store/storeconnection.h"
#include "models/store/sqlexec.h"
#include "models/store/postgresurl.h"
#include "models/store/reportedfigurestore.h"
#include "models/store/sqlitefilecheck.h"
#include "pgtestcluster.h"
#include "testsupport.h"

#include <QDir>
#include <cmath>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace tw;

// The committed store the build that shipped migration `version` wrote.
static QString storeFixture(int version)
{
    return twtest::fixture(QStringLiteral("stores/v%1.db").arg(version));
}

// A copy of it at `path` that the test may open for writing (migrate).
static bool copyStoreFixture(int version, const QString &path)
{
    return QFile::copy(storeFixture(version), path) && QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
}

// The schema as SQLite keeps it: every table, index, trigger and view with its SQL.
static QStringList schemaOf(const QSqlDatabase &db)
{
    QStringList schema;
    QSqlQuery q(QStringLiteral("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master "
                               "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"),
                db);
    while (q.next())
        schema << QStringLiteral("%1 %2 on %3: %4").arg(q.value(0).toString(), q.value(1).toString(),
                                                       q.value(2).toString(), q.value(3).toString());
    return schema;
}

// Runs `statements` on the store at `path` as another program would, in WAL
// mode as Tickerwire keeps its stores (so a later open that writes nothing
// leaves the file's bytes as they are).
static void damage(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("other-program");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        const Status done = execStatements(db, QStringList{QStringLiteral("PRAGMA journal_mode = WAL")} + statements);
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.errorMessage()));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

// The store at `path` on a connection of its own ("fresh-schema").
static QSqlDatabase freshDatabase(const QString &path)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fresh-schema"));
    db.setDatabaseName(path);
    db.open();
    return db;
}

// A store of this build at `version` (migrations up to it), with a row in the
// main tables: for the refusal and read-only checks, not for upgrades (those
// read the committed fixtures of older builds).
static void writeStoreAtVersion(const QString &path, int version)
{
    const QString name = QStringLiteral("old-build");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        Migrator migrator(db, SqlDialect::Sqlite, path);
        QVERIFY2(migrator.migrateTo(version).ok(), "could not build the old store");
        QVERIFY(execStatements(db, {
            QStringLiteral("INSERT INTO tickers (symbol, name) VALUES ('META', 'Meta Platforms, Inc.')"),
            QStringLiteral("INSERT INTO feeds (url, created_utc) VALUES ('https://example.com/feed', 1)"),
            QStringLiteral("INSERT INTO articles (guid, url, title, summary, body, published_utc, fetched_utc, "
                           "feed_id, content_hash) VALUES ('g1', 'https://example.com/a', 'Meta unveils Muse Spark', "
                           "'A summary', 'The body mentions capex guidance', 1775678400000, 1775678400000, 1, 'h')"),
            QStringLiteral("INSERT INTO quotes (ticker, ts_utc, trade_date, close, source, fetched_utc) "
                           "VALUES ('META', 1775620800000, '2026-04-08', 612.5, 'demo', 1)"),
            // Rows that refer to the article: a step that rebuilds the
            // articles table must keep every one of them.
            // Relevance 0-1 before version 6, a whole number 0-100 from it on.
            QStringLiteral("INSERT INTO article_tickers (article_id, ticker, relevance) VALUES (1, 'META', %1)")
                .arg(version >= 6 ? QStringLiteral("90") : QStringLiteral("0.9")),
            QStringLiteral("INSERT INTO article_scores (article_id, ticker, model_version, score, label, scored_utc) "
                           "VALUES (1, 'META', 'm1', 0.5, 'Bullish', 1)"),
            QStringLiteral("INSERT INTO events (ticker, event_date, kind, title, merge_key, created_utc) "
                           "VALUES ('META', '2026-04-08', 'launch', 'Muse Spark', 'k1', 1)"),
            QStringLiteral("INSERT INTO event_sources (event_id, article_id) VALUES (1, 1)"),
        }).ok());
        if (version >= 3)
            QVERIFY(execStatements(db, {QStringLiteral(
                "INSERT INTO alert_rules (kind, created_utc) VALUES ('article-match', 1)")}).ok());
        // From version 4 the writer adds a new article's full-text row itself.
        if (version >= 4)
            QVERIFY(execStatements(db, {QStringLiteral(
                "INSERT INTO articles_fts (rowid, title, summary, body) SELECT id, title, summary, body FROM articles")}).ok());
        // From version 5 the writer stores where the article came from.
        if (version >= 5)
            QVERIFY(execStatements(db, {QStringLiteral("UPDATE articles SET origin = 'feed:1'")}).ok());
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

// Migration 7's running state on an upgraded store: built from META's one
// scored article and its link (90 of 100 read as 0.9), the one story weighs
// 0.9 x (0.25 + 0.75 x confidence) at its own time.
static void runningStateBuildsAfterUpgrade(QSqlDatabase db, const QString &model, double confidence)
{
    CorporateScoreUpdater updater(db, model);
    QVERIFY(updater.rebuild({QStringLiteral("META")}).ok());
    auto written = updater.flush({QStringLiteral("META")}, 1775678400000);
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.errorMessage()));
    QCOMPARE(written->size(), 3);
    QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM score_stories WHERE ticker = 'META'")), qint64(1));
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT relevance FROM score_stories WHERE ticker = 'META'")) && q.next());
    QVERIFY(std::abs(q.value(0).toDouble() - 0.9) < 1e-9);
    QVERIFY(std::abs(written->first().evidence - 0.9 * (0.25 + 0.75 * confidence)) < 1e-9);
}

// Migration 7's running state as a version 7+ build left it (make_store_fixture):
// a story per scored article, its member, the sums of each horizon, and the
// evidence beside each corporate score.
static void storedRunningStateSurvived(const QSqlDatabase &db)
{
    QSqlQuery story(db);
    QVERIFY(story.exec(QStringLiteral("SELECT id, first_article_id, copies, score_sum, confidence_sum, relevance, title "
                                      "FROM score_stories WHERE ticker = 'GOOGL' AND model_version = 'lexicon-1'")));
    QVERIFY(story.next());
    QCOMPARE(story.value(0).toLongLong(), qint64(2));
    QCOMPARE(story.value(1).toLongLong(), qint64(3));
    QCOMPARE(story.value(2).toInt(), 1);
    QCOMPARE(story.value(3).toDouble(), 0.4);
    QCOMPARE(story.value(4).toDouble(), 0.7);
    QCOMPARE(story.value(5).toDouble(), 0.95);
    QCOMPARE(story.value(6).toString(), QStringLiteral("Alphabet shares rise"));
    QCOMPARE(*queryScalar(db, QStringLiteral("SELECT story_id FROM score_story_members WHERE article_id = 3")), qint64(2));
    QSqlQuery state(db);
    QVERIFY(state.exec(QStringLiteral("SELECT as_of_utc, weight, weighted, absolute FROM corporate_score_state "
                                      "WHERE ticker = 'GOOGL' AND horizon = 'medium' AND model_version = 'lexicon-1'")));
    QVERIFY(state.next());
    QCOMPARE(state.value(0).toLongLong(), qint64(1775764800000));
    QCOMPARE(state.value(1).toDouble(), 0.73625);
    QCOMPARE(state.value(2).toDouble(), 0.2945);
    QCOMPARE(state.value(3).toDouble(), 0.2945);
    QSqlQuery score(db);
    QVERIFY(score.exec(QStringLiteral("SELECT ticker, evidence, newest_story_utc, insufficient FROM corporate_scores "
                                      "ORDER BY ticker")));
    QVERIFY(score.next());
    QCOMPARE(score.value(0).toString(), QStringLiteral("GOOGL"));
    QCOMPARE(score.value(1).toDouble(), 0.7362);
    QCOMPARE(score.value(2).toLongLong(), qint64(1775764800000));
    QCOMPARE(score.value(3).toString(), QStringLiteral("Rests on 1 story in the last 35 days (needs at least 2)"));
    QVERIFY(score.next());
    QCOMPARE(score.value(0).toString(), QStringLiteral("META"));
    QCOMPARE(score.value(1).toDouble(), 1.52);
    QCOMPARE(score.value(2).toLongLong(), qint64(1775678400000));
    QCOMPARE(score.value(3).toString(), QString());
}

// Migration 9's tables as a version 9 build left them, read through the
// stores that use them: the 8-K with its items, the event it reports, its
// exhibit article, and the capex Meta reported (2024's restated).
static void storedFilingsSurvived(const QSqlDatabase &db)
{
    const QString accession = QStringLiteral("0001326801-26-000031");
    FilingStore filings(db);
    auto filing = filings.byAccession(accession);
    QVERIFY2(filing.ok(), qPrintable(filing.ok() ? QString() : filing.errorMessage()));
    QVERIFY(filing->has_value());
    QCOMPARE((*filing)->ticker, QStringLiteral("META"));
    QCOMPARE((*filing)->filing.cik, qint64(1326801));
    QCOMPARE((*filing)->filing.form, QStringLiteral("8-K"));
    QCOMPARE((*filing)->filing.filed, QDate(2026, 4, 8));
    QCOMPARE((*filing)->filing.itemNumbers(), (QStringList{QStringLiteral("7.01"), QStringLiteral("9.01")}));
    auto sources = filings.sourcesOf(1);
    QVERIFY(sources.ok());
    QCOMPARE(sources->size(), 1);
    QCOMPARE(sources->first().accession, accession);
    QCOMPARE(sources->first().items, QStringLiteral("7.01"));
    QCOMPARE(sources->first().firstSentence, QStringLiteral("Meta expects 2026 capital expenditures of $115-135 billion."));
    QCOMPARE(*queryScalar(db, QStringLiteral("SELECT article_id FROM filing_articles WHERE exhibit = 'EX-99.1'")),
             qint64(1));
    // Its items have their text: a fetch listing it reads no document (migration 12).
    auto awaiting = FilingDocumentFetchStore(db).awaiting({accession}, 5);
    QVERIFY(awaiting.ok());
    QVERIFY(awaiting->isEmpty());

    ReportedFigureStore reported(db);
    auto facts = reported.facts(1326801);
    QVERIFY(facts.ok());
    QCOMPARE(facts->size(), 3);
    auto figures = reported.figures(QStringLiteral("META"), QStringLiteral("capex"));
    QVERIFY2(figures.ok(), qPrintable(figures.ok() ? QString() : figures.errorMessage()));
    QCOMPARE(figures->size(), 2);
    for (const ReportedFigure &f : *figures) {
        QCOMPARE(f.currency, QStringLiteral("USD"));
        if (f.period == QLatin1String("2025")) {
            QCOMPARE(f.value, 69691000000.0);
            QCOMPARE(f.revisions, 0);
            QVERIFY(!f.previousValue);
        } else {
            QCOMPARE(f.period, QStringLiteral("2024"));
            QCOMPARE(f.value, 37263000000.0);
            QCOMPARE(f.revisions, 1);
            QCOMPARE(f.previousValue, std::optional<double>(37256000000.0));
        }
    }
}

// A store of `version` built with today's migrations (writeStoreAtVersion),
// opened with this build: the rows that refer to an article survive every
// later step. Weaker than a committed file (an edit to a shipped step goes
// unnoticed), for versions that shipped without one.
static void builtStoreUpgrades(int version)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.db"));
    writeStoreAtVersion(path, version);
    if (QTest::currentTestFailed())
        return;
    auto store = StoreConnection::open(path, QStringLiteral("t"));
    QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.errorMessage()));
    QSqlDatabase db = (*store)->database();
    QCOMPARE(*queryScalar(db, QStringLiteral("PRAGMA user_version")), qint64(latestSchemaVersion()));
    QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM articles WHERE guid = 'g1'")), qint64(1));
    QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM article_tickers WHERE article_id = 1")), qint64(1));
    QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM article_scores WHERE article_id = 1")), qint64(1));
    QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM event_sources WHERE article_id = 1")), qint64(1));
    QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")), qint64(0));
    QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM articles WHERE origin = 'feed:1'")), qint64(1));
    QCOMPARE(ArticleStore(db).search(QStringLiteral("capex"), 10)->size(), 1);
    // Relevance 0.9 before version 6 reads 90 after it; the running state builds on it.
    QCOMPARE(*queryScalar(db, QStringLiteral("SELECT CAST(relevance AS INTEGER) FROM article_tickers")), qint64(90));
    runningStateBuildsAfterUpgrade(db, QStringLiteral("m1"), 0.0);
    QTemporaryDir freshDir;
    auto fresh = StoreConnection::open(freshDir.filePath(QStringLiteral("fresh.db")), QStringLiteral("fresh"));
    QVERIFY(fresh.ok());
    QCOMPARE(schemaOf(db), schemaOf((*fresh)->database()));
}

class TestMigrations : public QObject {
    Q_OBJECT

private slots:
    void emptyStoreReachesLatest()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store.db"));
        auto store = StoreConnection::open(path, QStringLiteral("t"));
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.errorMessage()));
        QCOMPARE(*queryScalar((*store)->database(), QStringLiteral("PRAGMA user_version")), qint64(latestSchemaVersion()));
        QSqlQuery mode(QStringLiteral("PRAGMA journal_mode"), (*store)->database());
        QVERIFY(mode.next());
        QCOMPARE(mode.value(0).toString(), QStringLiteral("wal"));
        QCOMPARE(*queryScalar((*store)->database(), QStringLiteral("PRAGMA foreign_keys")), qint64(1));
        // A new store has nothing to back up.
        QVERIFY(!QFile::exists(Migrator::backupPath(path, 0)));
    }

    // Migration 10: a backtest's reads of article scores and link relevance
    // by ticker (ArticleEvidenceReader's statements) are index range scans
    // that never visit the wide rows, and the newest scores' model version
    // is one index step.
    void studyReadsStayInTheirIndexes()
    {
        QTemporaryDir dir;
        auto store = StoreConnection::open(dir.filePath(QStringLiteral("store.db")), QStringLiteral("t"));
        QVERIFY(store.ok());
        auto plan = [&](const QString &sql) {
            QSqlQuery q((*store)->database());
            QStringList steps;
            if (q.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql))
                while (q.next())
                    steps << q.value(3).toString();
            return steps.join(QLatin1String(" | "));
        };
        const QString scores = plan(QStringLiteral(
            "SELECT s.article_id, s.score, s.confidence, a.published_utc, a.title FROM article_scores s "
            "JOIN articles a ON a.id = s.article_id WHERE s.ticker = 'META' AND s.model_version = 'm' "
            "ORDER BY s.article_id"));
        QVERIFY2(scores.contains(QLatin1String("COVERING INDEX article_scores_ticker")), qPrintable(scores));
        QVERIFY2(!scores.contains(QLatin1String("TEMP B-TREE")), qPrintable(scores));
        const QString links = plan(QStringLiteral(
            "SELECT article_id, relevance FROM article_tickers WHERE ticker = 'META' ORDER BY article_id"));
        QVERIFY2(links.contains(QLatin1String("COVERING INDEX article_tickers_ticker")), qPrintable(links));
        QVERIFY2(!links.contains(QLatin1String("TEMP B-TREE")), qPrintable(links));
        // The model version of the newest scores: one index step, not a scan of every score.
        const QString newest = plan(QStringLiteral(
            "SELECT model_version FROM article_scores ORDER BY scored_utc DESC, model_version DESC LIMIT 1"));
        QVERIFY2(newest.contains(QLatin1String("COVERING INDEX article_scores_scored")), qPrintable(newest));
        QVERIFY2(!newest.contains(QLatin1String("TEMP B-TREE")), qPrintable(newest));
    }

    // Migration 13: the full-text index merges sixteen segments at a time,
    // in a new store and in one written by the build before the step.
    void fullTextIndexMergesSixteenSegmentsAtATime()
    {
        QTemporaryDir dir;
        auto fresh = StoreConnection::open(dir.filePath(QStringLiteral("new.db")), QStringLiteral("new"));
        QVERIFY(fresh.ok());
        const QString automerge = QStringLiteral("SELECT v FROM articles_fts_config WHERE k = 'automerge'");
        QCOMPARE(*queryScalar((*fresh)->database(), automerge), qint64(16));
        const QString path = dir.filePath(QStringLiteral("v12.db"));
        QVERIFY(copyStoreFixture(12, path));
        auto upgraded = StoreConnection::open(path, QStringLiteral("v12"));
        QVERIFY2(upgraded.ok(), qPrintable(upgraded.ok() ? QString() : upgraded.errorMessage()));
        QSqlDatabase db = (*upgraded)->database();
        QCOMPARE(*queryScalar(db, automerge), qint64(16));
        // The index still answers, and stays whole after more writes.
        const qsizetype before = ArticleStore(db).search(QStringLiteral("capex"), 10)->size();
        QVERIFY(before > 0);
        QVERIFY(execStatements(db, {QStringLiteral("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")}).ok());
        QCOMPARE(ArticleStore(db).search(QStringLiteral("capex"), 10)->size(), before);
    }

    // Migration 14: a level of the full-text index is merged a few pages per
    // commit, not whole in the commit that fills it (crisismerge above
    // automerge), in a new store and in one written by the build before.
    void fullTextIndexIsNeverMergedWholeInOneCommit()
    {
        QTemporaryDir dir;
        const QString crisis = QStringLiteral("SELECT v FROM articles_fts_config WHERE k = 'crisismerge'");
        auto fresh = StoreConnection::open(dir.filePath(QStringLiteral("new.db")), QStringLiteral("new"));
        QVERIFY(fresh.ok());
        QCOMPARE(*queryScalar((*fresh)->database(), crisis), qint64(64));
        const QString path = dir.filePath(QStringLiteral("v13.db"));
        QVERIFY(copyStoreFixture(13, path));
        auto upgraded = StoreConnection::open(path, QStringLiteral("v13"));
        QVERIFY2(upgraded.ok(), qPrintable(upgraded.ok() ? QString() : upgraded.errorMessage()));
        QSqlDatabase db = (*upgraded)->database();
        QCOMPARE(*queryScalar(db, crisis), qint64(64));
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT v FROM articles_fts_config WHERE k = 'automerge'")), qint64(16));
        // Many one-article commits (a segment each, more than a crisis
        // merge's worth): every article is still found and the index is whole.
        for (int i = 0; i < 80; ++i) {
            Transaction tx(db);
            Article a;
            a.guid = QStringLiteral("crisis-%1").arg(i);
            a.url = QStringLiteral("https://example.com/crisis/%1").arg(i);
            a.title = QStringLiteral("Zephyrine turbine order number %1").arg(i);
            a.summary = QStringLiteral("Orders for the zephyrine turbine keep coming.");
            a.published = QDateTime(QDate(2026, 5, 1), QTime(9, 0), Qt::UTC).addSecs(60 * i);
            a.fetched = a.published;
            QVERIFY(ArticleStore(db).upsert(a).ok());
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(ArticleStore(db).search(QStringLiteral("zephyrine"), 100)->size(), qsizetype(80));
        QVERIFY(execStatements(db, {QStringLiteral("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")}).ok());
    }

    // A transaction's new terms (more than FTS5's default 1 MB of them) are
    // written as one segment, in a new store and in one upgraded from v14.
    void aTransactionsNewTermsAreWrittenAsOneSegment()
    {
        QTemporaryDir dir;
        const QString hashSize = QStringLiteral("SELECT v FROM articles_fts_config WHERE k = 'hashsize'");
        // The index's segment count: the structure record's second varint, after a 4-byte cookie.
        auto segments = [](QSqlDatabase db) {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("SELECT block FROM articles_fts_data WHERE id = 10")) || !q.next())
                return -1;
            const QByteArray block = q.value(0).toByteArray();
            qsizetype i = 4;
            auto varint = [&] {
                int v = 0;
                for (int shift = 0; i < block.size(); shift += 7) {
                    const auto b = quint8(block[i++]);
                    v |= (b & 0x7f) << shift;
                    if (!(b & 0x80))
                        break;
                }
                return v;
            };
            varint();   // levels
            return varint();
        };
        auto fresh = StoreConnection::open(dir.filePath(QStringLiteral("new.db")), QStringLiteral("new"));
        QVERIFY(fresh.ok());
        QCOMPARE(*queryScalar((*fresh)->database(), hashSize), qint64(4194304));
        const QString path = dir.filePath(QStringLiteral("v14.db"));
        QVERIFY(copyStoreFixture(14, path));
        auto upgraded = StoreConnection::open(path, QStringLiteral("v14"));
        QVERIFY2(upgraded.ok(), qPrintable(upgraded.ok() ? QString() : upgraded.errorMessage()));
        QCOMPARE(*queryScalar((*upgraded)->database(), hashSize), qint64(4194304));
        for (QSqlDatabase db : {(*fresh)->database(), (*upgraded)->database()}) {
            const int before = segments(db);
            QVERIFY(before >= 0);
            {
                Transaction tx(db);
                ArticleStore store(db);
                for (int i = 0; i < 3000; ++i) {
                    Article a;
                    a.guid = QStringLiteral("terms-%1").arg(i);
                    a.url = QStringLiteral("https://example.com/terms/%1").arg(i);
                    a.title = QStringLiteral("Quarterly order book number %1").arg(i);
                    QStringList words;   // 150,000 words of a 20,000-word vocabulary: about 2 MB of new terms
                    for (int w = 0; w < 50; ++w)
                        words << QStringLiteral("w%1").arg((i * 50 + w) % 20000);
                    a.summary = words.join(QLatin1Char(' '));
                    a.published = QDateTime(QDate(2026, 5, 1), QTime(9, 0), Qt::UTC).addSecs(60 * i);
                    a.fetched = a.published;
                    QVERIFY(store.upsert(a).ok());
                }
                QVERIFY(tx.commit().ok());
            }
            QCOMPARE(segments(db), before + 1);
            QCOMPARE(ArticleStore(db).search(QStringLiteral("w19999"), 10)->size(), qsizetype(7));
            QVERIFY(execStatements(db, {QStringLiteral("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")}).ok());
        }
    }

    // The committed stores of tests/fixtures/stores/ were written by the
    // builds that shipped each version (make_store_fixture.cpp): a later edit
    // to a shipped migration makes an upgraded store differ from a new one.
    void everyEarlierVersionOpensWithDataIntact_data()
    {
        QTest::addColumn<int>("version");
        for (const Migration &m : allMigrations()) {
            if (QFile::exists(storeFixture(m.version)))
                QTest::addRow("v%d", m.version) << m.version;
        }
    }

    void everyEarlierVersionOpensWithDataIntact()
    {
        QFETCH(int, version);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store.db"));
        QVERIFY(copyStoreFixture(version, path));

        auto store = StoreConnection::open(path, QStringLiteral("t"));
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.errorMessage()));
        QSqlDatabase db = (*store)->database();
        QCOMPARE(*queryScalar(db, QStringLiteral("PRAGMA user_version")), qint64(latestSchemaVersion()));

        // Every row the old build wrote, with its values: the rows of the
        // tables a version added only in the files of that version and later.
        const auto since = [version](int added, qint64 rows) { return version >= added ? rows : qint64(0); };
        const QList<std::pair<QString, qint64>> counts{
            {QStringLiteral("tickers"), 2},        {QStringLiteral("feeds"), 1},
            {QStringLiteral("articles"), 3},       {QStringLiteral("article_tickers"), 3},
            {QStringLiteral("article_scores"), 2}, {QStringLiteral("provider_scores"), 1},
            {QStringLiteral("quotes"), 2},         {QStringLiteral("corporate_scores"), 1 + since(7, 1)},
            {QStringLiteral("events"), 1},         {QStringLiteral("event_sources"), 1},
            {QStringLiteral("alert_rules"), since(3, 1)},
            {QStringLiteral("fired_alerts"), since(3, 1)},
            {QStringLiteral("fired_alert_articles"), since(3, 1)},
            {QStringLiteral("article_revisions"), since(5, 1)},
            {QStringLiteral("score_stories"), since(7, 2)},
            {QStringLiteral("score_story_members"), since(7, 2)},
            {QStringLiteral("corporate_score_state"), since(7, 6)},
            {QStringLiteral("filings"), since(9, 1)},
            {QStringLiteral("filing_items"), since(9, 2)},
            {QStringLiteral("event_filings"), since(9, 1)},
            {QStringLiteral("filing_articles"), since(9, 1)},
            {QStringLiteral("reported_facts"), since(9, 3)},
            {QStringLiteral("reported_figures"), since(9, 2)},
            {QStringLiteral("filing_document_fetches"), since(12, 1)},
        };
        for (const auto &[table, expected] : counts)
            QVERIFY2(*queryScalar(db, QStringLiteral("SELECT count(*) FROM %1").arg(table)) == expected, qPrintable(table));
        auto article = ArticleStore(db).byId(2);
        QVERIFY(article.ok() && article->has_value());
        QCOMPARE((*article)->title, QStringLiteral("Zürich analysts weigh Meta's €3 billion deal"));
        QCOMPARE((*article)->published, QDateTime::fromMSecsSinceEpoch(1775682000000, Qt::UTC));
        QSqlQuery event(db);
        QVERIFY(event.exec(QStringLiteral("SELECT amount_low, amount_high, period, kind FROM events WHERE id = 1")));
        QVERIFY(event.next());
        QCOMPARE(event.value(0).toDouble(), 115.0);
        QCOMPARE(event.value(1).toDouble(), 135.0);
        QCOMPARE(event.value(2).toString(), QStringLiteral("2026"));
        QCOMPARE(event.value(3).toString(), QStringLiteral("guidance"));
        // What refers to an article survived every step (migration 5
        // rebuilds the articles table), and each article's identity is now
        // its feed's, or its source's when it came from a file.
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")), qint64(0));
        QCOMPARE(*queryScalar(db, QStringLiteral("PRAGMA foreign_keys")), qint64(1));
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM article_tickers WHERE article_id = 1")), qint64(1));
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM event_sources WHERE article_id = 1")), qint64(1));
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM articles WHERE origin = 'feed:1'")), qint64(2));
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM articles WHERE id = 3 AND origin = 'source:Wire'")),
                 qint64(1));
        // Link relevance is a whole number 0-100 from version 6 on (0.9 became 90); tickers keep a CIK.
        for (const auto &[id, relevance] : {std::pair{1, 90}, std::pair{2, 70}, std::pair{3, 95}})
            QCOMPARE(*queryScalar(db, QStringLiteral("SELECT CAST(relevance AS INTEGER) FROM article_tickers "
                                                     "WHERE article_id = %1").arg(id)),
                     qint64(relevance));
        // A CIK stored from version 6 on is kept; older tickers have none (0).
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT cik FROM tickers WHERE symbol = 'META'")), since(6, 1326801));
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT cik FROM tickers WHERE symbol = 'GOOGL'")), since(6, 1652044));
        if (version >= 5) {
            QSqlQuery revision(db);
            QVERIFY(revision.exec(QStringLiteral("SELECT article_id, revised_utc, previous_title, previous_hash "
                                                 "FROM article_revisions")) && revision.next());
            QCOMPARE(revision.value(0).toLongLong(), qint64(2));
            QCOMPARE(revision.value(1).toLongLong(), qint64(1775682060000));
            QCOMPARE(revision.value(2).toString(), QStringLiteral("Zurich analysts weigh Meta deal"));
            QCOMPARE(revision.value(3).toString(), QStringLiteral("h2-first"));
        }
        if (version >= 7) {
            storedRunningStateSurvived(db);
            if (QTest::currentTestFailed())
                return;
        }
        // GOOGL's running state, as the code intends it: the stored state of a
        // file from version 7 on, built from its article score (95 of 100,
        // confidence 0.7) in an older one; either way one story weighing
        // 0.95 x (0.25 + 0.75 x 0.7), undecayed at its own time.
        {
            CorporateScoreUpdater updater(db, QStringLiteral("lexicon-1"));
            auto written = updater.flush({QStringLiteral("GOOGL")}, 1775764800000);
            QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.errorMessage()));
            QCOMPARE(written->size(), 3);
            for (const CorporateScore &score : *written) {
                QVERIFY2(std::abs(score.evidence - 0.95 * (0.25 + 0.75 * 0.7)) < 1e-9, qPrintable(score.headline()));
                QCOMPARE(score.articleCount, 1);
                QVERIFY(!score.sufficient());
            }
            QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM score_stories WHERE ticker = 'GOOGL'")),
                     qint64(1));
        }
        if (version >= 9) {
            storedFilingsSurvived(db);
            if (QTest::currentTestFailed())
                return;
        }
        // Migration 7's tables work on it (META's article 1: lexicon-1, confidence 0.8).
        runningStateBuildsAfterUpgrade(db, QStringLiteral("lexicon-1"), 0.8);
        QSqlQuery close(db);
        QVERIFY(close.exec(QStringLiteral("SELECT close FROM quotes WHERE trade_date = '2026-04-09'")));
        QVERIFY(close.next());
        QCOMPARE(close.value(0).toDouble(), 607.75);

        // The upgraded store has exactly the schema a new store gets.
        QTemporaryDir freshDir;
        auto fresh = StoreConnection::open(freshDir.filePath(QStringLiteral("fresh.db")), QStringLiteral("fresh"));
        QVERIFY(fresh.ok());
        QCOMPARE(schemaOf(db), schemaOf((*fresh)->database()));

        // Articles written before the full-text step are searchable after it,
        // accents folded.
        ArticleStore articles(db);
        QCOMPARE(articles.search(QStringLiteral("capex"), 10)->size(), 1);
        QCOMPARE(articles.search(QStringLiteral("zurich"), 10)->value(0), qint64(2));
        // Articles stored, changed and removed after the upgrade keep the index
        // in step with the table, whichever version the store came from.
        Article added;
        added.guid = QStringLiteral("g4");
        added.url = QStringLiteral("https://example.com/b");
        added.title = QStringLiteral("Meta raises its capex range");
        added.published = QDateTime(QDate(2026, 4, 9), QTime(12, 0), Qt::UTC);
        auto stored = articles.upsert(added);
        QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.errorMessage()));
        QCOMPARE(articles.search(QStringLiteral("capex"), 10)->size(), 2);
        added.title = QStringLiteral("Meta raises its spending range");
        QCOMPARE(articles.upsert(added)->outcome, UpsertOutcome::Updated);
        QCOMPARE(articles.search(QStringLiteral("capex"), 10)->size(), 1);
        QCOMPARE(articles.search(QStringLiteral("spending"), 10)->value(0), stored->id);
        QVERIFY(articles.remove(stored->id).ok());
        QCOMPARE(articles.search(QStringLiteral("spending"), 10)->size(), 0);
        QVERIFY(execStatements(db, {QStringLiteral(
            "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")}).ok());
        QSqlQuery integrity(QStringLiteral("PRAGMA integrity_check"), db);
        QVERIFY(integrity.next());
        QCOMPARE(integrity.value(0).toString(), QStringLiteral("ok"));
        if (version < latestSchemaVersion()) {
            // The file as the old build left it was copied aside first.
            const QString backup = Migrator::backupPath(path, version);
            QVERIFY2(QFile::exists(backup), qPrintable(backup));
            QSqlDatabase old = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("backup"));
            old.setDatabaseName(backup);
            QVERIFY(old.open());
            QCOMPARE(*queryScalar(old, QStringLiteral("PRAGMA user_version")), qint64(version));
            QCOMPARE(*queryScalar(old, QStringLiteral("SELECT count(*) FROM articles")), qint64(3));
            old.close();
            old = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("backup"));
        }
    }

    // Versions shipped without a committed file are built with today's
    // migrations instead (builtStoreUpgrades). Every shipped version has its
    // file today, so none is; a later version that ships without one is
    // checked here until its file is committed. A loop, not a data table:
    // Qt Test (6.4) runs a test function whose table has no rows once anyway,
    // and its QFETCH aborts.
    void builtStoreOfAVersionWithoutFixtureUpgrades()
    {
        // The committed files reach to v14 at least.
        for (int v = 1; v <= 14; ++v)
            QVERIFY2(QFile::exists(storeFixture(v)), qPrintable(storeFixture(v)));
        // v1 always, so the path is known to work before a version needs it.
        QList<int> versions{1};
        for (const Migration &m : allMigrations()) {
            if (m.version > 1 && m.version < latestSchemaVersion() && !QFile::exists(storeFixture(m.version)))
                versions << m.version;
        }
        for (int version : versions) {
            qInfo("built store of v%d", version);
            builtStoreUpgrades(version);
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(QStringLiteral("the built store of v%1 did not upgrade intact").arg(version)));
        }
    }

    // A backup that an interrupted upgrade left behind (kill -9 or a full
    // disk while it was written) is checked before it is trusted: a damaged
    // one is made again, and the upgrade goes on.
    void damagedBackupIsMadeAgain_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("page 1 zeroed") << QStringLiteral("zeroed");
        QTest::newRow("cut short") << QStringLiteral("truncated");
        QTest::newRow("empty") << QStringLiteral("empty");
        QTest::newRow("another version") << QStringLiteral("version");
    }

    void damagedBackupIsMadeAgain()
    {
        QFETCH(QString, damage);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store.db"));
        writeStoreAtVersion(path, 3);
        const QString backup = Migrator::backupPath(path, 3);
        QByteArray bytes = twtest::readAll(path);
        QVERIFY(bytes.size() > 3 * 4096);
        if (damage == QLatin1String("zeroed"))
            bytes.replace(0, 4096, QByteArray(4096, '\0'));
        else if (damage == QLatin1String("truncated"))
            bytes.truncate(bytes.size() / 2);
        else if (damage == QLatin1String("empty"))
            bytes.clear();
        else
            bytes.replace(60, 4, QByteArray("\0\0\0\x02", 4));   // user_version 2: not this version's copy
        {
            QFile f(backup);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        }
        QVERIFY(!verifySqliteCopy(backup, 3).ok());

        auto store = StoreConnection::open(path, QStringLiteral("t"));
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.errorMessage()));
        QCOMPARE(*queryScalar((*store)->database(), QStringLiteral("PRAGMA user_version")), qint64(latestSchemaVersion()));
        const Status whole = verifySqliteCopy(backup, 3);
        QVERIFY2(whole.ok(), qPrintable(whole.ok() ? QString() : whole.errorMessage()));
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.tmp-*")}, QDir::Files), QStringList());
    }

    // When no whole backup can be written the upgrade does not start: the
    // store stays as it was, at its old version.
    void upgradeWithoutABackupRefusesCleanly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store.db"));
        writeStoreAtVersion(path, 3);
        const QString backup = Migrator::backupPath(path, 3);
        QVERIFY(QDir().mkpath(backup + QStringLiteral("/in-the-way")));   // a folder where the copy must go

        auto store = StoreConnection::open(path, QStringLiteral("t"));
        QVERIFY(!store.ok());
        QVERIFY2(store.errorMessage().contains(QStringLiteral("Could not back up")), qPrintable(store.errorMessage()));
        QVERIFY2(store.errorMessage().contains(QStringLiteral("not changed")), qPrintable(store.errorMessage()));
        store = fail(QString());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("after"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QCOMPARE(*queryScalar(db, QStringLiteral("PRAGMA user_version")), qint64(3));
            QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM articles")), qint64(1));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("after"));
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.tmp-*")}, QDir::Files), QStringList());
        QVERIFY(QDir().rmdir(backup + QStringLiteral("/in-the-way")) && QDir().rmdir(backup));
        auto retried = StoreConnection::open(path, QStringLiteral("t"));
        QVERIFY2(retried.ok(), qPrintable(retried.ok() ? QString() : retried.errorMessage()));
        QVERIFY(verifySqliteCopy(backup, 3).ok());
    }

    // Somebody else's database in WAL mode, open in their program with
    // pages still in its WAL: refused, and neither its file nor its WAL
    // is changed by looking.
    void foreignWalDatabaseIsRefusedUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("theirs.db"));
        const QString name = QStringLiteral("their-program");
        {
            QSqlDatabase theirs = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            theirs.setDatabaseName(path);
            QVERIFY(theirs.open());
            QVERIFY(execStatements(theirs, {QStringLiteral("PRAGMA journal_mode = WAL"),
                                            QStringLiteral("PRAGMA wal_autocheckpoint = 0"),
                                            QStringLiteral("CREATE TABLE recipes (name TEXT)"),
                                            QStringLiteral("INSERT INTO recipes VALUES ('bread')")}).ok());
            const QByteArray main = twtest::sha256(path);
            const QByteArray wal = twtest::sha256(path + QStringLiteral("-wal"));
            QVERIFY(QFileInfo(path + QStringLiteral("-wal")).size() > 0);
            auto store = StoreConnection::open(path, QStringLiteral("t"));
            QVERIFY(!store.ok());
            QVERIFY2(store.errorMessage().contains(QStringLiteral("not a Tickerwire store")), qPrintable(store.errorMessage()));
            QCOMPARE(twtest::sha256(path), main);
            QCOMPARE(twtest::sha256(path + QStringLiteral("-wal")), wal);
            QCOMPARE(*queryScalar(theirs, QStringLiteral("SELECT count(*) FROM recipes")), qint64(1));
            theirs.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    void readOnlyOpenNeverMigratesOrWrites()
    {
        QTemporaryDir dir;
        const QString old = dir.filePath(QStringLiteral("old.db"));
        QVERIFY(copyStoreFixture(1, old));
        const QByteArray before = twtest::sha256(old);
        auto refused = StoreConnection::openReadOnly(old, QStringLiteral("ro"));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorMessage().contains(QStringLiteral("schema version 1")), qPrintable(refused.errorMessage()));
        QCOMPARE(twtest::sha256(old), before);
        QVERIFY(!QFile::exists(Migrator::backupPath(old, 1)));

        const QString current = dir.filePath(QStringLiteral("current.db"));
        writeStoreAtVersion(current, latestSchemaVersion());
        const QByteArray currentBefore = twtest::sha256(current);
        {
            auto store = StoreConnection::openReadOnly(current, QStringLiteral("ro"));
            QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.errorMessage()));
            QCOMPARE(*queryScalar((*store)->database(), QStringLiteral("SELECT count(*) FROM articles")), qint64(1));
            QSqlDatabase db = (*store)->database();
            QVERIFY(!execStatements(db, {QStringLiteral("DELETE FROM articles")}).ok());
        }
        QCOMPARE(twtest::sha256(current), currentBefore);
        QVERIFY(!StoreConnection::openReadOnly(dir.filePath(QStringLiteral("absent.db")), QStringLiteral("ro")).ok());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("absent.db"))));
    }

    void newerStoreIsRefusedAndUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store.db"));
        writeStoreAtVersion(path, latestSchemaVersion());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(execStatements(db, {QStringLiteral("PRAGMA user_version = %1").arg(latestSchemaVersion() + 7)}).ok());
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("future"));
        const QByteArray before = twtest::sha256(path);

        auto store = StoreConnection::open(path, QStringLiteral("t"));
        QVERIFY(!store.ok());
        QVERIFY(store.errorMessage().contains(path));
        QVERIFY(store.errorMessage().contains(QStringLiteral("newer")));
        QCOMPARE(twtest::sha256(path), before);
    }

    // A store whose version number claims steps its schema does not show (a
    // development build between two steps wrote it) is refused before it is
    // opened for writing, naming each such step: never upgraded over, never
    // backed up and changed.
    void storeLackingAStepItsVersionClaimsIsRefusedUntouched_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<QStringList>("damage");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("v9 without migration 6's tickers.cik")
            << 9 << QStringList{QStringLiteral("ALTER TABLE tickers DROP COLUMN cik")}
            << QStringList{QStringLiteral("migration 6 (company directory"),
                           QStringLiteral("column tickers.cik is missing")};
        QTest::newRow("v9 without migration 5's articles.origin")
            << 9
            << QStringList{QStringLiteral("DROP INDEX articles_identity"),
                           QStringLiteral("ALTER TABLE articles DROP COLUMN origin")}
            << QStringList{QStringLiteral("migration 5 (article identity"),
                           QStringLiteral("column articles.origin is missing")};
        // Every new article would enter the full-text index twice.
        QTest::newRow("v9 with the trigger migration 4 removed")
            << 9
            << QStringList{QStringLiteral("CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
                                          "INSERT INTO articles_fts(rowid, title, summary, body) "
                                          "VALUES (new.id, new.title, new.summary, new.body); END")}
            << QStringList{QStringLiteral("migration 4 (cheaper article writes"),
                           QStringLiteral("trigger articles_fts_insert is still there")};
        QTest::newRow("v5 numbered 9")
            << 5 << QStringList{QStringLiteral("PRAGMA user_version = 9")}
            << QStringList{QStringLiteral("schema version 9"), QStringLiteral("migration 6 ("),
                           QStringLiteral("migration 7 ("), QStringLiteral("migration 8 ("),
                           QStringLiteral("migration 9 (")};
    }

    void storeLackingAStepItsVersionClaimsIsRefusedUntouched()
    {
        QFETCH(int, version);
        QFETCH(QStringList, damage);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store.db"));
        writeStoreAtVersion(path, version);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("dev-build"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            const Status damaged = execStatements(db, damage);
            QVERIFY2(damaged.ok(), qPrintable(damaged.ok() ? QString() : damaged.errorMessage()));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("dev-build"));
        const QByteArray before = twtest::sha256(path);

        auto store = StoreConnection::open(path, QStringLiteral("t"));
        QVERIFY(!store.ok());
        const QString message = store.errorMessage();
        QVERIFY2(message.contains(path) && message.contains(QStringLiteral("left untouched")), qPrintable(message));
        for (const QString &part : expected)
            QVERIFY2(message.contains(part), qPrintable(part + QStringLiteral(" not in: ") + message));
        // The steps the version does claim and the store does show are not named.
        QVERIFY2(!message.contains(QStringLiteral("migration 1 (")), qPrintable(message));
        QCOMPARE(twtest::sha256(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.bak-*")}, QDir::Files), QStringList());

        auto readOnly = StoreConnection::openReadOnly(path, QStringLiteral("ro"));
        QVERIFY(!readOnly.ok());
        QVERIFY2(readOnly.errorMessage().contains(expected.constLast()), qPrintable(readOnly.errorMessage()));
        QCOMPARE(twtest::sha256(path), before);
    }

    // Another program (a DB browser, a script) dropped indexes and a
    // full-text trigger of a current store: without the unique index every
    // new article's write fails on SQL the analyst cannot act on; without the
    // trigger, search drifts from the articles. Opening makes them again
    // (the schema is then that of a new store) and writes keep search whole.
    void droppedIndexesAndTriggersAreMadeAgain()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store.db"));
        const QString fresh = dir.filePath(QStringLiteral("fresh.db"));
        writeStoreAtVersion(path, latestSchemaVersion());
        writeStoreAtVersion(fresh, latestSchemaVersion());
        // And an article edited while the full-text trigger was gone.
        damage(path, {QStringLiteral("DROP INDEX articles_identity"), QStringLiteral("DROP INDEX articles_url"),
                      QStringLiteral("DROP TRIGGER articles_fts_update"),
                      QStringLiteral("UPDATE articles SET title = 'Meta opens Muse Spark to developers'")});

        auto store = StoreConnection::open(path, QStringLiteral("t"));
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.errorMessage()));
        QSqlDatabase db = (*store)->database();
        QCOMPARE(schemaOf(db), schemaOf(freshDatabase(fresh)));
        // The index was rebuilt: it holds the edit, and a later change finds the terms it removes.
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'developers'")),
                 qint64(1));
        QVERIFY(execStatements(db, {QStringLiteral("UPDATE articles SET title = 'Meta renames Muse Spark'")}).ok());
        QVERIFY(execStatements(db, {QStringLiteral("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")}).ok());
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'renames'")),
                 qint64(1));
        QSqlDatabase::removeDatabase(QStringLiteral("fresh-schema"));
    }

    // A unique index the rows no longer fit (a duplicate slipped in while it
    // was gone) cannot be made again: refused with the reason, nothing changed.
    void droppedUniqueIndexTheRowsNoLongerFitIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store.db"));
        writeStoreAtVersion(path, latestSchemaVersion());
        damage(path, {QStringLiteral("DROP INDEX articles_identity"),
                      QStringLiteral("INSERT INTO articles (guid, url, title, published_utc, fetched_utc, content_hash, "
                                     "origin) SELECT guid, url, title, published_utc, fetched_utc, 'h2', origin FROM articles")});
        const QByteArray before = twtest::sha256(path);
        auto store = StoreConnection::open(path, QStringLiteral("t"));
        QVERIFY(!store.ok());
        QVERIFY2(store.errorMessage().contains(QStringLiteral("lacks index articles_identity")), qPrintable(store.errorMessage()));
        QVERIFY2(store.errorMessage().contains(QStringLiteral("UNIQUE constraint failed")), qPrintable(store.errorMessage()));
        QCOMPARE(twtest::sha256(path), before);
    }

    // A trigger, or a unique index, that Tickerwire never makes acts on every
    // write (a trigger that deletes, an index that refuses a headline seen
    // before): refused, naming them. An index of the analyst's own that
    // refuses nothing is left alone.
    void foreignTriggerOrUniqueIndexIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store.db"));
        writeStoreAtVersion(path, latestSchemaVersion());
        damage(path, {QStringLiteral("CREATE TRIGGER sweep AFTER INSERT ON articles BEGIN "
                                     "DELETE FROM articles WHERE id < new.id; END"),
                      QStringLiteral("CREATE UNIQUE INDEX one_title ON articles(title)"),
                      QStringLiteral("CREATE INDEX by_author ON articles(author)")});
        const QByteArray before = twtest::sha256(path);
        {
            auto store = StoreConnection::open(path, QStringLiteral("t"));
            QVERIFY(!store.ok());
            const QString message = store.errorMessage();
            QVERIFY2(message.contains(QStringLiteral("trigger sweep")) && message.contains(QStringLiteral("index one_title")),
                     qPrintable(message));
            QVERIFY2(!message.contains(QStringLiteral("by_author")), qPrintable(message));
        }
        QCOMPARE(twtest::sha256(path), before);

        // On a table of the analyst's own, they never act on our writes: left alone.
        damage(path, {QStringLiteral("DROP TRIGGER sweep"), QStringLiteral("DROP INDEX one_title"),
                      QStringLiteral("CREATE TABLE my_notes (note TEXT, touched INTEGER)"),
                      QStringLiteral("CREATE UNIQUE INDEX my_notes_note ON my_notes(note)"),
                      QStringLiteral("CREATE TRIGGER my_notes_touch AFTER INSERT ON my_notes BEGIN "
                                     "UPDATE my_notes SET touched = 1 WHERE rowid = new.rowid; END")});
        auto store = StoreConnection::open(path, QStringLiteral("t"));
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.errorMessage()));
        QCOMPARE(*queryScalar((*store)->database(),
                              QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'by_author'")),
                 qint64(1));
    }

    void foreignAndDamagedFilesAreRefusedAndUntouched_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("text file") << QStringLiteral("text");
        QTest::newRow("truncated store") << QStringLiteral("truncated");
        QTest::newRow("garbage header") << QStringLiteral("garbage");
        QTest::newRow("broken header fields") << QStringLiteral("header");
        QTest::newRow("someone else's sqlite") << QStringLiteral("foreign");
    }

    void foreignAndDamagedFilesAreRefusedAndUntouched()
    {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store.db"));
        if (kind == QLatin1String("text")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(twtest::readAll(QStringLiteral("/etc/passwd")));
        } else if (kind == QLatin1String("foreign")) {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(execStatements(db, {QStringLiteral("CREATE TABLE recipes (name TEXT)")}).ok());
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
        } else {
            writeStoreAtVersion(path, latestSchemaVersion());
            QByteArray bytes = twtest::readAll(path);
            QVERIFY(bytes.size() > 8192);
            if (kind == QLatin1String("truncated"))
                bytes.truncate(bytes.size() / 2);
            else if (kind == QLatin1String("header"))
                bytes.replace(16, 2, QByteArray(2, '\xff'));   // the page size, after an intact magic string
            else
                bytes.replace(0, 16, QByteArray(16, 'x'));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(bytes);
        }
        const QByteArray before = twtest::sha256(path);
        auto store = StoreConnection::open(path, QStringLiteral("t"));
        QVERIFY(!store.ok());
        QVERIFY2(store.errorMessage().contains(path), qPrintable(store.errorMessage()));
        if (kind == QLatin1String("header") || kind == QLatin1String("truncated"))
            QVERIFY2(store.errorMessage().contains(QStringLiteral("is damaged")), qPrintable(store.errorMessage()));
        QCOMPARE(twtest::sha256(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }
};

// The same numbered migrations on PostgreSQL, where the version lives in the
// schema_version table and full-text search is a generated tsvector column.
class TestPgMigrations : public QObject {
    Q_OBJECT

    twtest::SuiteCluster m_cluster;

    // A plain connection, as an older build (or another tool) would hold.
    static QSqlDatabase rawConnection(const QString &location, const QString &name)
    {
        const PostgresUrl url = *PostgresUrl::parse(location);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host);
        db.setPort(url.port);
        db.setUserName(url.user);
        db.setDatabaseName(url.database);
        db.open();
        return db;
    }

    static qint64 tableCount(const QSqlDatabase &db)
    {
        return *queryScalar(db, QStringLiteral(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_cluster.start(), qPrintable(m_cluster.error()));
    }

    void cleanupTestCase() { m_cluster.stop(); }

    void emptyDatabaseReachesLatest()
    {
        const QString location = m_cluster->createDatabase();
        auto store = StoreConnection::open(location, QStringLiteral("t"));
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.errorMessage()));
        QSqlDatabase db = (*store)->database();
        QCOMPARE((*store)->dialect(), SqlDialect::Postgres);
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT version FROM schema_version")), qint64(latestSchemaVersion()));
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM schema_version")), qint64(1));
        QCOMPARE(*queryScalar(db, QStringLiteral(
                     "SELECT count(*) FROM pg_indexes WHERE tablename = 'articles' AND indexname = 'articles_search' "
                     "AND indexdef LIKE '%USING gin%'")),
                 qint64(1));
        // Identity keys: inserting without an id assigns one.
        QVERIFY(execStatements(db, {QStringLiteral("INSERT INTO feeds (url, created_utc) VALUES ('https://e.x/f', 1)")}).ok());
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT id FROM feeds")), qint64(1));
        // Opening again finds nothing to do.
        db = QSqlDatabase();
        store = fail(QString());
        auto again = StoreConnection::open(location, QStringLiteral("t"));
        QVERIFY(again.ok());
        QCOMPARE(*queryScalar((*again)->database(), QStringLiteral("SELECT count(*) FROM feeds")), qint64(1));
    }

    void everyEarlierVersionOpensWithDataIntact_data()
    {
        QTest::addColumn<int>("version");
        for (const Migration &m : allMigrations()) {
            if (m.version < latestSchemaVersion())
                QTest::addRow("from v%d", m.version) << m.version;
        }
    }

    void everyEarlierVersionOpensWithDataIntact()
    {
        QFETCH(int, version);
        const QString location = m_cluster->createDatabase();
        {
            QSqlDatabase db = rawConnection(location, QStringLiteral("old-build"));
            QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
            Migrator migrator(db, SqlDialect::Postgres, location);
            QVERIFY(migrator.migrateTo(version).ok());
            QVERIFY(execStatements(db, {
                QStringLiteral("INSERT INTO tickers (symbol, name) VALUES ('META', 'Meta Platforms, Inc.')"),
                QStringLiteral("INSERT INTO articles (guid, url, title, summary, body, published_utc, fetched_utc, "
                               "content_hash) VALUES ('g1', 'https://example.com/a', 'Meta unveils Muse Spark', "
                               "'A summary', 'The body mentions capex guidance', 1775678400000, 1775678400000, 'h')"),
                QStringLiteral("INSERT INTO article_tickers (article_id, ticker, relevance) "
                               "SELECT id, 'META', %1 FROM articles")
                    .arg(version >= 6 ? QStringLiteral("90") : QStringLiteral("0.9")),
                QStringLiteral("INSERT INTO article_scores (article_id, ticker, model_version, score, label, scored_utc) "
                               "SELECT id, 'META', 'm1', 0.5, 'Bullish', 1 FROM articles"),
            }).ok());
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old-build"));

        auto store = StoreConnection::open(location, QStringLiteral("t"));
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.errorMessage()));
        QSqlDatabase db = (*store)->database();
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT version FROM schema_version")), qint64(latestSchemaVersion()));
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM articles WHERE guid = 'g1'")), qint64(1));
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM tickers")), qint64(1));
        QCOMPARE(*queryScalar(db, QStringLiteral(
                     "SELECT count(*) FROM articles WHERE search_vector @@ to_tsquery('english', 'capex')")),
                 qint64(1));
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT CAST(relevance AS INTEGER) FROM article_tickers")), qint64(90));
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT cik FROM tickers")), qint64(0));
        runningStateBuildsAfterUpgrade(db, QStringLiteral("m1"), 0.0);
    }

    void newerStoreIsRefusedAndUntouched()
    {
        const QString location = m_cluster->createDatabase();
        QVERIFY(StoreConnection::open(location, QStringLiteral("t")).ok());
        const QString database = PostgresUrl::parse(location)->database;
        QVERIFY(m_cluster->exec(database, QStringLiteral("UPDATE schema_version SET version = %1")
                                              .arg(latestSchemaVersion() + 7)));
        auto store = StoreConnection::open(location, QStringLiteral("t"));
        QVERIFY(!store.ok());
        QVERIFY2(store.errorMessage().contains(QStringLiteral("newer")), qPrintable(store.errorMessage()));
        QVERIFY(store.errorMessage().contains(location));
        auto attached = StoreConnection::attach(location, QStringLiteral("t2"));
        QVERIFY(!attached.ok());
        {
            QSqlDatabase db = rawConnection(location, QStringLiteral("check"));
            QCOMPARE(*queryScalar(db, QStringLiteral("SELECT version FROM schema_version")),
                     qint64(latestSchemaVersion() + 7));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }

    // As on SQLite: a database whose schema_version claims a step its schema
    // does not show is refused by every kind of open, and left as it was.
    void storeLackingAStepItsVersionClaimsIsRefusedUntouched()
    {
        const QString location = m_cluster->createDatabase();
        QVERIFY(StoreConnection::open(location, QStringLiteral("t")).ok());
        const QString database = PostgresUrl::parse(location)->database;
        QVERIFY(m_cluster->exec(database, QStringLiteral("ALTER TABLE tickers DROP COLUMN cik")));
        auto store = StoreConnection::open(location, QStringLiteral("t"));
        QVERIFY(!store.ok());
        const QString message = store.errorMessage();
        QVERIFY2(message.contains(QStringLiteral("migration 6 (company directory")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("column tickers.cik is missing")), qPrintable(message));
        QVERIFY2(message.contains(PostgresUrl::redact(location)), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("left untouched")), qPrintable(message));
        QVERIFY(!StoreConnection::attach(location, QStringLiteral("t2")).ok());
        QVERIFY(!StoreConnection::openReadOnly(location, QStringLiteral("t3")).ok());
        {
            QSqlDatabase db = rawConnection(location, QStringLiteral("check"));
            QCOMPARE(*queryScalar(db, QStringLiteral("SELECT version FROM schema_version")), qint64(latestSchemaVersion()));
            QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM information_schema.columns "
                                                     "WHERE table_name = 'tickers' AND column_name = 'cik'")),
                     qint64(0));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }

    void foreignDatabaseIsRefusedAndUntouched()
    {
        const QString location = m_cluster->createDatabase();
        const QString database = PostgresUrl::parse(location)->database;
        QVERIFY(m_cluster->exec(database, QStringLiteral("CREATE TABLE recipes (name TEXT)")));
        auto store = StoreConnection::open(location, QStringLiteral("t"));
        QVERIFY(!store.ok());
        QVERIFY2(store.errorMessage().contains(QStringLiteral("not a Tickerwire store")), qPrintable(store.errorMessage()));
        {
            QSqlDatabase db = rawConnection(location, QStringLiteral("check"));
            QCOMPARE(tableCount(db), qint64(1));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }

    void missingDatabaseSaysSo()
    {
        auto store = StoreConnection::open(m_cluster->url(QStringLiteral("no_such_db")), QStringLiteral("t"));
        QVERIFY(!store.ok());
        QVERIFY2(store.errorMessage().contains(QStringLiteral("does not exist")), qPrintable(store.errorMessage()));
        QVERIFY(store.errorMessage().contains(QStringLiteral("createdb no_such_db")));
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    TestMigrations sqlite;
    TestPgMigrations pg;
    return QTest::qExec(&sqlite, argc, argv) + QTest::qExec(&pg, argc, argv);
}
#include "tst_migrations.moc"
