#pragma once

#include "models/alerts/alertrule.h"
#include "models/alerts/analyststate.h"
#include "models/core/result.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>

#include <optional>

class QSqlQuery;

namespace tw {

// What validate() made of a rule: the rule as it will be stored, or what is
// wrong with it (a front end words it; message() is a plain default).
class [[nodiscard]] RuleCheck {
public:
    RuleCheck(AlertRule rule) : m_rule(std::move(rule)) {}
    RuleCheck(RuleProblem problem) : m_problem(std::move(problem)) {}

    bool ok() const { return !m_problem.has_value(); }
    explicit operator bool() const { return ok(); }
    const AlertRule &rule() const { return *m_rule; }
    const AlertRule &operator*() const { return *m_rule; }
    const AlertRule *operator->() const { return &*m_rule; }
    const RuleProblem &problem() const { return *m_problem; }

private:
    std::optional<AlertRule> m_rule;
    std::optional<RuleProblem> m_problem;
};

// The analyst's alert rules (alert_rules). Every write validates first, so a
// stored rule always names a known ticker, a sane threshold and a query the
// full-text index accepts. Each rule also keeps the evaluator's private state
// (what it has already looked at), which survives restarts with the rule.
// Rules are shared by everyone on the store; muting one is the analyst's own
// choice (AnalystState) and leaves colleagues' alerts alone.
class AlertRuleStore {
public:
    explicit AlertRuleStore(QSqlDatabase db);
    AlertRuleStore(QSqlDatabase db, AnalystState analyst);

    // Checks and normalises a rule (upper-case tickers, default horizon and
    // threshold) against its kind's row (describeAlertKind) and the store.
    RuleCheck validate(const AlertRule &rule) const;

    // Validates and inserts; returns the stored rule with its id. New rules
    // start after the newest stored article and event: they alert on what comes next.
    Result<AlertRule> add(const AlertRule &rule);
    // Validates and rewrites the rule's settings; keeps its state and history.
    Status update(const AlertRule &rule);
    Status remove(qint64 id);
    Status setEnabled(qint64 id, bool enabled);
    // For this analyst only.
    Status setMuted(qint64 id, bool muted);

    Result<std::optional<AlertRule>> byId(qint64 id) const;
    Result<std::optional<AlertRule>> byName(const QString &name) const;
    Result<QList<AlertRule>> all() const;
    Result<QList<AlertRule>> enabledRules() const;

    Result<QJsonObject> state(qint64 id) const;
    Status setState(qint64 id, const QJsonObject &state);
    Status setLastFired(qint64 id, qint64 firedUtc);

    static QStringList horizons();     // the scoring's: short, medium, long

    // Reads what defines a rule (name, kind, ticker, horizon, threshold,
    // query: the order of alert_rules' columns) from a row, from column `first` on.
    static void readDefinition(const QSqlQuery &row, int first, AlertRule &rule);

private:
    Result<QList<AlertRule>> select(const QString &where, const QVariant &value) const;
    std::optional<RuleProblem> checkTicker(const AlertRule &rule, const QString &symbol) const;
    QStringList storedValues(const QString &table, const QString &column) const;
    Result<AlertRule> existingOrFail(qint64 id) const;

    QSqlDatabase m_db;
    AnalystState m_analyst;
};

} // namespace tw
