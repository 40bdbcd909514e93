#include "models/alerts/firedalertstore.h"

#include "models/alerts/alertrule.h"
#include "models/alerts/alertrulestore.h"
#include "models/core/storetime.h"
#include "models/store/sqlexec.h"
#include "models/store/storechangenotifier.h"

#include <QHash>
#include <QSqlQuery>

namespace tw {

FiredAlertStore::FiredAlertStore(QSqlDatabase db) : FiredAlertStore(db, AnalystState::forStore(db)) {}

FiredAlertStore::FiredAlertStore(QSqlDatabase db, AnalystState analyst)
    : m_db(std::move(db)), m_analyst(std::move(analyst))
{
}

Result<std::optional<qint64>> FiredAlertStore::record(const FiredAlert &alert, const QList<qint64> &articleIds)
{
    // RETURNING yields no row when the conflict clause skipped the insert.
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO fired_alerts (rule_id, fired_utc, ticker, message, cause_key) "
                                  "VALUES (?,?,?,?,?) ON CONFLICT (rule_id, cause_key) DO NOTHING RETURNING id"));
    if (auto s = execBound(insert, {alert.ruleId, toStoreTime(alert.fired), alert.ticker, alert.message,
                                    alert.causeKey});
        !s)
        return s.error();
    if (!insert.next())
        return std::optional<qint64>{};
    const qint64 id = insert.value(0).toLongLong();
    insert.finish();

    QSqlQuery link(m_db);
    link.prepare(QStringLiteral("INSERT INTO fired_alert_articles (alert_id, article_id) VALUES (?,?) "
                                "ON CONFLICT DO NOTHING"));
    for (qint64 articleId : articleIds) {
        if (auto s = execBound(link, {id, articleId}); !s)
            return s.error();
    }
    if (auto s = StoreChangeNotifier::announce(m_db, {QStringLiteral("fired_alerts"), QStringLiteral("inserted"), id}); !s)
        return s.error();
    return std::optional<qint64>{id};
}

Result<QList<FiredAlert>> FiredAlertStore::select(const QString &where, const QVariantList &values, int limit) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT f.id, f.rule_id, f.fired_utc, f.ticker, f.message, f.cause_key, f.acknowledged, "
                             "r.name, r.kind, r.ticker, r.horizon, r.threshold, r.query, r.muted, r.created_utc "
                             "FROM fired_alerts f JOIN alert_rules r ON r.id = f.rule_id %1 "
                             "ORDER BY f.fired_utc DESC, f.id DESC LIMIT %2")
                  .arg(where)
                  .arg(limit));
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return fail(describeSqlError(QStringLiteral("Fired alert list failed"), q));
    const AnalystState::Acknowledged acked = m_analyst.acknowledged();
    QHash<qint64, bool> mutedRules;  // many firings share a rule: one settings read each
    QList<FiredAlert> result;
    while (q.next()) {
        FiredAlert a;
        a.id = q.value(0).toLongLong();
        a.ruleId = q.value(1).toLongLong();
        a.fired = fromStoreTime(q.value(2).toLongLong());
        a.ticker = q.value(3).toString();
        a.message = q.value(4).toString();
        a.causeKey = q.value(5).toString();
        // The column is the shared state older builds wrote; it still counts.
        a.acknowledged = q.value(6).toInt() != 0 || acked.contains(a.id, q.value(2).toLongLong());
        AlertRule rule;
        AlertRuleStore::readDefinition(q, 7, rule);
        a.ruleName = rule.describe();
        if (!mutedRules.contains(a.ruleId))
            mutedRules.insert(a.ruleId,
                              m_analyst.muted(a.ruleId, q.value(14).toLongLong()).value_or(q.value(13).toInt() != 0));
        a.ruleMuted = mutedRules.value(a.ruleId);
        result << a;
    }
    for (FiredAlert &a : result) {
        if (auto s = loadArticles(a); !s)
            return s.error();
    }
    return result;
}

Status FiredAlertStore::loadArticles(FiredAlert &alert) const
{
    const QString sql = QStringLiteral("SELECT a.id, a.title, a.source, a.url FROM fired_alert_articles fa "
                                       "JOIN articles a ON a.id = fa.article_id WHERE fa.alert_id = ? "
                                       "ORDER BY a.published_utc, a.id");
    auto articles = selectRows(m_db, sql, {alert.id}, [](const QSqlQuery &row) {
        return CauseArticle{row.value(0).toLongLong(), row.value(1).toString(), row.value(2).toString(),
                            row.value(3).toString()};
    });
    if (!articles)
        return articles.error();
    alert.articles << *articles;
    return {};
}

Result<QList<FiredAlert>> FiredAlertStore::list(const QDateTime &since, int limit) const
{
    if (since.isValid())
        return select(QStringLiteral("WHERE f.fired_utc >= ?"), {toStoreTime(since)}, limit);
    return select(QString(), {}, limit);
}

Result<std::optional<FiredAlert>> FiredAlertStore::byId(qint64 id) const
{
    return firstMatch(select(QStringLiteral("WHERE f.id = ?"), {id}, 1));
}

Result<std::optional<QDateTime>> FiredAlertStore::lastFired(qint64 ruleId, const QString &ticker) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT max(fired_utc) FROM fired_alerts WHERE rule_id = ? AND ticker = ?"));
    if (auto s = execBound(q, {ruleId, ticker}); !s)
        return s.error();
    if (!q.next() || q.value(0).isNull())
        return std::optional<QDateTime>{};
    return std::optional<QDateTime>{fromStoreTime(q.value(0).toLongLong())};
}

Result<bool> FiredAlertStore::acknowledge(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT fired_utc FROM fired_alerts WHERE id = ?"));
    if (auto s = execBound(q, {id}); !s)
        return s.error();
    if (!q.next())
        return false;
    m_analyst.acknowledge(id, q.value(0).toLongLong());
    return true;
}

Result<qint64> FiredAlertStore::unacknowledgedCount() const
{
    const AnalystState::Acknowledged acked = m_analyst.acknowledged();
    if (acked.isEmpty())
        return queryScalar(m_db, QStringLiteral("SELECT count(*) FROM fired_alerts WHERE acknowledged = 0"));
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT id, fired_utc FROM fired_alerts WHERE acknowledged = 0")))
        return fail(describeSqlError(QStringLiteral("Fired alert count failed"), q));
    qint64 count = 0;
    while (q.next()) {
        if (!acked.contains(q.value(0).toLongLong(), q.value(1).toLongLong()))
            ++count;
    }
    return count;
}

} // namespace tw
