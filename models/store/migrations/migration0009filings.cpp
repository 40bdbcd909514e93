#include "models/store/migrations/migration.h"

namespace tw {

// SEC filings as a source: the filings read (8-K items with their text),
// which events a filing reports and which articles are its exhibits, and the
// figures companies reported in XBRL: every fact as filed (the history) and,
// per metric and period, the figure that stands (the latest filing's).
// Dates are ISO 'YYYY-MM-DD' text like events.event_date.
Status migration0009Filings(QSqlDatabase &db, SqlDialect dialect)
{
    return execDdl(db, dialect, {
        QStringLiteral(R"(CREATE TABLE filings (
            accession TEXT PRIMARY KEY,
            cik BIGINT NOT NULL DEFAULT 0,
            ticker TEXT NOT NULL DEFAULT '',
            company TEXT NOT NULL DEFAULT '',
            form TEXT NOT NULL,
            filed_date TEXT NOT NULL DEFAULT '',
            report_date TEXT NOT NULL DEFAULT '',
            accepted_utc BIGINT,
            items TEXT NOT NULL DEFAULT '',
            index_url TEXT NOT NULL DEFAULT '',
            document_url TEXT NOT NULL DEFAULT '',
            stored_utc BIGINT NOT NULL))"),
        QStringLiteral("CREATE INDEX filings_ticker ON filings(ticker, filed_date)"),
        QStringLiteral("CREATE INDEX filings_cik ON filings(cik, filed_date)"),

        QStringLiteral(R"(CREATE TABLE filing_items (
            accession TEXT NOT NULL REFERENCES filings(accession) ON DELETE CASCADE,
            item TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            title TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (accession, item)))"),

        QStringLiteral(R"(CREATE TABLE event_filings (
            event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            accession TEXT NOT NULL REFERENCES filings(accession) ON DELETE CASCADE,
            items TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (event_id, accession)))"),
        QStringLiteral("CREATE INDEX event_filings_accession ON event_filings(accession)"),

        QStringLiteral(R"(CREATE TABLE filing_articles (
            accession TEXT NOT NULL REFERENCES filings(accession) ON DELETE CASCADE,
            article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            exhibit TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (accession, article_id)))"),
        QStringLiteral("CREATE INDEX filing_articles_article ON filing_articles(article_id)"),

        QStringLiteral(R"(CREATE TABLE reported_facts (
            cik BIGINT NOT NULL,
            concept TEXT NOT NULL,
            unit TEXT NOT NULL,
            period_start TEXT NOT NULL DEFAULT '',
            period_end TEXT NOT NULL,
            accession TEXT NOT NULL,
            value DOUBLE PRECISION NOT NULL,
            form TEXT NOT NULL DEFAULT '',
            filed_date TEXT NOT NULL,
            fiscal_year INTEGER NOT NULL DEFAULT 0,
            fiscal_period TEXT NOT NULL DEFAULT '',
            frame TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (cik, concept, unit, period_start, period_end, accession)))"),

        QStringLiteral(R"(CREATE TABLE reported_figures (
            ticker TEXT NOT NULL,
            metric TEXT NOT NULL,
            period TEXT NOT NULL,
            cik BIGINT NOT NULL DEFAULT 0,
            period_start TEXT NOT NULL DEFAULT '',
            period_end TEXT NOT NULL DEFAULT '',
            value DOUBLE PRECISION NOT NULL,
            currency TEXT NOT NULL DEFAULT '',
            concept TEXT NOT NULL DEFAULT '',
            form TEXT NOT NULL DEFAULT '',
            filed_date TEXT NOT NULL DEFAULT '',
            accession TEXT NOT NULL DEFAULT '',
            derived INTEGER NOT NULL DEFAULT 0,
            revisions INTEGER NOT NULL DEFAULT 0,
            previous_value DOUBLE PRECISION,
            PRIMARY KEY (ticker, metric, period)))"),
    });
}

} // namespace tw
