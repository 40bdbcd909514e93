#include "testsupport.h"

#include <QDateTime>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace twtest;

namespace {
// An RSS feed of the labelled headlines (tests/fixtures/linking/headlines.tsv),
// each with its lead sentence as the description, an hour apart; every
// seventh one again, a minute later, from another outlet (a copy of the story).
QByteArray headlinesFeed()
{
    const QString tsv = QString::fromUtf8(readAll(fixture(QStringLiteral("linking/headlines.tsv"))));
    QByteArray rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Desk</title>"
                     "<link>https://news.example.com/</link><description>Labelled headlines</description>\n";
    const QDateTime start(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    int n = 0;
    const auto item = [&rss](const QString &guid, const QString &title, const QString &lead, const QDateTime &when) {
        rss += "<item><guid isPermaLink=\"false\">" + guid.toUtf8() + "</guid><title>" + title.toHtmlEscaped().toUtf8()
               + "</title><link>https://news.example.com/" + guid.toUtf8() + "</link><description>"
               + lead.toHtmlEscaped().toUtf8() + "</description><pubDate>"
               + when.toString(Qt::RFC2822Date).toUtf8() + "</pubDate></item>\n";
    };
    for (const QString &line : tsv.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1Char('#')) || line.trimmed().isEmpty())
            continue;
        const QStringList fields = line.split(QLatin1Char('\t'));
        const QString title = fields.value(1);
        const QString lead = fields.value(2);
        const QDateTime when = start.addSecs(3600LL * n);
        item(QStringLiteral("h%1").arg(n), title, lead, when);
        if (n % 7 == 0)
            item(QStringLiteral("h%1-copy").arg(n), title + QStringLiteral(" - Other Wire"), lead, when.addSecs(60));
        ++n;
    }
    rss += "</channel></rss>\n";
    return rss;
}

// What `score --all` leaves, one line per row, numbers with every digit;
// the stories by their first article (their ids are the store's own); the
// corporate scores it writes (ingest wrote others as of its batches, which
// end where half a second of work does).
const char *const kDumps[] = {
    "SELECT article_id || '|' || ticker || '|' || model_version || '|' || printf('%.17g', score) || '|' || label "
    "|| '|' || printf('%.17g', confidence) || '|' || spans FROM article_scores ORDER BY article_id, ticker, "
    "model_version",
    "SELECT ticker || '|' || model_version || '|' || published_utc || '|' || first_article_id || '|' || title || '|' "
    "|| copies || '|' || printf('%.17g', score_sum) || '|' || printf('%.17g', confidence_sum) || '|' "
    "|| printf('%.17g', relevance) || '|' || printf('%.17g', link_weight) FROM score_stories "
    "ORDER BY ticker, model_version, first_article_id",
    "SELECT m.article_id || '|' || m.ticker || '|' || m.model_version || '|' || s.first_article_id || '|' "
    "|| m.published_utc || '|' || printf('%.17g', m.score) || '|' || printf('%.17g', m.confidence) || '|' "
    "|| printf('%.17g', m.relevance) || '|' || printf('%.17g', m.link_weight) FROM score_story_members m "
    "JOIN score_stories s ON s.id = m.story_id ORDER BY m.article_id, m.ticker, m.model_version",
    "SELECT ticker || '|' || horizon || '|' || model_version || '|' || as_of_utc || '|' || printf('%.17g', weight) "
    "|| '|' || printf('%.17g', weighted) || '|' || printf('%.17g', absolute) FROM corporate_score_state "
    "ORDER BY ticker, horizon, model_version",
    "SELECT ticker || '|' || horizon || '|' || as_of_utc || '|' || printf('%.17g', score) || '|' || label || '|' "
    "|| article_count || '|' || printf('%.17g', confidence) || '|' || model_version || '|' || explanation || '|' "
    "|| printf('%.17g', evidence) || '|' || newest_story_utc || '|' || insufficient FROM corporate_scores "
    "WHERE as_of_utc = (SELECT MAX(as_of_utc) FROM corporate_scores) ORDER BY ticker, horizon",
};
} // namespace

// `score --all` gives the same article scores, stories, running state and
// corporate scores as the build before it scored on several threads and
// wrote through SQLite directly (tests/fixtures/scoring/rescore.golden,
// written by that build from the same feed).
class TestRescoreCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_sandbox;

private slots:
    // Articles but no company on the watchlist: the run says that, not that
    // the store holds no articles.
    void rescoringWithoutAWatchlistSaysSo()
    {
        const QString store = m_sandbox.filePath(QStringLiteral("no-watchlist.db"));
        const QString home = m_sandbox.path();
        const CliRun ingested = runCli({QStringLiteral("--store"), store, QStringLiteral("ingest"),
                                        fixture(QStringLiteral("rss/nasdaq-meta.rss"))}, home);
        QVERIFY2(ingested.exitCode == 0, qPrintable(ingested.err));
        const CliRun rescored = runCli({QStringLiteral("--store"), store, QStringLiteral("score"), QStringLiteral("--all")}, home);
        QCOMPARE(rescored.exitCode, 0);
        QVERIFY2(rescored.out.contains(QStringLiteral("no companies on the watchlist")), qPrintable(rescored.out));
        QVERIFY2(!rescored.out.contains(QStringLiteral("no articles in the store")), qPrintable(rescored.out));
    }

    void rescoringEveryArticleGivesTheScoresOfBefore()
    {
        const QString store = m_sandbox.filePath(QStringLiteral("rescore.db"));
        const QString feed = m_sandbox.filePath(QStringLiteral("headlines.rss"));
        {
            QFile f(feed);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(headlinesFeed());
        }
        const QString home = m_sandbox.path();
        const CliRun added = runCli({QStringLiteral("--store"), store, QStringLiteral("watchlist"), QStringLiteral("add"),
                                     QStringLiteral("META"), QStringLiteral("GOOGL"), QStringLiteral("MSFT"),
                                     QStringLiteral("NVDA"), QStringLiteral("AMZN"), QStringLiteral("COST"),
                                     QStringLiteral("NET"), QStringLiteral("F"), QStringLiteral("AAPL")},
                                    home);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const CliRun ingested = runCli({QStringLiteral("--store"), store, QStringLiteral("ingest"), feed,
                                        fixture(QStringLiteral("rss/nasdaq-meta.rss")),
                                        fixture(QStringLiteral("rss/newsroom-wordpress.rss")),
                                        fixture(QStringLiteral("linking/costco-cloudflare.rss"))},
                                       home);
        QVERIFY2(ingested.exitCode == 0, qPrintable(ingested.err));
        const CliRun rescored = runCli({QStringLiteral("--store"), store, QStringLiteral("score"), QStringLiteral("--all")}, home);
        QVERIFY2(rescored.exitCode == 0, qPrintable(rescored.err));
        QVERIFY2(rescored.err.contains(QStringLiteral("rescored ")), qPrintable(rescored.err));
        // The companies' part reports too, and the run ends with its whole time.
        QVERIFY2(rescored.err.contains(QRegularExpression(QStringLiteral("built the scores of (\\d+) of \\1 companies\n"))),
                 qPrintable(rescored.err));
        QVERIFY2(rescored.err.contains(QRegularExpression(QStringLiteral("\ndone: \\d+ articles and \\d+ companies in "
                                                                          "[0-9.]+ s \\(\\d+ articles/s in all\\)\n$"))),
                 qPrintable(rescored.err));

        QByteArray dump = "## score --all\n" + rescored.out.toUtf8();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("dump"));
            db.setDatabaseName(store);
            QVERIFY(db.open());
            for (const char *sql : kDumps) {
                QSqlQuery q(db);
                QVERIFY2(q.exec(QString::fromLatin1(sql)), sql);
                dump += "## " + QByteArray(sql).left(40) + "\n";
                int rows = 0;
                while (q.next()) {
                    dump += q.value(0).toString().toUtf8() + '\n';
                    ++rows;
                }
                QVERIFY2(rows > 0, sql);
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("dump"));
        QCOMPARE(dump, readAll(fixture(QStringLiteral("scoring/rescore.golden"))));
    }
};

QTEST_GUILESS_MAIN(TestRescoreCli)
#include "tst_rescorecli.moc"
