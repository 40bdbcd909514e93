#include "models/alerts/alertrulestore.h"

#include "models/core/storetime.h"
#include "models/store/searchquerytranslator.h"
#include "models/store/sqlexec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>

namespace tw {

namespace {
constexpr const char *kColumns =
    "id, name, kind, ticker, horizon, threshold, query, event_kinds, sources, cooldown_s, enabled, muted, created_utc";

QString toJsonList(const QStringList &values)
{
    if (values.isEmpty())
        return QString();
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

QStringList fromJsonList(const QString &text)
{
    QStringList values;
    for (const auto &v : QJsonDocument::fromJson(text.toUtf8()).array())
        values << v.toString();
    return values;
}

QVariant nullableDouble(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Double));
}

QStringList splitList(const QString &text)
{
    QStringList parts;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            parts << part.trimmed();
    }
    return parts;
}

AlertRule readRule(const QSqlQuery &q)
{
    AlertRule r;
    r.id = q.value(0).toLongLong();
    r.name = q.value(1).toString();
    r.kind = kindFromName(q.value(2).toString()).value_or(AlertKind::ArticleMatch);
    r.ticker = q.value(3).toString();
    r.horizon = q.value(4).toString();
    if (!q.value(5).isNull())
        r.threshold = q.value(5).toDouble();
    r.query = q.value(6).toString();
    r.eventKinds = fromJsonList(q.value(7).toString());
    r.sources = fromJsonList(q.value(8).toString());
    r.cooldownSeconds = q.value(9).toLongLong();
    r.enabled = q.value(10).toInt() != 0;
    r.muted = q.value(11).toInt() != 0;
    r.created = fromStoreTime(q.value(12).toLongLong());
    return r;
}
} // namespace

AlertRuleStore::AlertRuleStore(QSqlDatabase db) : AlertRuleStore(db, AnalystState::forStore(db)) {}

AlertRuleStore::AlertRuleStore(QSqlDatabase db, AnalystState analyst)
    : m_db(std::move(db)), m_analyst(std::move(analyst))
{
}

QStringList AlertRuleStore::horizons()
{
    return {QStringLiteral("short"), QStringLiteral("medium"), QStringLiteral("long")};
}

QStringList AlertRuleStore::eventKinds()
{
    return {QStringLiteral("launch"), QStringLiteral("guidance"), QStringLiteral("deal"), QStringLiteral("price-move"),
            QStringLiteral("leadership"), QStringLiteral("legal"), QStringLiteral("ranking"), QStringLiteral("actual")};
}

Status AlertRuleStore::checkTicker(const QString &symbol) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM tickers WHERE symbol = ?"));
    if (auto s = execBound(q, {symbol}); !s)
        return s;
    if (q.next() && q.value(0).toLongLong() > 0)
        return {};
    QStringList known;
    QSqlQuery all(m_db);
    if (all.exec(QStringLiteral("SELECT symbol FROM tickers ORDER BY position, symbol"))) {
        while (all.next())
            known << all.value(0).toString();
    }
    return fail(QStringLiteral("unknown ticker '%1' (the workspace has: %2)")
                    .arg(symbol, known.isEmpty() ? QStringLiteral("no tickers") : known.join(QStringLiteral(", "))));
}

// Horizons and event kinds the scoring and event stages actually wrote count
// as known too, so a stage that adds one does not need this list changed.
QStringList AlertRuleStore::storedValues(const QString &table, const QString &column) const
{
    QStringList values;
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT DISTINCT %1 FROM %2").arg(column, table))) {
        while (q.next())
            values << q.value(0).toString();
    }
    return values;
}

Status AlertRuleStore::checkQuery(const QString &query) const
{
    // Asking the index itself is the only faithful check of FTS5 syntax.
    QSqlQuery q(m_db);
    if (m_db.driverName() == QLatin1String("QPSQL")) {
        // The evaluator translates the same way (SearchQueryTranslator).
        auto tsquery = SearchQueryTranslator::toTsQuery(query);
        if (!tsquery)
            return fail(QStringLiteral("malformed search query '%1': %2").arg(query, tsquery.errorMessage()));
        q.prepare(QStringLiteral("SELECT to_tsquery('english', ?)"));
        q.addBindValue(*tsquery);
    } else {
        q.prepare(QStringLiteral("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1"));
        q.addBindValue(query);
    }
    if (!q.exec())
        return fail(QStringLiteral("malformed search query '%1': %2").arg(query, q.lastError().databaseText()));
    return {};
}

Result<AlertRule> AlertRuleStore::validate(const AlertRule &input) const
{
    AlertRule rule = input;
    rule.name = rule.name.trimmed();
    rule.query = rule.query.trimmed();
    rule.horizon = rule.horizon.trimmed().toLower();

    QStringList tickers;
    for (const QString &t : splitList(rule.ticker))
        tickers << t.toUpper();
    if (tickers.size() > 1 && rule.kind != AlertKind::ArticleMatch)
        return fail(QStringLiteral("%1 rules take one ticker, not '%2'").arg(kindName(rule.kind), rule.ticker));
    for (const QString &t : tickers) {
        if (auto s = checkTicker(t); !s)
            return s.error();
    }
    rule.ticker = tickers.join(QLatin1Char(','));

    if (rule.threshold && !std::isfinite(*rule.threshold))
        return fail(QStringLiteral("threshold must be a finite number"));
    if (rule.cooldownSeconds < 0)
        return fail(QStringLiteral("cooldown cannot be negative"));

    const bool scoreKind = rule.kind == AlertKind::ScoreThreshold || rule.kind == AlertKind::LabelChange;
    if (scoreKind) {
        if (rule.horizon.isEmpty())
            rule.horizon = QStringLiteral("medium");
        if (!horizons().contains(rule.horizon) && !storedValues(QStringLiteral("corporate_scores"), QStringLiteral("horizon")).contains(rule.horizon))
            return fail(QStringLiteral("unknown horizon '%1' (expected one of: %2)")
                            .arg(rule.horizon, horizons().join(QStringLiteral(", "))));
    } else if (!rule.horizon.isEmpty()) {
        return fail(QStringLiteral("--horizon applies only to score-threshold and label-change rules"));
    }

    switch (rule.kind) {
    case AlertKind::ScoreThreshold:
        if (!rule.threshold)
            return fail(QStringLiteral("score-threshold needs --threshold, a corporate score between 0 and 100"));
        if (*rule.threshold <= 0 || *rule.threshold >= 100)
            return fail(QStringLiteral("bad threshold %1: a corporate score threshold lies between 0 and 100")
                            .arg(*rule.threshold));
        break;
    case AlertKind::PriceMove:
        if (!rule.threshold)
            return fail(QStringLiteral("price-move needs --threshold, a move in percent (5 = 5%)"));
        if (*rule.threshold <= 0 || *rule.threshold > 100)
            return fail(QStringLiteral("bad threshold %1: a price move threshold is a percentage above 0 and at most 100")
                            .arg(*rule.threshold));
        break;
    case AlertKind::NewsVolume:
        if (!rule.threshold)
            rule.threshold = 3.0;
        if (*rule.threshold <= 0 || *rule.threshold > 50)
            return fail(QStringLiteral("bad threshold %1: a news-volume threshold is a z-score above 0 (3 is usual)")
                            .arg(*rule.threshold));
        break;
    case AlertKind::ArticleMatch:
        if (rule.query.isEmpty())
            return fail(QStringLiteral("article-match needs --query (full-text syntax: words, \"phrases\", AND/OR/NOT, prefix*)"));
        if (auto s = checkQuery(rule.query); !s)
            return s.error();
        [[fallthrough]];
    case AlertKind::LabelChange:
    case AlertKind::Guidance:
    case AlertKind::Event:
        if (rule.threshold)
            return fail(QStringLiteral("%1 rules take no --threshold").arg(kindName(rule.kind)));
        break;
    }
    if (rule.kind != AlertKind::ArticleMatch && !rule.sources.isEmpty())
        return fail(QStringLiteral("sources apply only to article-match rules"));
    if (rule.kind == AlertKind::Event) {
        QStringList kinds;
        for (const QString &k : rule.eventKinds) {
            for (const QString &part : splitList(k)) {
                if (!eventKinds().contains(part.toLower())
                    && !storedValues(QStringLiteral("events"), QStringLiteral("kind")).contains(part.toLower()))
                    return fail(QStringLiteral("unknown event kind '%1' (expected: %2)")
                                    .arg(part, eventKinds().join(QStringLiteral(", "))));
                kinds << part.toLower();
            }
        }
        rule.eventKinds = kinds;
    } else if (!rule.eventKinds.isEmpty()) {
        return fail(QStringLiteral("event kinds apply only to event rules"));
    }
    if (rule.kind != AlertKind::ArticleMatch && rule.kind != AlertKind::Guidance && !rule.query.isEmpty())
        return fail(QStringLiteral("--query applies only to article-match (search) and guidance (metric) rules"));
    if (!isConditionKind(rule.kind))
        rule.cooldownSeconds = 0;
    return rule;
}

Result<AlertRule> AlertRuleStore::add(const AlertRule &input)
{
    auto valid = validate(input);
    if (!valid)
        return valid.error();
    AlertRule rule = *valid;
    if (!rule.created.isValid())
        rule.created = nowUtc();

    auto lastArticle = queryScalar(m_db, QStringLiteral("SELECT coalesce(max(id), 0) FROM articles"));
    if (!lastArticle)
        return lastArticle.error();
    auto lastEvent = queryScalar(m_db, QStringLiteral("SELECT coalesce(max(id), 0) FROM events"));
    if (!lastEvent)
        return lastEvent.error();
    QJsonObject state;
    state.insert(QStringLiteral("after_article_id"), *lastArticle);
    state.insert(QStringLiteral("after_event_id"), *lastEvent);

    // RETURNING, not lastInsertId(): QPSQL has no last insert id for identity columns.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO alert_rules (name, kind, ticker, horizon, threshold, query, event_kinds, "
                             "sources, cooldown_s, enabled, state, created_utc) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
                             "RETURNING id"));
    if (auto s = execBound(q, {rule.name, kindName(rule.kind), rule.ticker, rule.horizon, nullableDouble(rule.threshold),
                               rule.query, toJsonList(rule.eventKinds), toJsonList(rule.sources), rule.cooldownSeconds,
                               rule.enabled ? 1 : 0,
                               QString::fromUtf8(QJsonDocument(state).toJson(QJsonDocument::Compact)),
                               toStoreTime(rule.created)});
        !s)
        return s.error();
    if (!q.next())
        return fail(QStringLiteral("Stored alert rule '%1' returned no id").arg(rule.name));
    rule.id = q.value(0).toLongLong();
    q.finish();
    // Muted from the start (an imported rule) is this analyst's choice too.
    if (rule.muted)
        m_analyst.setMuted(rule.id, toStoreTime(rule.created), true);
    return rule;
}

Result<AlertRule> AlertRuleStore::existingOrFail(qint64 id) const
{
    auto found = byId(id);
    if (!found)
        return found.error();
    if (!found->has_value())
        return fail(QStringLiteral("no alert rule with id %1").arg(id));
    return **found;
}

Status AlertRuleStore::update(const AlertRule &input)
{
    auto existing = existingOrFail(input.id);
    if (!existing)
        return existing.error();
    auto valid = validate(input);
    if (!valid)
        return valid.error();
    const AlertRule &r = *valid;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE alert_rules SET name = ?, kind = ?, ticker = ?, horizon = ?, threshold = ?, "
                             "query = ?, event_kinds = ?, sources = ?, cooldown_s = ?, enabled = ? "
                             "WHERE id = ?"));
    if (auto s = execBound(q, {r.name, kindName(r.kind), r.ticker, r.horizon, nullableDouble(r.threshold), r.query,
                               toJsonList(r.eventKinds), toJsonList(r.sources), r.cooldownSeconds, r.enabled ? 1 : 0,
                               r.id});
        !s)
        return s;
    if (r.muted != existing->muted)
        m_analyst.setMuted(r.id, toStoreTime(existing->created), r.muted);
    return {};
}

Status AlertRuleStore::remove(qint64 id)
{
    auto existing = existingOrFail(id);
    if (!existing)
        return existing.error();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM alert_rules WHERE id = ?"));
    if (auto s = execBound(q, {id}); !s)
        return s;
    m_analyst.forgetRule(id, toStoreTime(existing->created));
    return {};
}

Status AlertRuleStore::setEnabled(qint64 id, bool enabled)
{
    if (auto existing = existingOrFail(id); !existing)
        return existing.error();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE alert_rules SET enabled = ? WHERE id = ?"));
    return execBound(q, {enabled ? 1 : 0, id});
}

Status AlertRuleStore::setMuted(qint64 id, bool muted)
{
    auto existing = existingOrFail(id);
    if (!existing)
        return existing.error();
    m_analyst.setMuted(id, toStoreTime(existing->created), muted);
    return {};
}

Result<QList<AlertRule>> AlertRuleStore::select(const QString &where, const QVariant &value) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM alert_rules %2 ORDER BY id").arg(QLatin1String(kColumns), where));
    if (value.isValid())
        q.addBindValue(value);
    if (!q.exec())
        return fail(describeSqlError(QStringLiteral("Alert rule list failed"), q));
    QList<AlertRule> rules;
    while (q.next()) {
        AlertRule rule = readRule(q);
        // The column is the shared state older builds wrote; the analyst's own choice wins.
        rule.muted = m_analyst.muted(rule.id, q.value(12).toLongLong()).value_or(rule.muted);
        rules << rule;
    }
    return rules;
}

Result<std::optional<AlertRule>> AlertRuleStore::byId(qint64 id) const
{
    auto found = select(QStringLiteral("WHERE id = ?"), id);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<AlertRule>{};
    return std::optional<AlertRule>{found->first()};
}

Result<std::optional<AlertRule>> AlertRuleStore::byName(const QString &name) const
{
    auto found = select(QStringLiteral("WHERE name = ?"), name);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<AlertRule>{};
    return std::optional<AlertRule>{found->first()};
}

Result<QList<AlertRule>> AlertRuleStore::all() const
{
    return select(QString(), QVariant());
}

Result<QList<AlertRule>> AlertRuleStore::enabledRules() const
{
    return select(QStringLiteral("WHERE enabled = ?"), 1);
}

Result<QJsonObject> AlertRuleStore::state(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT state FROM alert_rules WHERE id = ?"));
    if (auto s = execBound(q, {id}); !s)
        return s.error();
    if (!q.next())
        return fail(QStringLiteral("no alert rule with id %1").arg(id));
    return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
}

Status AlertRuleStore::setState(qint64 id, const QJsonObject &state)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE alert_rules SET state = ? WHERE id = ?"));
    return execBound(q, {QString::fromUtf8(QJsonDocument(state).toJson(QJsonDocument::Compact)), id});
}

Status AlertRuleStore::setLastFired(qint64 id, qint64 firedUtc)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE alert_rules SET last_fired_utc = ? WHERE id = ?"));
    return execBound(q, {firedUtc, id});
}

} // namespace tw
