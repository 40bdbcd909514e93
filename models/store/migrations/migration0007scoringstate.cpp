#include "models/store/migrations/migration.h"

namespace tw {

// What ingest needs so that a batch costs what is in it, not what is already
// stored.
//
// Corporate scores are kept current from running state instead of re-reading
// a company's every article score per batch: score_stories holds each
// distinct story (syndicated copies grouped) with its summed evidence,
// score_story_members which article copy belongs to which story (so a changed
// article can be taken out again), and corporate_score_state the decayed sums
// per ticker, horizon and model version (EvidenceSums). A store from an older
// build has no state: it is built from article_scores the first time a
// ticker's score is updated, and `score --all` rebuilds all of it.
//
// corporate_scores also carries the evidence behind each score: the total
// decayed story weight, the newest story's time and, when the evidence is
// below the threshold, why ("insufficient news").
//
// Event merging looks for candidates by ticker, kind and date window.
Status migration0007ScoringState(QSqlDatabase &db, SqlDialect dialect)
{
    return execDdl(db, dialect, {
        QStringLiteral(R"(CREATE TABLE score_stories (
            id {{ID}},
            ticker TEXT NOT NULL,
            model_version TEXT NOT NULL,
            published_utc BIGINT NOT NULL,
            first_article_id BIGINT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            copies INTEGER NOT NULL DEFAULT 1,
            score_sum DOUBLE PRECISION NOT NULL DEFAULT 0,
            confidence_sum DOUBLE PRECISION NOT NULL DEFAULT 0,
            relevance DOUBLE PRECISION NOT NULL DEFAULT 0,
            link_weight DOUBLE PRECISION NOT NULL DEFAULT 1))"),
        QStringLiteral("CREATE INDEX score_stories_time ON score_stories(ticker, model_version, published_utc)"),
        QStringLiteral(R"(CREATE TABLE score_story_members (
            article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            ticker TEXT NOT NULL,
            model_version TEXT NOT NULL,
            story_id BIGINT NOT NULL,
            published_utc BIGINT NOT NULL,
            score DOUBLE PRECISION NOT NULL,
            confidence DOUBLE PRECISION NOT NULL,
            relevance DOUBLE PRECISION NOT NULL,
            link_weight DOUBLE PRECISION NOT NULL DEFAULT 1,
            PRIMARY KEY (article_id, ticker, model_version)))"),
        QStringLiteral("CREATE INDEX score_story_members_story ON score_story_members(story_id)"),
        QStringLiteral(R"(CREATE TABLE corporate_score_state (
            ticker TEXT NOT NULL,
            horizon TEXT NOT NULL,
            model_version TEXT NOT NULL,
            as_of_utc BIGINT NOT NULL,
            weight DOUBLE PRECISION NOT NULL,
            weighted DOUBLE PRECISION NOT NULL,
            absolute DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (ticker, horizon, model_version)))"),
        QStringLiteral("ALTER TABLE corporate_scores ADD COLUMN evidence DOUBLE PRECISION NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE corporate_scores ADD COLUMN newest_story_utc BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE corporate_scores ADD COLUMN insufficient TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("CREATE INDEX events_ticker_kind_date ON events(ticker, kind, event_date)"),
    });
}

} // namespace tw
