#pragma once

#include "models/alerts/alertrule.h"
#include "models/alerts/firedalertstore.h"
#include "models/core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>

namespace tw {

// What one rule would fire, before cooldown and de-duplication decide.
struct AlertCandidate {
    QString ticker;
    QString message;
    QString causeKey;
    QList<qint64> articleIds;
};

// Runs every enabled rule against the store as it stands and stores what
// fires. Called after each ingest batch and each quote update, on whatever
// thread owns `db` (the window runs it on its worker connection).
//
// Idempotent by construction: each firing carries a cause key (an article, an
// event and its figures, a score snapshot, a trading day) that is unique per
// rule in the store, so evaluating the same data twice, re-ingesting or
// rescoring it, fires nothing new. Condition rules (score, label, price,
// volume) also wait out their cooldown per ticker, measured from the stored
// firings, so it holds across restarts.
class AlertEvaluator {
public:
    explicit AlertEvaluator(QSqlDatabase db);

    // `now` is the clock for "today" (news volume) and cooldowns; tests pass a
    // fixed one. Returns the new firings, oldest rule first.
    Result<QList<FiredAlert>> evaluate(const QDateTime &now);

    // The candidates a single rule yields against the store, advancing its
    // `state` (what it has seen). Exposed for the rule editor's preview.
    Result<QList<AlertCandidate>> candidates(const AlertRule &rule, QJsonObject &state, const QDateTime &now) const;

private:
    Result<QStringList> tickersInScope(const AlertRule &rule) const;
    Result<QList<AlertCandidate>> scoreCandidates(const AlertRule &rule, QJsonObject &state) const;
    Result<QList<AlertCandidate>> priceCandidates(const AlertRule &rule, QJsonObject &state) const;
    Result<QList<AlertCandidate>> articleCandidates(const AlertRule &rule, QJsonObject &state) const;
    Result<QList<AlertCandidate>> volumeCandidates(const AlertRule &rule, const QDateTime &now) const;
    Result<QList<AlertCandidate>> eventCandidates(const AlertRule &rule, const QJsonObject &state) const;
    Result<QList<qint64>> eventArticles(qint64 eventId) const;

    QSqlDatabase m_db;
};

} // namespace tw
