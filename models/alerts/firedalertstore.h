#pragma once

#include "models/alerts/analyststate.h"
#include "models/core/result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace tw {

struct CauseArticle {
    qint64 id = 0;
    QString title;
    QString source;
    QString url;
};

// One stored firing of a rule: when, about which ticker, what it said, and
// what caused it (articles here; quotes and scores are named by the cause key).
struct FiredAlert {
    qint64 id = 0;
    qint64 ruleId = 0;
    QString ruleName;           // the rule's description, filled on reads
    bool ruleMuted = false;     // by this analyst (AnalystState), filled on reads
    QDateTime fired;            // UTC
    QString ticker;
    QString message;
    QString causeKey;           // unique per rule: the same cause never fires twice
    bool acknowledged = false;  // by this analyst (AnalystState), filled on reads
    QList<CauseArticle> articles;
};

// fired_alerts and fired_alert_articles. The (rule, cause_key) uniqueness is
// what makes every evaluation idempotent. Firings are shared; whether one is
// acknowledged, and whether its rule is muted, is the analyst's own (AnalystState).
class FiredAlertStore {
public:
    explicit FiredAlertStore(QSqlDatabase db);
    FiredAlertStore(QSqlDatabase db, AnalystState analyst);

    // Stores a firing and its cause articles; returns the new id, or nothing
    // when this rule already fired for this cause.
    Result<std::optional<qint64>> record(const FiredAlert &alert, const QList<qint64> &articleIds);

    // Newest first; `since` invalid means all.
    Result<QList<FiredAlert>> list(const QDateTime &since = {}, int limit = 1000) const;
    Result<std::optional<FiredAlert>> byId(qint64 id) const;
    // When the rule last fired for `ticker` (empty: any), for cooldowns.
    Result<std::optional<QDateTime>> lastFired(qint64 ruleId, const QString &ticker) const;
    // For this analyst only; false when there is no such firing.
    Result<bool> acknowledge(qint64 id);
    // Firings this analyst has not acknowledged.
    Result<qint64> unacknowledgedCount() const;

private:
    Result<QList<FiredAlert>> select(const QString &where, const QVariantList &values, int limit) const;
    Status loadArticles(FiredAlert &alert) const;

    QSqlDatabase m_db;
    AnalystState m_analyst;
};

} // namespace tw
