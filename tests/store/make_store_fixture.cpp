// Writes tests/fixtures/stores/vN.db: a store as the build whose newest
// migration is N left it, with rows in every table that version has. Run it
// with that build (never a later one), then commit the file:
//   cmake --build build --target make_store_fixture
//   build/tests/store/make_store_fixture N tests/fixtures/stores/vN.db
// tst_migrations opens each committed file with today's build.
#include "models/store/migrator.h"
#include "models/store/sqlexec.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QStringList>

#include <cstdio>

using namespace tw;

namespace {
QStringList rowsFor(int version)
{
    // 2026-04-08/09 UTC, in ms; titles with what text handling gets wrong
    // (accents, the euro sign, an apostrophe).
    QStringList rows{
        QStringLiteral("INSERT INTO tickers (symbol, name, exchange, aliases, position) VALUES "
                       "('META', 'Meta Platforms, Inc.', 'NASDAQ', '[\"Meta\",\"Facebook\"]', 0), "
                       "('GOOGL', 'Alphabet Inc.', 'NASDAQ', '[\"Google\"]', 1)"),
        QStringLiteral("INSERT INTO feeds (id, url, kind, title, etag, last_state, last_success_utc, created_utc) VALUES "
                       "(1, 'https://www.example.com/news/rss', 'news', 'Example Newsroom', 'W/\"abc\"', 'ok', "
                       "1775678400000, 1775592000000)"),
        QStringLiteral("INSERT INTO articles (id, guid, url, title, summary, body, author, source, published_utc, "
                       "fetched_utc, feed_id, content_hash) VALUES "
                       "(1, 'g1', 'https://www.example.com/a/1', 'Meta unveils Muse Spark', 'A new model.', "
                       "'The body mentions capex guidance of $115 billion to $135 billion.', 'A. Writer', "
                       "'Example Newsroom', 1775678400000, 1775678460000, 1, 'h1'), "
                       "(2, 'g2', 'https://www.example.com/a/2', 'Zürich analysts weigh Meta''s €3 billion deal', "
                       "'', 'Analysts in Zürich discussed the deal.', '', 'Example Newsroom', 1775682000000, "
                       "1775682060000, 1, 'h2'), "
                       "(3, 'g3', 'https://www.example.com/a/3', 'Alphabet shares rise', '', 'Alphabet rose 4%.', '', "
                       "'Wire', 1775764800000, 1775764860000, NULL, 'h3')"),
        QStringLiteral("INSERT INTO article_tickers (article_id, ticker, relevance) VALUES "
                       "(1, 'META', 0.9), (2, 'META', 0.7), (3, 'GOOGL', 0.95)"),
        QStringLiteral("INSERT INTO article_scores (article_id, ticker, model_version, score, label, confidence, spans, "
                       "scored_utc) VALUES (1, 'META', 'lexicon-1', 0.25, 'positive', 0.8, '[[0,11]]', 1775678460000), "
                       "(3, 'GOOGL', 'lexicon-1', 0.4, 'positive', 0.7, '[]', 1775764860000)"),
        QStringLiteral("INSERT INTO provider_scores (article_id, ticker, provider, score, label, relevance) VALUES "
                       "(1, 'META', 'alphavantage', 0.31, 'Somewhat-Bullish', 0.88)"),
        QStringLiteral("INSERT INTO quotes (ticker, bar_interval, ts_utc, trade_date, open, high, low, close, volume, "
                       "source, fetched_utc) VALUES "
                       "('META', '1d', 1775620800000, '2026-04-08', 600.1, 615.0, 598.2, 612.5, 18500000, 'stooq', 1), "
                       "('META', '1d', 1775707200000, '2026-04-09', 612.5, 620.3, 605.0, 607.75, 15200000, 'stooq', 1)"),
        QStringLiteral("INSERT INTO corporate_scores (ticker, horizon, as_of_utc, score, label, article_count, "
                       "confidence, model_version, explanation) VALUES "
                       "('META', 'medium', 1775682060000, 63.5, 'Somewhat bullish', 2, 0.6, 'corp-1', '{}')"),
        QStringLiteral("INSERT INTO events (id, ticker, event_date, date_precision, kind, title, metric, basis, "
                       "amount_low, amount_high, currency, unit, period, confidence, merge_key, created_utc) VALUES "
                       "(1, 'META', '2026-04-08', 'day', 'guidance', 'META guides 2026 capex to $115-135 billion', "
                       "'capex', 'text', 115, 135, 'USD', 'billion', '2026', 0.9, 'META|guidance|capex|2026', "
                       "1775678460000)"),
        QStringLiteral("INSERT INTO event_sources (event_id, article_id, sentence_start, sentence_end) VALUES (1, 1, 0, 64)"),
    };
    if (version >= 3) {
        rows << QStringLiteral("INSERT INTO alert_rules (id, name, kind, ticker, query, cooldown_s, state, "
                               "last_fired_utc, created_utc) VALUES (1, 'Muse Spark news', 'article-match', 'META', "
                               "'\"Muse Spark\"', 0, '{\"article_watermark\":3}', 1775678460000, 1775592000000)")
             << QStringLiteral("INSERT INTO fired_alerts (id, rule_id, fired_utc, ticker, message, cause_key) VALUES "
                               "(1, 1, 1775678460000, 'META', 'New article matching \"Muse Spark\": Meta unveils Muse "
                               "Spark', 'articles:1')")
             << QStringLiteral("INSERT INTO fired_alert_articles (alert_id, article_id) VALUES (1, 1)");
    }
    if (version >= 4) {
        // From migration 4 on, the writer indexes new articles itself (no trigger).
        rows << QStringLiteral("INSERT INTO articles_fts (rowid, title, summary, body) "
                               "SELECT id, title, summary, body FROM articles");
    }
    return rows;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    bool ok = false;
    const int version = args.value(1).toInt(&ok);
    if (args.size() != 3 || !ok || version < 1) {
        std::fprintf(stderr, "usage: make_store_fixture VERSION OUT.db\n");
        return 2;
    }
    const QString path = args.at(2);
    QFile::remove(path);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fixture"));
        db.setDatabaseName(path);
        if (!db.open())
            return 1;
        // As StoreConnection sets it up.
        auto setup = execStatements(db, {QStringLiteral("PRAGMA journal_mode = WAL"),
                                         QStringLiteral("PRAGMA foreign_keys = ON")});
        auto migrated = Migrator(db, SqlDialect::Sqlite, path).migrateTo(version);
        auto rows = migrated ? execStatements(db, rowsFor(version)) : migrated;
        if (!setup || !migrated || !rows) {
            std::fprintf(stderr, "make_store_fixture: %s\n",
                         qPrintable(!setup ? setup.errorMessage() : !migrated ? migrated.errorMessage() : rows.errorMessage()));
            return 1;
        }
        (void)execStatements(db, {QStringLiteral("VACUUM")});
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fixture"));
    QFile::remove(Migrator::backupPath(path, 0));
    return 0;
}
