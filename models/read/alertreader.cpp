#include "models/read/alertreader.h"

#include "models/alerts/analyststate.h"
#include "models/store/sqlexec.h"
#include "models/store/sqlvalues.h"

#include <QSqlQuery>
#include <QVariant>

namespace tw {

AlertReader::AlertReader(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<QList<FiredAlertRow>> AlertReader::fired(int limit) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT f.id, f.fired_utc, coalesce(nullif(r.name, ''), r.kind), f.ticker, f.message, f.acknowledged, "
        "f.cause_key, "
        "(SELECT a.id FROM fired_alert_articles c JOIN articles a ON a.id = c.article_id WHERE c.alert_id = f.id "
        " ORDER BY a.published_utc DESC, a.id DESC LIMIT 1) "
        "FROM fired_alerts f JOIN alert_rules r ON r.id = f.rule_id ORDER BY f.fired_utc DESC, f.id DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return fail(describeSqlError(QStringLiteral("Fired alerts read failed"), q));
    // Acknowledging is each analyst's own (AnalystState); the column is older builds' shared state.
    const AnalystState::Acknowledged acked = AnalystState::forStore(m_db).acknowledged();
    QList<FiredAlertRow> out = readRows(q, [&acked](const QSqlQuery &row) {
        FiredAlertRow r;
        r.id = row.value(0).toLongLong();
        r.firedUtc = row.value(1).toLongLong();
        r.ruleName = row.value(2).toString();
        r.ticker = row.value(3).toString();
        r.message = row.value(4).toString();
        r.acknowledged = row.value(5).toInt() != 0 || acked.contains(r.id, r.firedUtc);
        r.causeKey = row.value(6).toString();
        r.causeArticleId = row.value(7).toLongLong();
        return r;
    });
    q.finish();
    // The news time: the cause article's publication, read by its key.
    QSqlQuery published(m_db);
    published.prepare(QStringLiteral("SELECT published_utc FROM articles WHERE id = ?"));
    for (FiredAlertRow &row : out) {
        if (row.causeArticleId == 0)
            continue;
        published.addBindValue(row.causeArticleId);
        if (published.exec() && published.next())
            row.newsUtc = published.value(0).toLongLong();
    }
    return out;
}

Result<QList<AlertRuleRow>> AlertReader::rules() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT id, name, kind, ticker, threshold, query, enabled, muted, "
                               "coalesce(last_fired_utc, 0), created_utc FROM alert_rules ORDER BY id")))
        return fail(describeSqlError(QStringLiteral("Alert rules read failed"), q));
    const AnalystState analyst = AnalystState::forStore(m_db);
    return readRows(q, [&analyst](const QSqlQuery &row) {
        AlertRuleRow r;
        r.id = row.value(0).toLongLong();
        r.name = row.value(1).toString();
        r.kind = row.value(2).toString();
        r.ticker = row.value(3).toString();
        r.threshold = nullableDoubleAt(row, 4);
        r.query = row.value(5).toString();
        r.enabled = row.value(6).toInt() != 0;
        r.muted = analyst.muted(r.id, row.value(9).toLongLong()).value_or(row.value(7).toInt() != 0);
        r.lastFiredUtc = row.value(8).toLongLong();
        return r;
    });
}

} // namespace tw
