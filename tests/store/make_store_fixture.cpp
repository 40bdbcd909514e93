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
    // Versions 1-4's statements stay as those builds wrote them (their
    // committed files must regenerate byte for byte); later versions write
    // the columns they added in the same statements, as their builds did.
    QStringList rows{
        version < 6
            ? QStringLiteral("INSERT INTO tickers (symbol, name, exchange, aliases, position) VALUES "
                             "('META', 'Meta Platforms, Inc.', 'NASDAQ', '[\"Meta\",\"Facebook\"]', 0), "
                             "('GOOGL', 'Alphabet Inc.', 'NASDAQ', '[\"Google\"]', 1)")
            // 6: the SEC company id (Meta's and Alphabet's real CIKs).
            : QStringLiteral("INSERT INTO tickers (symbol, name, exchange, aliases, position, cik) VALUES "
                             "('META', 'Meta Platforms, Inc.', 'NASDAQ', '[\"Meta\",\"Facebook\"]', 0, 1326801), "
                             "('GOOGL', 'Alphabet Inc.', 'NASDAQ', '[\"Google\"]', 1, 1652044)"),
        QStringLiteral("INSERT INTO feeds (id, url, kind, title, etag, last_state, last_success_utc, created_utc) VALUES "
                       "(1, 'https://www.example.com/news/rss', 'news', 'Example Newsroom', 'W/\"abc\"', 'ok', "
                       "1775678400000, 1775592000000)"),
        version < 5
            ? QStringLiteral("INSERT INTO articles (id, guid, url, title, summary, body, author, source, published_utc, "
                             "fetched_utc, feed_id, content_hash) VALUES "
                             "(1, 'g1', 'https://www.example.com/a/1', 'Meta unveils Muse Spark', 'A new model.', "
                             "'The body mentions capex guidance of $115 billion to $135 billion.', 'A. Writer', "
                             "'Example Newsroom', 1775678400000, 1775678460000, 1, 'h1'), "
                             "(2, 'g2', 'https://www.example.com/a/2', 'Zürich analysts weigh Meta''s €3 billion deal', "
                             "'', 'Analysts in Zürich discussed the deal.', '', 'Example Newsroom', 1775682000000, "
                             "1775682060000, 1, 'h2'), "
                             "(3, 'g3', 'https://www.example.com/a/3', 'Alphabet shares rise', '', 'Alphabet rose 4%.', '', "
                             "'Wire', 1775764800000, 1775764860000, NULL, 'h3')")
            // 5: where each article came from, as migration 5 derives it for stored rows.
            : QStringLiteral("INSERT INTO articles (id, guid, url, title, summary, body, author, source, published_utc, "
                             "fetched_utc, feed_id, content_hash, origin) VALUES "
                             "(1, 'g1', 'https://www.example.com/a/1', 'Meta unveils Muse Spark', 'A new model.', "
                             "'The body mentions capex guidance of $115 billion to $135 billion.', 'A. Writer', "
                             "'Example Newsroom', 1775678400000, 1775678460000, 1, 'h1', 'feed:1'), "
                             "(2, 'g2', 'https://www.example.com/a/2', 'Zürich analysts weigh Meta''s €3 billion deal', "
                             "'', 'Analysts in Zürich discussed the deal.', '', 'Example Newsroom', 1775682000000, "
                             "1775682060000, 1, 'h2', 'feed:1'), "
                             "(3, 'g3', 'https://www.example.com/a/3', 'Alphabet shares rise', '', 'Alphabet rose 4%.', '', "
                             "'Wire', 1775764800000, 1775764860000, NULL, 'h3', 'source:Wire')"),
        version < 6
            ? QStringLiteral("INSERT INTO article_tickers (article_id, ticker, relevance) VALUES "
                             "(1, 'META', 0.9), (2, 'META', 0.7), (3, 'GOOGL', 0.95)")
            // 6: relevance as a whole number 0-100 (migration 6 multiplied stored fractions by 100).
            : QStringLiteral("INSERT INTO article_tickers (article_id, ticker, relevance) VALUES "
                             "(1, 'META', 90), (2, 'META', 70), (3, 'GOOGL', 95)"),
        QStringLiteral("INSERT INTO article_scores (article_id, ticker, model_version, score, label, confidence, spans, "
                       "scored_utc) VALUES (1, 'META', 'lexicon-1', 0.25, 'positive', 0.8, '[[0,11]]', 1775678460000), "
                       "(3, 'GOOGL', 'lexicon-1', 0.4, 'positive', 0.7, '[]', 1775764860000)"),
        QStringLiteral("INSERT INTO provider_scores (article_id, ticker, provider, score, label, relevance) VALUES "
                       "(1, 'META', 'alphavantage', 0.31, 'Somewhat-Bullish', 0.88)"),
        QStringLiteral("INSERT INTO quotes (ticker, bar_interval, ts_utc, trade_date, open, high, low, close, volume, "
                       "source, fetched_utc) VALUES "
                       "('META', '1d', 1775620800000, '2026-04-08', 600.1, 615.0, 598.2, 612.5, 18500000, 'stooq', 1), "
                       "('META', '1d', 1775707200000, '2026-04-09', 612.5, 620.3, 605.0, 607.75, 15200000, 'stooq', 1)"),
        version < 7
            ? QStringLiteral("INSERT INTO corporate_scores (ticker, horizon, as_of_utc, score, label, article_count, "
                             "confidence, model_version, explanation) VALUES "
                             "('META', 'medium', 1775682060000, 63.5, 'Somewhat bullish', 2, 0.6, 'corp-1', '{}')")
            // 7: the evidence behind each score; GOOGL's rests on one story, too little for a number.
            : QStringLiteral("INSERT INTO corporate_scores (ticker, horizon, as_of_utc, score, label, article_count, "
                             "confidence, model_version, explanation, evidence, newest_story_utc, insufficient) VALUES "
                             "('META', 'medium', 1775682060000, 63.5, 'Somewhat bullish', 2, 0.6, 'corp-1', '{}', "
                             "1.52, 1775678400000, ''), "
                             "('GOOGL', 'medium', 1775764860000, 60.6, 'Insufficient news', 1, 0.269, 'lexicon-1', "
                             "'{}', 0.7362, 1775764800000, 'Rests on 1 story in the last 35 days (needs at least 2)')"),
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
    if (version >= 5) {
        // Article 2 as first stored, before its feed corrected the title.
        rows << QStringLiteral("INSERT INTO article_revisions (id, article_id, revised_utc, previous_title, "
                               "previous_summary, previous_hash) VALUES (1, 2, 1775682060000, "
                               "'Zurich analysts weigh Meta deal', '', 'h2-first')");
    }
    if (version >= 7) {
        // The running state ingest keeps (migration 7), as ingest left it after
        // scoring articles 1 and 3 with lexicon-1: one story each, the sums of
        // every horizon at the story's own time (no decay yet). A story weighs
        // relevance x (0.25 + 0.75 x confidence): 0.9 x 0.85 and 0.95 x 0.775.
        rows << QStringLiteral("INSERT INTO score_stories (id, ticker, model_version, published_utc, first_article_id, "
                               "title, copies, score_sum, confidence_sum, relevance, link_weight) VALUES "
                               "(1, 'META', 'lexicon-1', 1775678400000, 1, 'Meta unveils Muse Spark', 1, 0.25, 0.8, 0.9, 1), "
                               "(2, 'GOOGL', 'lexicon-1', 1775764800000, 3, 'Alphabet shares rise', 1, 0.4, 0.7, 0.95, 1)")
             << QStringLiteral("INSERT INTO score_story_members (article_id, ticker, model_version, story_id, "
                               "published_utc, score, confidence, relevance, link_weight) VALUES "
                               "(1, 'META', 'lexicon-1', 1, 1775678400000, 0.25, 0.8, 0.9, 1), "
                               "(3, 'GOOGL', 'lexicon-1', 2, 1775764800000, 0.4, 0.7, 0.95, 1)")
             << QStringLiteral("INSERT INTO corporate_score_state (ticker, horizon, model_version, as_of_utc, weight, "
                               "weighted, absolute) VALUES "
                               "('META', 'short', 'lexicon-1', 1775678400000, 0.765, 0.19125, 0.19125), "
                               "('META', 'medium', 'lexicon-1', 1775678400000, 0.765, 0.19125, 0.19125), "
                               "('META', 'long', 'lexicon-1', 1775678400000, 0.765, 0.19125, 0.19125), "
                               "('GOOGL', 'short', 'lexicon-1', 1775764800000, 0.73625, 0.2945, 0.2945), "
                               "('GOOGL', 'medium', 'lexicon-1', 1775764800000, 0.73625, 0.2945, 0.2945), "
                               "('GOOGL', 'long', 'lexicon-1', 1775764800000, 0.73625, 0.2945, 0.2945)");
    }
    if (version >= 9) {
        // An 8-K (Regulation FD, exhibit 99.1) that reports the guidance event
        // and whose press release is article 1; the capex Meta's 10-K reported
        // for 2024 and 2025, as facts filed and as the figures that stand
        // (2024's as the later 10-K restated it, the first one's kept as the previous value).
        rows << QStringLiteral("INSERT INTO filings (accession, cik, ticker, company, form, filed_date, report_date, "
                               "accepted_utc, items, index_url, document_url, stored_utc) VALUES "
                               "('0001326801-26-000031', 1326801, 'META', 'Meta Platforms, Inc.', '8-K', '2026-04-08', "
                               "'2026-04-08', 1775676000000, '7.01,9.01', "
                               "'https://www.sec.gov/Archives/edgar/data/1326801/000132680126000031/', "
                               "'https://www.sec.gov/Archives/edgar/data/1326801/000132680126000031/meta-20260408.htm', "
                               "1775678460000)")
             << QStringLiteral("INSERT INTO filing_items (accession, item, position, title, body) VALUES "
                               "('0001326801-26-000031', '7.01', 0, 'Regulation FD Disclosure', "
                               "'Meta expects 2026 capital expenditures of $115-135 billion.'), "
                               "('0001326801-26-000031', '9.01', 1, 'Financial Statements and Exhibits', "
                               "'Exhibit 99.1 Press release dated April 8, 2026.')")
             << QStringLiteral("INSERT INTO event_filings (event_id, accession, items) VALUES "
                               "(1, '0001326801-26-000031', '7.01')")
             << QStringLiteral("INSERT INTO filing_articles (accession, article_id, exhibit) VALUES "
                               "('0001326801-26-000031', 1, 'EX-99.1')")
             << QStringLiteral("INSERT INTO reported_facts (cik, concept, unit, period_start, period_end, accession, "
                               "value, form, filed_date, fiscal_year, fiscal_period, frame) VALUES "
                               "(1326801, 'PaymentsToAcquirePropertyPlantAndEquipment', 'USD', '2024-01-01', '2024-12-31', "
                               "'0001326801-25-000017', 37256000000, '10-K', '2025-01-30', 2024, 'FY', ''), "
                               "(1326801, 'PaymentsToAcquirePropertyPlantAndEquipment', 'USD', '2024-01-01', '2024-12-31', "
                               "'0001326801-26-000012', 37263000000, '10-K', '2026-01-29', 2025, 'FY', 'CY2024'), "
                               "(1326801, 'PaymentsToAcquirePropertyPlantAndEquipment', 'USD', '2025-01-01', '2025-12-31', "
                               "'0001326801-26-000012', 69691000000, '10-K', '2026-01-29', 2025, 'FY', 'CY2025')")
             << QStringLiteral("INSERT INTO reported_figures (ticker, metric, period, cik, period_start, period_end, "
                               "value, currency, concept, form, filed_date, accession, derived, revisions, "
                               "previous_value) VALUES "
                               "('META', 'capex', '2024', 1326801, '2024-01-01', '2024-12-31', 37263000000, 'USD', "
                               "'PaymentsToAcquirePropertyPlantAndEquipment', '10-K', '2026-01-29', "
                               "'0001326801-26-000012', 0, 1, 37256000000), "
                               "('META', 'capex', '2025', 1326801, '2025-01-01', '2025-12-31', 69691000000, 'USD', "
                               "'PaymentsToAcquirePropertyPlantAndEquipment', '10-K', '2026-01-29', "
                               "'0001326801-26-000012', 0, 0, NULL)");
    }
    if (version >= 12) {
        // The 8-K's full submission text, read by a fetch that followed the feed's listing.
        rows << QStringLiteral("INSERT INTO filing_document_fetches (accession, url, fetched_utc, failures, "
                               "last_attempt_utc, last_error) VALUES ('0001326801-26-000031', "
                               "'https://www.sec.gov/Archives/edgar/data/1326801/000132680126000031/0001326801-26-000031.txt', "
                               "1775678460000, 0, 1775678460000, '')");
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
