#include "models/alerts/alertrulestore.h"
#include "models/pipeline/articleingestor.h"
#include "models/domain/quote.h"
#include "models/store/articleevidencereader.h"
#include "models/store/articlescorestore.h"
#include "models/store/articlestore.h"
#include "models/store/feedstore.h"
#include "models/store/quotestore.h"
#include "models/store/foreignkeypause.h"
#include "models/store/sqlexec.h"
#include "models/store/sqlitestatement.h"
#include "models/store/storedcontentcheck.h"
#include "models/store/storestats.h"
#include "models/store/storeconnection.h"
#include "models/store/walcheckpoint.h"
#include "models/store/storelocation.h"
#include "models/store/tickerstore.h"
#include "models/store/postgresurl.h"
#include "storebackends.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

#include <thread>

using namespace tw;

namespace {
Article sampleArticle()
{
    Article a;
    a.guid = QStringLiteral("https://news.example.com/meta-muse-spark");
    a.url = QStringLiteral("https://news.example.com/meta-muse-spark");
    a.title = QStringLiteral("Meta unveils Muse Spark");
    a.summary = QStringLiteral("The first model from Meta Superintelligence Labs.");
    a.body = QStringLiteral("Meta Platforms introduced Muse Spark on Wednesday, with a private API preview.");
    a.source = QStringLiteral("Example News");
    a.published = QDateTime(QDate(2026, 4, 8), QTime(20, 5), Qt::UTC);
    a.fetched = QDateTime(QDate(2026, 4, 8), QTime(20, 30), Qt::UTC);
    return a;
}

// Commits `count` articles of about 3 kB each ("<prefix>-<i>", titled
// "<Word> test article <i>"): enough pages to fill a write-ahead log.
bool storeLargeArticles(QSqlDatabase db, const QString &prefix, const QString &word, int count, QChar fill)
{
    Transaction tx(db);
    ArticleStore store(db);
    for (int i = 0; i < count; ++i) {
        Article a = sampleArticle();
        a.guid = QStringLiteral("%1-%2").arg(prefix).arg(i);
        a.url = QStringLiteral("https://example.com/%1/%2").arg(prefix).arg(i);
        a.title = QStringLiteral("%1 test article %2").arg(word).arg(i);
        a.summary = QString(3000, fill);
        if (!store.upsert(a).ok())
            return false;
    }
    return tx.commit().ok();
}

// The article's scores as one comparable text.
QString scoresOf(const QSqlDatabase &db, qint64 articleId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT ticker, score, label FROM article_scores WHERE article_id = ? ORDER BY ticker"));
    q.addBindValue(articleId);
    QStringList rows;
    if (q.exec())
        while (q.next())
            rows << QStringLiteral("%1 %2 %3").arg(q.value(0).toString()).arg(q.value(1).toDouble()).arg(q.value(2).toString());
    return rows.join(QLatin1Char(';'));
}

QuoteBar sampleBar()
{
    QuoteBar b;
    b.ticker = QStringLiteral("META");
    b.tradingDate = QDate(2026, 4, 8);
    b.timestamp = QDateTime(b.tradingDate, QTime(0, 0), QTimeZone("America/New_York")).toUTC();
    b.open = 560.1;
    b.high = 612.9;
    b.low = 558.0;
    b.close = 610.35;
    b.volume = 48'000'000;
    b.source = QStringLiteral("yahoo");
    return b;
}
} // namespace

// The same suite runs once per backend (see main below): every behaviour the
// stores promise must hold on SQLite and on PostgreSQL alike.
class TestStore : public QObject {
    Q_OBJECT

public:
    explicit TestStore(twtest::Backend backend) : m_backend(backend) {}

private:
    twtest::StoreBackendFixture m_backend;
    std::unique_ptr<StoreConnection> m_store;

private slots:
    void initTestCase()
    {
        const QString problem = m_backend.prepare();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void init()
    {
        m_store.reset();
        const QString location = m_backend.freshLocation();
        QVERIFY2(!location.isEmpty(), "no fresh store location");
        auto opened = StoreConnection::open(location, QStringLiteral("t"));
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.errorMessage()));
        m_store = std::move(opened.value());
        QCOMPARE(m_store->dialect(), m_backend.backend() == twtest::Backend::Postgres ? SqlDialect::Postgres
                                                                                    : SqlDialect::Sqlite);
    }

    void cleanup() { m_store.reset(); }

    void sameArticleTwiceIsOneRow()
    {
        ArticleStore store(m_store->database());
        auto first = store.upsert(sampleArticle());
        QVERIFY(first.ok());
        QCOMPARE(first->outcome, UpsertOutcome::Inserted);
        auto second = store.upsert(sampleArticle());
        QVERIFY(second.ok());
        QCOMPARE(second->outcome, UpsertOutcome::Unchanged);
        QCOMPARE(second->id, first->id);
        QCOMPARE(*store.count(), qint64(1));

        // The same URL under another feed's guid is still the same article.
        Article syndicated = sampleArticle();
        syndicated.guid = QStringLiteral("google-news:CBMiXYZ");
        auto third = store.upsert(syndicated);
        QVERIFY(third.ok());
        QCOMPARE(third->id, first->id);
        QCOMPARE(*store.count(), qint64(1));
    }

    // A feed that reuses another feed's guid (and URL) gets an article of its
    // own: the first feed's title, source, text and scores stay as they were.
    // (On a shared store a colleague's feed must not be able to rewrite a
    // filing.) A file's articles are scoped by their source the same way.
    void guidFromAnotherFeedIsAnotherArticle()
    {
        QSqlDatabase db = m_store->database();
        TickerInfo meta;
        meta.symbol = QStringLiteral("META");
        meta.name = QStringLiteral("Meta Platforms, Inc.");
        meta.aliases = {QStringLiteral("Meta"), QStringLiteral("Meta Platforms")};
        QVERIFY(TickerStore(db).upsert(meta).ok());
        Feed sec;
        sec.url = QStringLiteral("https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0001326801&type=8-K&output=atom");
        Feed other;
        other.url = QStringLiteral("https://colleague.example.com/feed.xml");
        const qint64 secId = *FeedStore(db).add(sec);
        const qint64 otherId = *FeedStore(db).add(other);

        Article filing;
        filing.guid = QStringLiteral("urn:tag:sec.gov,2008:accession-number=0001326801-26-000042");
        filing.url = QStringLiteral("https://www.sec.gov/Archives/edgar/data/1326801/000132680126000042-index.htm");
        filing.title = QStringLiteral("8-K - Meta Platforms, Inc. (0001326801) (Filer)");
        filing.summary = QStringLiteral("Meta Platforms reported strong results and raised its outlook.");
        filing.source = QStringLiteral("SEC EDGAR");
        filing.feedId = secId;
        filing.published = QDateTime(QDate(2026, 4, 29), QTime(20, 5), Qt::UTC);
        ArticleIngestor ingestor(db);
        QCOMPARE(ingestor.ingest({filing})->inserted, 1);
        const qint64 filingId = *queryScalar(db, QStringLiteral("SELECT id FROM articles"));
        const QString scoresBefore = scoresOf(db, filingId);
        QVERIFY(!scoresBefore.isEmpty());

        Article hostile = filing;
        hostile.feedId = otherId;
        hostile.title = QStringLiteral("Meta Platforms under fraud investigation");
        hostile.summary = QStringLiteral("Meta Platforms faces a fraud investigation and a collapse in revenue.");
        auto report = ingestor.ingest({hostile});
        QVERIFY(report.ok());
        QCOMPARE(report->inserted, 1);
        QCOMPARE(report->updated, 0);
        QCOMPARE(*ArticleStore(db).count(), qint64(2));
        const Article kept = ArticleStore(db).byId(filingId)->value();
        QCOMPARE(kept.title, filing.title);
        QCOMPARE(kept.summary, filing.summary);
        QCOMPARE(kept.source, QStringLiteral("SEC EDGAR"));
        QCOMPARE(kept.feedId, secId);
        QCOMPARE(scoresOf(db, filingId), scoresBefore);
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM article_revisions")), qint64(0));
        // The same story again from each feed changes nothing.
        QCOMPARE(ingestor.ingest({filing, hostile})->unchanged, 2);

        // Files: the source is the scope.
        Article fromFile = filing;
        fromFile.feedId = 0;
        fromFile.source = QStringLiteral("Some Blog");
        fromFile.title = QStringLiteral("Meta Platforms: a blog's take");
        QCOMPARE(ingestor.ingest({fromFile})->inserted, 1);
        QCOMPARE(ArticleStore(db).byId(filingId)->value().title, filing.title);
        QCOMPARE(*ArticleStore(db).count(), qint64(3));
    }

    // One ingestor serves a whole fetch (and the window's refreshes): a feed
    // with no items must leave it able to store the next feed's. It once
    // learnt a batch size of 0 from the empty batch and looped forever.
    void aFeedWithNoItemsLeavesTheIngestorWorking()
    {
        ArticleIngestor ingestor(m_store->database());
        auto none = ingestor.ingest({});
        QVERIFY(none.ok());
        QCOMPARE(none->inserted, 0);
        QList<Article> feed;
        for (int i = 0; i < 30; ++i) {
            Article a = sampleArticle();
            a.guid = QStringLiteral("item-%1").arg(i);
            a.url = QStringLiteral("https://news.example.com/item-%1").arg(i);
            a.title = QStringLiteral("Item %1 of a feed fetched after an empty one").arg(i);
            feed << a;
        }
        qsizetype last = 0;
        auto report = ingestor.ingest(feed, [&last](qsizetype done, qsizetype) {
            if (done <= last)
                qFatal("ingest made no progress after %lld of 30 articles", static_cast<long long>(done));
            last = done;
        });
        QVERIFY(report.ok());
        QCOMPARE(report->inserted, 30);
        QCOMPARE(*ArticleStore(m_store->database()).count(), qint64(30));
    }

    // A batch stores all its articles first (one FTS5 segment), then links,
    // scores and searches each for events: what a batch stores must be what
    // the same articles store one at a time.
    void aBatchStoresWhatItsArticlesStoreOneByOne()
    {
        QSqlDatabase db = m_store->database();
        const QStringList companies{QStringLiteral("Meta Platforms"), QStringLiteral("Alphabet"),
                                    QStringLiteral("Microsoft"), QStringLiteral("Nvidia"), QStringLiteral("Amazon")};
        const QStringList symbols{QStringLiteral("META"), QStringLiteral("GOOGL"), QStringLiteral("MSFT"),
                                  QStringLiteral("NVDA"), QStringLiteral("AMZN")};
        for (qsizetype c = 0; c < companies.size(); ++c) {
            TickerInfo t;
            t.symbol = symbols[c];
            t.name = companies[c];
            t.aliases = {companies[c]};
            t.position = int(c);
            QVERIFY(TickerStore(db).upsert(t).ok());
        }
        const QStringList lines{
            QStringLiteral("%1 raises its 2026 capital expenditure guidance to $%2 billion; %3 holds steady."),
            QStringLiteral("%1 shares fall %2% after a profit warning, while %3 gains."),
            QStringLiteral("%1 launches a new assistant model, its first in %2 months, ahead of %3."),
            QStringLiteral("Regulators open an antitrust probe into %1 over %2 acquisitions; %3 is not named."),
            QStringLiteral("%1 and %3 sign a multiyear cloud deal worth $%2 billion.")};
        auto article = [&](int i, const QString &source) {
            Article a;
            a.guid = QStringLiteral("https://wire.example.com/story-%1").arg(i);
            a.url = a.guid;
            a.source = source;
            const QString company = companies[i % companies.size()];
            const QString other = companies[(i + 2) % companies.size()];
            a.title = lines[i % lines.size()].arg(company, QString::number(10 + i), other);
            a.summary = lines[(i + 1) % lines.size()].arg(other, QString::number(3 + i % 7), company);
            a.body = a.summary + QLatin1Char(' ') + lines[(i + 3) % lines.size()].arg(company, QString::number(i), other);
            a.published = QDateTime(QDate(2026, 4, 1 + i % 28), QTime(9 + i % 8, 0), Qt::UTC);
            a.fetched = a.published.addSecs(600);
            return a;
        };
        constexpr int kArticles = 80;
        QList<Article> batch;
        for (int i = 0; i < kArticles; ++i)
            batch << article(i, QStringLiteral("Batch Wire"));
        ArticleIngestor batchIngestor(db);
        QCOMPARE(batchIngestor.ingest(batch)->inserted, kArticles);
        ArticleIngestor singleIngestor(db);
        for (int i = 0; i < kArticles; ++i)
            QCOMPARE(singleIngestor.ingest({article(i, QStringLiteral("Single Wire"))})->inserted, 1);

        // Each article's links, scores (spans included) and event reports, by its guid.
        auto column = [&db](const QString &sql, qint64 articleId) {
            QSqlQuery q(db);
            q.prepare(sql);
            q.addBindValue(articleId);
            QStringList cells;
            if (q.exec())
                while (q.next()) {
                    const QSqlRecord record = q.record();
                    for (int c = 0; c < record.count(); ++c)
                        cells << q.value(c).toString();
                }
            return cells.join(QLatin1Char(':'));
        };
        auto stored = [&](const QString &source) {
            QStringList rows;
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT id, guid FROM articles WHERE source = ? ORDER BY guid"));
            q.addBindValue(source);
            if (q.exec())
                while (q.next()) {
                    const qint64 id = q.value(0).toLongLong();
                    rows << QStringList{
                        q.value(1).toString(),
                        column(QStringLiteral("SELECT ticker, relevance FROM article_tickers WHERE article_id = ? "
                                              "ORDER BY ticker"),
                               id),
                        column(QStringLiteral("SELECT ticker, score, label, confidence, spans FROM article_scores "
                                              "WHERE article_id = ? ORDER BY ticker"),
                               id),
                        column(QStringLiteral("SELECT count(*) FROM event_sources WHERE article_id = ?"), id)}
                                .join(QLatin1Char('|'));
                }
            return rows;
        };
        const QStringList fromBatch = stored(QStringLiteral("Batch Wire"));
        QCOMPARE(fromBatch.size(), kArticles);
        QCOMPARE(fromBatch, stored(QStringLiteral("Single Wire")));
        QVERIFY(*queryScalar(db, QStringLiteral("SELECT count(*) FROM article_scores")) >= 2 * kArticles);
        QVERIFY(*queryScalar(db, QStringLiteral("SELECT count(*) FROM event_sources")) > 0);
    }

    // A changed article from its own feed is updated in place and keeps a
    // note of what it said before (the newest twenty changes).
    void changeFromTheSameFeedKeepsARevisionNote()
    {
        QSqlDatabase db = m_store->database();
        Feed feed;
        feed.url = QStringLiteral("https://news.example.com/feed.xml");
        Article a = sampleArticle();
        a.feedId = *FeedStore(db).add(feed);
        ArticleStore store(db);
        const qint64 id = store.upsert(a)->id;
        const QString original = a.title;
        a.title = QStringLiteral("Meta unveils Muse Spark (corrected)");
        auto updated = store.upsert(a);
        QCOMPARE(updated->outcome, UpsertOutcome::Updated);
        QCOMPARE(updated->id, id);
        QCOMPARE(store.byId(id)->value().title, a.title);
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT article_id, previous_title, previous_summary, previous_hash "
                                      "FROM article_revisions")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), id);
        QCOMPARE(q.value(1).toString(), original);
        QCOMPARE(q.value(2).toString(), sampleArticle().summary);
        QCOMPARE(q.value(3).toString(), ArticleStore::contentHash(sampleArticle()));
        QVERIFY(!q.next());
        q.finish();
        for (int i = 0; i < 30; ++i) {
            a.title = QStringLiteral("Meta unveils Muse Spark, take %1").arg(i);
            QCOMPARE(store.upsert(a)->outcome, UpsertOutcome::Updated);
        }
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM article_revisions")), qint64(20));
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM article_revisions WHERE previous_title = "
                                                 "'Meta unveils Muse Spark, take 28'")),
                 qint64(1));
        QVERIFY(store.remove(id).ok());
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM article_revisions")), qint64(0));
    }

    void changedTextUpdatesTheRowAndTheIndex()
    {
        ArticleStore store(m_store->database());
        const qint64 id = store.upsert(sampleArticle())->id;
        QCOMPARE(store.search(QStringLiteral("preview"), 10)->size(), 1);

        Article corrected = sampleArticle();
        corrected.body = QStringLiteral("Meta Platforms introduced Muse Spark, its proprietary model.");
        auto updated = store.upsert(corrected);
        QCOMPARE(updated->outcome, UpsertOutcome::Updated);
        QCOMPARE(updated->id, id);
        QCOMPARE(store.search(QStringLiteral("preview"), 10)->size(), 0);
        QCOMPARE(store.search(QStringLiteral("proprietary"), 10)->value(0), id);
        QCOMPARE(store.byId(id)->value().body, corrected.body);

        QVERIFY(store.remove(id).ok());
        QCOMPARE(store.search(QStringLiteral("proprietary"), 10)->size(), 0);
    }

    void searchUnderstandsPhrasesPrefixesAndBooleans()
    {
        ArticleStore store(m_store->database());
        Article other = sampleArticle();
        other.guid = other.url = QStringLiteral("https://news.example.com/capex");
        other.title = QStringLiteral("Meta guides 2026 capex to $115 billion to $135 billion");
        other.summary = other.body = QStringLiteral("Capital expenditure nearly doubles.");
        QVERIFY(store.upsert(sampleArticle()).ok());
        QVERIFY(store.upsert(other).ok());
        QCOMPARE(store.search(QStringLiteral("\"muse spark\""), 10)->size(), 1);
        QCOMPARE(store.search(QStringLiteral("cap*"), 10)->size(), 1);
        QCOMPARE(store.search(QStringLiteral("meta NOT capex"), 10)->size(), 1);
        QCOMPARE(store.search(QStringLiteral("spark OR capex"), 10)->size(), 2);
        QCOMPARE(store.search(QStringLiteral("meta AND (muse OR nothing)"), 10)->size(), 1);
        QCOMPARE(store.search(QStringLiteral("\"capital expenditure\" OR \"muse spark\""), 10)->size(), 2);
        QCOMPARE(store.search(QStringLiteral("\"spark muse\""), 10)->size(), 0);  // a phrase keeps its order
        QCOMPARE(store.search(QStringLiteral("Meta"), 10)->size(), 2);  // case does not matter
        QCOMPARE(store.search(QStringLiteral("MUSE spa*"), 10)->size(), 1);
        // A malformed query is an error with a message, not a crash or silence.
        for (const QString &malformed : {QStringLiteral("\"unclosed"), QStringLiteral("NOT capex"),
                                         QStringLiteral("(meta"), QStringLiteral("meta OR")}) {
            auto bad = store.search(malformed, 10);
            QVERIFY2(!bad.ok(), qPrintable(malformed));
            QVERIFY(bad.errorMessage().contains(malformed));
        }
        // A failed search leaves the connection usable (PostgreSQL aborts a
        // transaction on any error; no backend error may reach the server).
        QCOMPARE(store.search(QStringLiteral("capex"), 10)->size(), 1);
    }

    // The statements ingest runs on SQLite's own handle report failures
    // with SQLite's message, and refuse a connection that is not SQLite.
    void directSqliteStatementsReportErrors()
    {
        QSqlDatabase db = m_store->database();
        if (m_store->dialect() == SqlDialect::Postgres) {
            auto refused = SqliteStatement::prepare(db, "SELECT 1");
            QVERIFY(!refused.ok());
            QCOMPARE(refused.errorMessage(), QStringLiteral("Not an open SQLite connection"));
            return;
        }
        auto bad = SqliteStatement::prepare(db, "SELECT nope FROM articles");
        QVERIFY(!bad.ok());
        QVERIFY2(bad.errorMessage().contains(QStringLiteral("no such column: nope")), qPrintable(bad.errorMessage()));

        auto insert = SqliteStatement::prepare(db, "INSERT INTO tickers (symbol, name) VALUES (?1, ?2)");
        QVERIFY(insert.ok());
        insert->bind(1, QStringLiteral("META"));
        insert->bind(2, QString());   // a null QString is stored as ''
        QCOMPARE(*insert->step(), false);
        QCOMPARE(insert->changes(), 1);
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM tickers WHERE symbol = 'META' AND name = ''")),
                 qint64(1));
        insert->bind(1, QStringLiteral("META"));   // the same key again
        insert->bind(2, QStringLiteral("Meta Platforms"));
        auto duplicate = insert->step();
        QVERIFY(!duplicate.ok());
        QVERIFY2(duplicate.errorMessage().contains(QStringLiteral("UNIQUE")), qPrintable(duplicate.errorMessage()));

        auto read = SqliteStatement::prepare(db, "SELECT name, length(name) FROM tickers WHERE symbol = ?1");
        QVERIFY(read.ok());
        QVERIFY(execStatements(db, {QStringLiteral("UPDATE tickers SET name = 'Méta ✓' WHERE symbol = 'META'")}).ok());
        read->bind(1, QStringLiteral("META"));
        QCOMPARE(*read->step(), true);
        QCOMPARE(read->columnText(0), QStringLiteral("Méta ✓"));
        QCOMPARE(read->columnInt64(1), qint64(6));
    }

    void newestArticlesComeFirst()
    {
        ArticleStore store(m_store->database());
        QList<qint64> ids;
        for (int day = 1; day <= 3; ++day) {
            Article a = sampleArticle();
            a.guid = a.url = QStringLiteral("https://news.example.com/capex-%1").arg(day);
            a.title = QStringLiteral("Capex update %1").arg(day);
            a.published = QDateTime(QDate(2026, 4, day), QTime(12, 0), Qt::UTC);
            ids.prepend(store.upsert(a)->id);
        }
        QCOMPARE(*store.search(QStringLiteral("capex"), 10), ids);
        QCOMPARE(*store.search(QStringLiteral("capex"), 2), ids.mid(0, 2));
    }

    void sameQuoteBarTwiceIsOneRow()
    {
        QuoteStore quotes(m_store->database());
        QCOMPARE(*quotes.upsert(sampleBar()), true);
        QCOMPARE(*quotes.upsert(sampleBar()), false);
        QCOMPARE(*quotes.count(), qint64(1));
        QuoteBar corrected = sampleBar();
        corrected.close = 611.0;
        QCOMPARE(*quotes.upsert(corrected), true);
        QCOMPARE(*quotes.count(), qint64(1));
        auto bars = quotes.bars(QStringLiteral("META"), QDate(2026, 4, 1), QDate(2026, 4, 30));
        QCOMPARE(bars->size(), 1);
        QCOMPARE(bars->first().close, 611.0);
        QCOMPARE(bars->first().tradingDate, QDate(2026, 4, 8));
        QCOMPARE(bars->first().timestamp, sampleBar().timestamp);
    }

    // A study reads every daily bar of a ticker as (date, close, synthetic):
    // the same bars, in the same order, as bars() over all dates.
    void dailyClosesAreTheDailyBarsNarrowed()
    {
        QuoteStore quotes(m_store->database());
        const QTimeZone newYork("America/New_York");
        // Written out of date order; one synthetic; an hourly bar and another ticker's are not META's daily closes.
        for (const auto &[date, close, source] :
             {std::tuple{QDate(2026, 4, 9), 612.5, "yahoo"}, std::tuple{QDate(2026, 4, 7), 598.25, "demo"},
              std::tuple{QDate(2026, 4, 8), 610.35, "stooq"}}) {
            QuoteBar b = sampleBar();
            b.tradingDate = date;
            b.timestamp = QDateTime(date, QTime(0, 0), newYork).toUTC();
            b.close = close;
            b.source = QString::fromLatin1(source);
            QVERIFY(quotes.upsert(b).ok());
        }
        QuoteBar hourly = sampleBar();
        hourly.interval = QStringLiteral("1h");
        hourly.timestamp = hourly.timestamp.addSecs(3600 * 14);
        QVERIFY(quotes.upsert(hourly).ok());
        QuoteBar other = sampleBar();
        other.ticker = QStringLiteral("MSFT");
        QVERIFY(quotes.upsert(other).ok());

        auto closes = quotes.dailyCloses(QStringLiteral("META"));
        QVERIFY2(closes.ok(), qPrintable(closes.ok() ? QString() : closes.errorMessage()));
        auto bars = quotes.bars(QStringLiteral("META"), QDate(1800, 1, 1), QDate(9999, 12, 31));
        QVERIFY(bars.ok());
        QCOMPARE(closes->size(), 3);
        QCOMPARE(closes->size(), bars->size());
        for (qsizetype i = 0; i < bars->size(); ++i) {
            QCOMPARE((*closes)[i].date, (*bars)[i].tradingDate);
            QCOMPARE((*closes)[i].close, (*bars)[i].close);
            QCOMPARE((*closes)[i].synthetic, isSyntheticSource((*bars)[i].source));
        }
        QCOMPARE(closes->first().date, QDate(2026, 4, 7));
        QVERIFY(closes->first().synthetic);
        QVERIFY(!closes->last().synthetic);
        QVERIFY(quotes.dailyCloses(QStringLiteral("NONE"))->isEmpty());
    }

    // The backtest's reader gives the score store's rows for a ticker, in its
    // order (publication time, then id), with the fields the estimator reads.
    void evidenceReaderGivesTheScoreStoresRowsNarrowed()
    {
        QSqlDatabase db = m_store->database();
        QSqlQuery article(db);
        QVERIFY(article.prepare(QStringLiteral("INSERT INTO articles (id, guid, url, title, source, published_utc, "
                                               "fetched_utc, content_hash) VALUES (?,?,?,?,?,?,?,?)")));
        const qint64 t0 = QDateTime(QDate(2026, 4, 8), QTime(13, 0), Qt::UTC).toMSecsSinceEpoch();
        // Ids in fetch order, not publication order; 14 and 15 published at the same instant.
        const QList<std::pair<qint64, qint64>> published{{11, t0 + 5000}, {12, t0 - 86'400'000}, {13, t0},
                                                         {14, t0 + 1000}, {15, t0 + 1000}, {16, t0 + 2000}};
        for (const auto &[id, at] : published)
            QVERIFY(execBound(article, {id, QStringLiteral("g%1").arg(id), QStringLiteral("https://x.example/%1").arg(id),
                                        QStringLiteral("Meta headline %1 — Société Générale").arg(id),
                                        QStringLiteral("Wire %1").arg(id), at, at + 60'000, QStringLiteral("h%1").arg(id)})
                        .ok());
        QSqlQuery link(db);
        QVERIFY(link.prepare(QStringLiteral("INSERT INTO article_tickers (article_id, ticker, relevance) VALUES (?,?,?)")));
        // 13 has no link row (relevance 0); 16 is linked to MSFT only; MSFT also on 11.
        for (const auto &[id, ticker, relevance] :
             {std::tuple{11, "META", 90.0}, std::tuple{11, "MSFT", 40.0}, std::tuple{12, "META", 55.0},
              std::tuple{14, "META", 100.0}, std::tuple{15, "META", 12.5}, std::tuple{16, "MSFT", 70.0}})
            QVERIFY(execBound(link, {qint64(id), QString::fromLatin1(ticker), relevance}).ok());
        ArticleScoreStore scores(db);
        auto scored = [](const char *ticker, double score, double confidence) {
            ArticleScore a;
            a.ticker = QString::fromLatin1(ticker);
            a.score = score;
            a.label = score > 0 ? SentimentLabel::Positive : SentimentLabel::Negative;
            a.confidence = confidence;
            a.spans = {ArticleSpan{ArticleField::Title, 0, 4, 0.5, QStringLiteral("beat")}};
            return a;
        };
        QVERIFY(scores.replace(11, QStringLiteral("m1"), {scored("META", 0.4, 0.9), scored("MSFT", -0.2, 0.5)}, t0).ok());
        QVERIFY(scores.replace(12, QStringLiteral("m1"), {scored("META", -0.6, 0.7)}, t0).ok());
        QVERIFY(scores.replace(13, QStringLiteral("m1"), {scored("META", 0.1, 0.3)}, t0).ok());
        QVERIFY(scores.replace(14, QStringLiteral("m1"), {scored("META", 0.25, 1.0)}, t0).ok());
        QVERIFY(scores.replace(15, QStringLiteral("m1"), {scored("META", -0.05, 0.2)}, t0).ok());
        QVERIFY(scores.replace(16, QStringLiteral("m0"), {scored("META", 0.9, 0.9)}, t0).ok());   // another model

        ArticleEvidenceReader reader(db);
        for (const QString &ticker : {QStringLiteral("META"), QStringLiteral("MSFT"), QStringLiteral("NONE")}) {
            const auto full = scores.forTicker(ticker, QStringLiteral("m1"));
            QVERIFY(full.ok());
            const auto narrow = reader.forTicker(ticker, QStringLiteral("m1"));   // one reader, many tickers
            QVERIFY2(narrow.ok(), qPrintable(narrow.ok() ? QString() : narrow.errorMessage()));
            QCOMPARE(narrow->size(), full->size());
            for (qsizetype i = 0; i < full->size(); ++i) {
                const StoredArticleScore &a = (*full)[i], &b = (*narrow)[i];
                QCOMPARE(b.articleId, a.articleId);
                QCOMPARE(b.ticker, a.ticker);
                QCOMPARE(b.score, a.score);
                QCOMPARE(b.confidence, a.confidence);
                QCOMPARE(b.relevance, a.relevance);
                QCOMPARE(b.publishedUtc, a.publishedUtc);
                QCOMPARE(b.title, a.title);
                // What the estimator does not read stays unread.
                QVERIFY(b.label.isEmpty() && b.spans.isEmpty() && b.source.isEmpty());
            }
        }
        const auto meta = reader.forTicker(QStringLiteral("META"), QStringLiteral("m1"));
        QList<qint64> order;
        for (const StoredArticleScore &r : *meta)
            order << r.articleId;
        QCOMPARE(order, (QList<qint64>{12, 13, 14, 15, 11}));
        QCOMPARE(meta->at(1).relevance, 0.0);    // no link row
        QCOMPARE(meta->at(0).relevance, 0.55);   // stored 0-100, read 0-1
    }

    void feedsKeepTheirStatus()
    {
        FeedStore feeds(m_store->database());
        Feed f;
        f.url = QStringLiteral("https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0001326801&type=8-K&output=atom");
        f.ticker = QStringLiteral("META");
        auto id = feeds.add(f);
        QVERIFY(id.ok());
        QCOMPARE(*feeds.add(f), *id);  // same URL: same feed
        Feed stored = feeds.byId(*id)->value();
        stored.lastState = FeedState::Http;
        stored.lastError = QStringLiteral("HTTP 503");
        stored.consecutiveFailures = 2;
        stored.etag = QStringLiteral("\"abc\"");
        QVERIFY(feeds.update(stored).ok());
        const Feed reread = feeds.all()->first();
        QCOMPARE(reread.lastState, FeedState::Http);
        QCOMPARE(reread.lastError, QStringLiteral("HTTP 503"));
        QCOMPARE(reread.consecutiveFailures, 2);
        QCOMPARE(reread.etag, QStringLiteral("\"abc\""));
        QVERIFY(!reread.lastSuccess.isValid());
    }

    void tickersKeepAliases()
    {
        TickerStore tickers(m_store->database());
        TickerInfo t{QStringLiteral("meta"), QStringLiteral("Meta Platforms, Inc."), QStringLiteral("NASDAQ"),
                     QStringLiteral("America/New_York"), {QStringLiteral("Meta"), QStringLiteral("Facebook parent")},
                     true, 0};
        QVERIFY(tickers.upsert(t).ok());
        auto found = tickers.bySymbol(QStringLiteral("META"));
        QVERIFY(found->has_value());
        QCOMPARE((*found)->aliases, t.aliases);
    }

    void locationPrefersFlagThenEnvironmentThenSettings()
    {
        qputenv(StoreLocation::kEnvironmentVariable, "/tmp/from-env.db");
        QCOMPARE(StoreLocation::resolve(QStringLiteral("/tmp/flag.db")), QStringLiteral("/tmp/flag.db"));
        QCOMPARE(StoreLocation::resolve(QString()), QStringLiteral("/tmp/from-env.db"));
        qunsetenv(StoreLocation::kEnvironmentVariable);
        QVERIFY(StoreLocation::resolve(QString()).endsWith(QStringLiteral("/store.db")));

        // Then the store chosen in Settings > Store (the test's own settings file).
        QStandardPaths::setTestModeEnabled(true);
        QSettings settings;
        settings.setValue(QStringLiteral("store/location"), QStringLiteral("postgresql://ana@127.0.0.1:5432/desk"));
        settings.sync();
        QCOMPARE(StoreLocation::resolve(QString()), QStringLiteral("postgresql://ana@127.0.0.1:5432/desk"));
        QCOMPARE(StoreLocation::resolve(QStringLiteral("/tmp/flag.db")), QStringLiteral("/tmp/flag.db"));
        settings.remove(QStringLiteral("store/location"));
        settings.sync();
        QVERIFY(StoreLocation::resolve(QString()).endsWith(QStringLiteral("/store.db")));
    }

    // The status bar's figure: the file and its log on SQLite, the database
    // on PostgreSQL (a server store has no file to look at).
    void storeSizeIsKnownOnBothBackends()
    {
        QVERIFY(ArticleStore(m_store->database()).upsert(sampleArticle()).ok());
        auto bytes = storeSizeBytes(m_store->database());
        QVERIFY2(bytes.ok(), qPrintable(bytes.ok() ? QString() : bytes.errorMessage()));
        QVERIFY2(*bytes > 4096, qPrintable(QString::number(*bytes)));
    }

    // An ingest batch of more than 1,000 pages is not checkpointed by its
    // own commit (SQLite's default would copy and sync it every batch): the
    // log holds 10,000 pages before a checkpoint, and gives back space above
    // 64 MB after one. PostgreSQL has no such settings.
    void writeAheadLogIsCheckpointedEveryTenThousandPages()
    {
        QSqlDatabase db = m_store->database();
        if (m_store->dialect() == SqlDialect::Postgres)
            return;
        QCOMPARE(*queryScalar(db, QStringLiteral("PRAGMA wal_autocheckpoint")), qint64(10000));
        QCOMPARE(*queryScalar(db, QStringLiteral("PRAGMA journal_size_limit")), qint64(64 * 1024 * 1024));
        const qint64 before = QFileInfo(db.databaseName()).size();
        QVERIFY(storeLargeArticles(db, QStringLiteral("wal"), QStringLiteral("Checkpoint"), 1500, QLatin1Char('x')));
        // The batch's pages wait in the log; the database file did not grow.
        const QString path = db.databaseName();
        QVERIFY2(QFileInfo(path + QStringLiteral("-wal")).size() > 4'000'000,
                 qPrintable(QString::number(QFileInfo(path + QStringLiteral("-wal")).size())));
        QVERIFY2(QFileInfo(path).size() < before + 1'000'000, qPrintable(QString::number(QFileInfo(path).size())));
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM articles WHERE guid LIKE 'wal-%'")), qint64(1500));
    }

    // Another thread's checkpoint copies the log the writer's commits left,
    // while the writer's connection stays open; the writer then finds
    // nothing left to copy, and the rows read back the same.
    void logIsCopiedByACheckpointOnAnotherThread()
    {
        QSqlDatabase db = m_store->database();
        if (m_store->dialect() == SqlDialect::Postgres) {
            QVERIFY(WalCheckpoint::fileOf(db).isEmpty());
            return;
        }
        const QString file = WalCheckpoint::fileOf(db);
        QCOMPARE(QFileInfo(file).canonicalFilePath(), QFileInfo(db.databaseName()).canonicalFilePath());
        auto truncated = queryScalar(db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        QVERIFY(truncated.ok());
        const qint64 before = QFileInfo(file).size();
        QVERIFY(storeLargeArticles(db, QStringLiteral("copy"), QStringLiteral("Logcopied"), 600, QLatin1Char('y')));
        QVERIFY(QFileInfo(file).size() < before + 500'000);   // in the log, not yet in the file
        Result<int> copied = fail(QStringLiteral("not run"));
        std::thread other([&] { copied = WalCheckpoint::run(file); });
        other.join();
        QVERIFY2(copied.ok(), qPrintable(copied.ok() ? QString() : copied.errorMessage()));
        QVERIFY2(*copied > 400, qPrintable(QString::number(*copied)));   // 600 articles of 3 kB: ~500 pages and more
        QVERIFY2(QFileInfo(file).size() > before + 1'500'000, qPrintable(QString::number(QFileInfo(file).size())));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);                       // not busy
        QCOMPARE(q.value(2).toInt(), q.value(1).toInt());      // every frame copied already
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM articles WHERE guid LIKE 'copy-%'")), qint64(600));
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'logcopied'")),
                 qint64(600));
        // Nothing to copy for a store that is not a file.
        QCOMPARE(*WalCheckpoint::run(QString()), 0);
    }

    // A read connection of its own says whether an article is stored with
    // the same content (by guid, else by URL, under the same origin), sees
    // only what writers committed, and holds no writer up.
    void storedContentIsCheckedOnAReadConnectionOfItsOwn()
    {
        QSqlDatabase db = m_store->database();
        const QString file = WalCheckpoint::fileOf(db);
        if (m_store->dialect() == SqlDialect::Postgres) {
            QVERIFY(!StoredContentCheck::open(file).ok());   // no file: every article is analysed
            return;
        }
        Article stored;
        stored.guid = QStringLiteral("check-1");
        stored.url = QStringLiteral("https://wire.example.com/2026/12/meta-ohio-data-center");
        stored.source = QStringLiteral("Wire");
        stored.title = QStringLiteral("Meta breaks ground on a data center in Ohio");
        stored.summary = QStringLiteral("The site is part of the company's 2026 capital spending plan.");
        stored.published = QDateTime(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC);
        QVERIFY(ArticleStore(db).upsert(stored).ok());

        auto opened = StoredContentCheck::open(file);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.errorMessage()));
        const StoredContentCheck &check = **opened;
        auto unchanged = [&check](const Article &a) { return check.storedUnchanged(ArticleStore::prepare(a)); };
        QVERIFY(unchanged(stored));
        Article edited = stored;
        edited.title += QStringLiteral(", its largest yet");
        QVERIFY(!unchanged(edited));
        Article sameUrl = stored;
        sameUrl.guid = QStringLiteral("check-1-reissued");   // a feed that changes guids, not URLs
        QVERIFY(unchanged(sameUrl));
        Article otherSource = stored;
        otherSource.source = QStringLiteral("Another wire");   // another origin: another article
        QVERIFY(!unchanged(otherSource));
        Article fresh = stored;
        fresh.guid = QStringLiteral("check-2");
        fresh.url = QStringLiteral("https://wire.example.com/2026/12/meta-texas-data-center");
        QVERIFY(!unchanged(fresh));

        {
            Transaction tx(db);
            QVERIFY(tx.active());
            QVERIFY(ArticleStore(db).upsert(fresh).ok());
            QVERIFY(!unchanged(fresh));   // not committed yet
            QVERIFY(tx.commit().ok());    // the reader held nothing up
        }
        QVERIFY(unchanged(fresh));

        // A store a reader would hold up (not in WAL mode) gets no check.
        QTemporaryDir dir;
        const QString plain = dir.filePath(QStringLiteral("rollback-journal.db"));
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("rollback-journal"));
            other.setDatabaseName(plain);
            QVERIFY(other.open());
            QVERIFY(QSqlQuery(other).exec(QStringLiteral("CREATE TABLE articles (guid TEXT)")));
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("rollback-journal"));
        auto refused = StoredContentCheck::open(plain);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorMessage().contains(QLatin1String("WAL")), qPrintable(refused.errorMessage()));
        QVERIFY(!StoredContentCheck::open(QString()).ok());
    }

    // A pause of the foreign-key checks ends when it leaves scope (or by
    // end()), and leaves checks that were off before off.
    void foreignKeyChecksComeBackAfterAPause()
    {
        QSqlDatabase db = m_store->database();
        if (m_store->dialect() == SqlDialect::Postgres) {
            auto paused = ForeignKeyPause::begin(db);   // nothing to pause: still fine
            QVERIFY(paused.ok());
            QVERIFY((*paused).end().ok());
            return;
        }
        const QString keys = QStringLiteral("PRAGMA foreign_keys");
        QCOMPARE(*queryScalar(db, keys), qint64(1));
        {
            auto paused = ForeignKeyPause::begin(db);
            QVERIFY(paused.ok());
            QCOMPARE(*queryScalar(db, keys), qint64(0));
            // A link to an article that does not exist is taken now...
            QVERIFY(execStatements(db, {QStringLiteral("INSERT INTO article_tickers (article_id, ticker, relevance) "
                                                       "VALUES (987654, 'ZZZ', 50)")})
                        .ok());
            QVERIFY(execStatements(db, {QStringLiteral("DELETE FROM article_tickers WHERE article_id = 987654")}).ok());
        }
        QCOMPARE(*queryScalar(db, keys), qint64(1));
        // ...and refused again once the pause is over.
        QVERIFY(!execStatements(db, {QStringLiteral("INSERT INTO article_tickers (article_id, ticker, relevance) "
                                                    "VALUES (987654, 'ZZZ', 50)")})
                     .ok());
        {
            auto paused = ForeignKeyPause::begin(db);
            QVERIFY(paused.ok());
            QVERIFY((*paused).end().ok());
            QCOMPARE(*queryScalar(db, keys), qint64(1));
        }
        QVERIFY(execStatements(db, {QStringLiteral("PRAGMA foreign_keys = OFF")}).ok());
        {
            auto paused = ForeignKeyPause::begin(db);
            QVERIFY(paused.ok());
        }
        QCOMPARE(*queryScalar(db, keys), qint64(0));   // it was not this pause's to turn on
        QVERIFY(execStatements(db, {QStringLiteral("PRAGMA foreign_keys = ON")}).ok());
    }

    // Ids come back from the insert itself (RETURNING), on both backends.
    void newAlertRulesGetTheirOwnIds()
    {
        AlertRuleStore rules(m_store->database());
        AlertRule rule;
        rule.kind = AlertKind::Event;
        auto first = rules.add(rule);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.errorMessage()));
        auto second = rules.add(rule);
        QVERIFY(second.ok());
        QVERIFY(first->id > 0);
        QVERIFY(second->id > first->id);
        QCOMPARE((*rules.byId(second->id))->id, second->id);
    }

    void serverUrlsAreParsedAndNeverShowThePassword()
    {
        const QString withSecret = QStringLiteral("postgresql://desk:s3cret@db.example.com:6543/tickerwire?sslmode=require");
        QVERIFY(StoreLocation::isServer(withSecret));
        QVERIFY(!StoreLocation::isServer(QStringLiteral("/home/ana/store.db")));
        QCOMPARE(StoreLocation::forDisplay(withSecret),
                 QStringLiteral("postgresql://desk@db.example.com:6543/tickerwire?sslmode=require"));
        QCOMPARE(StoreLocation::forDisplay(QStringLiteral("postgres://desk:pw@h/db?password=pw2")),
                 QStringLiteral("postgres://desk@h/db"));
        QCOMPARE(StoreLocation::forDisplay(QStringLiteral("/home/ana/store.db")), QStringLiteral("/home/ana/store.db"));
        auto url = PostgresUrl::parse(withSecret);
        QVERIFY(url.ok());
        QCOMPARE(url->user, QStringLiteral("desk"));
        QCOMPARE(url->password, QStringLiteral("s3cret"));
        QCOMPARE(url->host, QStringLiteral("db.example.com"));
        QCOMPARE(url->port, 6543);
        QCOMPARE(url->database, QStringLiteral("tickerwire"));
        QCOMPARE(url->connectOptions, QStringList{QStringLiteral("sslmode=require")});
        QVERIFY(!url->redacted().contains(QStringLiteral("s3cret")));
        QCOMPARE(url->withoutPassword(), QStringLiteral("desk@db.example.com:6543/tickerwire"));

        auto socket = PostgresUrl::parse(QStringLiteral("postgresql://desk@/tw?host=/run/postgresql"));
        QVERIFY(socket.ok());
        QCOMPARE(socket->host, QStringLiteral("/run/postgresql"));
        QCOMPARE(socket->port, 5432);

        auto typo = PostgresUrl::parse(QStringLiteral("postgresql://desk:pw@h/db?sslmod=require"));
        QVERIFY(!typo.ok());
        QVERIFY(typo.errorMessage().contains(QStringLiteral("sslmod")));
        QVERIFY(!typo.errorMessage().contains(QStringLiteral("pw@")));
    }

    // A URL that does not parse (or parses into something else) is named in
    // the message without its password, whatever characters the password
    // holds: QUrl's own error quotes the source, and an unencoded '@' or '/'
    // moves part of the password into what QUrl takes for the host or path.
    void serverUrlErrorsNeverShowThePassword_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("secret");
        QTest::newRow("bad port") << QStringLiteral("postgresql://tw:Pw4Bad.Port@db.example.com:54x2/tw") << QStringLiteral("Pw4Bad.Port");
        QTest::newRow("port out of range") << QStringLiteral("postgres://tw:Pw.Range@db:99999/tw") << QStringLiteral("Pw.Range");
        QTest::newRow("'@' and '/' unencoded") << QStringLiteral("postgresql://tw:p@ss/w0rd.X@db/tw") << QStringLiteral("ss/w0rd.X");
        QTest::newRow("'?' unencoded") << QStringLiteral("postgresql://tw:pa?ssQ9@db/tw") << QStringLiteral("ssQ9");
        QTest::newRow("bad escape") << QStringLiteral("postgresql://tw:S3cr%ZZt.Esc@db/tw") << QStringLiteral("t.Esc");
        QTest::newRow("space in host") << QStringLiteral("postgresql://tw:Pw.Space@d b/tw") << QStringLiteral("Pw.Space");
        QTest::newRow("unclosed bracket") << QStringLiteral("postgresql://tw:Pw.Bracket@[::1/tw") << QStringLiteral("Pw.Bracket");
        QTest::newRow("no host") << QStringLiteral("postgresql://tw:Pw.NoHost") << QStringLiteral("Pw.NoHost");
        QTest::newRow("unknown option") << QStringLiteral("postgresql://tw:Pw.Opt@db/tw?bogus=1") << QStringLiteral("Pw.Opt");
        QTest::newRow("query password") << QStringLiteral("postgresql://tw@db/tw?password=Pw.Query&bogus=1") << QStringLiteral("Pw.Query");
    }

    void serverUrlErrorsNeverShowThePassword()
    {
        QFETCH(QString, url);
        QFETCH(QString, secret);
        auto parsed = PostgresUrl::parse(url);
        QVERIFY(!parsed.ok());
        QVERIFY2(!parsed.errorMessage().contains(secret), qPrintable(parsed.errorMessage()));
        QVERIFY2(parsed.errorMessage().contains(QStringLiteral("postgres")), qPrintable(parsed.errorMessage()));
        QVERIFY(!StoreLocation::forDisplay(url).contains(secret));
        // The store refuses it with the same message, before any connection.
        auto opened = StoreConnection::open(url, QStringLiteral("bad-url"));
        QVERIFY(!opened.ok());
        QVERIFY2(!opened.errorMessage().contains(secret), qPrintable(opened.errorMessage()));
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int failures = 0;
    for (const twtest::Backend backend : {twtest::Backend::Sqlite, twtest::Backend::Postgres}) {
        std::printf("=== store suite on %s ===\n", twtest::backendName(backend));
        std::fflush(stdout);
        TestStore suite(backend);
        failures += QTest::qExec(&suite, argc, argv);
    }
    return failures;
}
#include "tst_store.moc"
