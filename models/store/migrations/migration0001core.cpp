#include "models/store/migrations/migration.h"

namespace tw {

QLatin1String migration0001ArticleColumns()
{
    return QLatin1String(R"(
            url TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            summary TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            source_url TEXT NOT NULL DEFAULT '',
            published_utc BIGINT NOT NULL,
            published_estimated INTEGER NOT NULL DEFAULT 0,
            fetched_utc BIGINT NOT NULL,
            feed_id BIGINT REFERENCES feeds(id) ON DELETE SET NULL,
            content_hash TEXT NOT NULL)");
}

// Instants are BIGINT UTC milliseconds; flags are INTEGER 0/1; amounts are
// DOUBLE PRECISION (SQLite's REAL, and not PostgreSQL's 4-byte REAL).
Status migration0001Core(QSqlDatabase &db, SqlDialect dialect)
{
    return execDdl(db, dialect, {
        QStringLiteral(R"(CREATE TABLE tickers (
            symbol TEXT PRIMARY KEY,
            name TEXT NOT NULL DEFAULT '',
            exchange TEXT NOT NULL DEFAULT '',
            timezone TEXT NOT NULL DEFAULT 'America/New_York',
            aliases TEXT NOT NULL DEFAULT '[]',
            on_watchlist INTEGER NOT NULL DEFAULT 1,
            position INTEGER NOT NULL DEFAULT 0))"),

        QStringLiteral(R"(CREATE TABLE feeds (
            id {{ID}},
            url TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL DEFAULT 'news',
            ticker TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            enabled INTEGER NOT NULL DEFAULT 1,
            interval_s INTEGER NOT NULL DEFAULT 900,
            etag TEXT NOT NULL DEFAULT '',
            last_modified TEXT NOT NULL DEFAULT '',
            last_state TEXT NOT NULL DEFAULT 'never',
            last_error TEXT NOT NULL DEFAULT '',
            last_success_utc BIGINT,
            last_attempt_utc BIGINT,
            consecutive_failures INTEGER NOT NULL DEFAULT 0,
            next_due_utc BIGINT,
            created_utc BIGINT NOT NULL))"),

        QStringLiteral(R"(CREATE TABLE articles (
            id {{ID}},
            guid TEXT NOT NULL UNIQUE,%1))").arg(migration0001ArticleColumns()),
        QStringLiteral("CREATE INDEX articles_published ON articles(published_utc)"),
        QStringLiteral("CREATE INDEX articles_url ON articles(url)"),
        QStringLiteral("CREATE INDEX articles_content_hash ON articles(content_hash)"),
        QStringLiteral("CREATE INDEX articles_source ON articles(source)"),

        QStringLiteral(R"(CREATE TABLE article_tickers (
            article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            ticker TEXT NOT NULL,
            relevance DOUBLE PRECISION NOT NULL DEFAULT 0,
            PRIMARY KEY (article_id, ticker)))"),
        QStringLiteral("CREATE INDEX article_tickers_ticker ON article_tickers(ticker, article_id)"),

        QStringLiteral(R"(CREATE TABLE article_scores (
            article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            ticker TEXT NOT NULL,
            model_version TEXT NOT NULL,
            score DOUBLE PRECISION NOT NULL,
            label TEXT NOT NULL,
            confidence DOUBLE PRECISION NOT NULL DEFAULT 0,
            spans TEXT NOT NULL DEFAULT '[]',
            scored_utc BIGINT NOT NULL,
            PRIMARY KEY (article_id, ticker, model_version)))"),
        QStringLiteral("CREATE INDEX article_scores_ticker ON article_scores(ticker, model_version)"),

        QStringLiteral(R"(CREATE TABLE provider_scores (
            article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            ticker TEXT NOT NULL DEFAULT '',
            provider TEXT NOT NULL,
            score DOUBLE PRECISION,
            label TEXT NOT NULL DEFAULT '',
            relevance DOUBLE PRECISION,
            PRIMARY KEY (article_id, ticker, provider)))"),

        QStringLiteral(R"(CREATE TABLE quotes (
            ticker TEXT NOT NULL,
            bar_interval TEXT NOT NULL DEFAULT '1d',
            ts_utc BIGINT NOT NULL,
            trade_date TEXT NOT NULL,
            open DOUBLE PRECISION,
            high DOUBLE PRECISION,
            low DOUBLE PRECISION,
            close DOUBLE PRECISION NOT NULL,
            volume BIGINT,
            source TEXT NOT NULL,
            fetched_utc BIGINT NOT NULL,
            PRIMARY KEY (ticker, bar_interval, ts_utc)))"),

        QStringLiteral(R"(CREATE TABLE corporate_scores (
            ticker TEXT NOT NULL,
            horizon TEXT NOT NULL,
            as_of_utc BIGINT NOT NULL,
            score DOUBLE PRECISION NOT NULL,
            label TEXT NOT NULL,
            article_count INTEGER NOT NULL DEFAULT 0,
            confidence DOUBLE PRECISION NOT NULL DEFAULT 0,
            model_version TEXT NOT NULL,
            explanation TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (ticker, horizon, as_of_utc)))"),

        QStringLiteral(R"(CREATE TABLE events (
            id {{ID}},
            ticker TEXT NOT NULL,
            event_date TEXT NOT NULL,
            date_precision TEXT NOT NULL DEFAULT 'day',
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            metric TEXT NOT NULL DEFAULT '',
            basis TEXT NOT NULL DEFAULT '',
            amount_low DOUBLE PRECISION,
            amount_high DOUBLE PRECISION,
            currency TEXT NOT NULL DEFAULT '',
            unit TEXT NOT NULL DEFAULT '',
            period TEXT NOT NULL DEFAULT '',
            confidence DOUBLE PRECISION NOT NULL DEFAULT 0,
            merge_key TEXT NOT NULL UNIQUE,
            created_utc BIGINT NOT NULL))"),
        QStringLiteral("CREATE INDEX events_ticker_date ON events(ticker, event_date)"),

        QStringLiteral(R"(CREATE TABLE event_sources (
            event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            sentence_start INTEGER NOT NULL DEFAULT 0,
            sentence_end INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (event_id, article_id)))"),
        QStringLiteral("CREATE INDEX event_sources_article ON event_sources(article_id)"),
    });
}

} // namespace tw
