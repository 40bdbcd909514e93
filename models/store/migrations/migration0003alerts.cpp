#include "models/store/migrations/migration.h"

namespace tw {

Status migration0003Alerts(QSqlDatabase &db, SqlDialect dialect)
{
    return execDdl(db, dialect, {
        QStringLiteral(R"(CREATE TABLE alert_rules (
            id {{ID}},
            name TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            ticker TEXT NOT NULL DEFAULT '',
            horizon TEXT NOT NULL DEFAULT '',
            threshold DOUBLE PRECISION,
            query TEXT NOT NULL DEFAULT '',
            event_kinds TEXT NOT NULL DEFAULT '',
            sources TEXT NOT NULL DEFAULT '',
            cooldown_s INTEGER NOT NULL DEFAULT 3600,
            enabled INTEGER NOT NULL DEFAULT 1,
            muted INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL DEFAULT '{}',
            last_fired_utc BIGINT,
            created_utc BIGINT NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE fired_alerts (
            id {{ID}},
            rule_id BIGINT NOT NULL REFERENCES alert_rules(id) ON DELETE CASCADE,
            fired_utc BIGINT NOT NULL,
            ticker TEXT NOT NULL DEFAULT '',
            message TEXT NOT NULL,
            cause_key TEXT NOT NULL,
            acknowledged INTEGER NOT NULL DEFAULT 0,
            UNIQUE (rule_id, cause_key)))"),
        QStringLiteral("CREATE INDEX fired_alerts_time ON fired_alerts(fired_utc)"),
        QStringLiteral(R"(CREATE TABLE fired_alert_articles (
            alert_id BIGINT NOT NULL REFERENCES fired_alerts(id) ON DELETE CASCADE,
            article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (alert_id, article_id)))"),
    });
}

} // namespace tw
