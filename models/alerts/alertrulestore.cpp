#include "models/alerts/alertrulestore.h"

#include "models/core/storetime.h"
#include "models/events/eventtypes.h"
#include "models/scoring/corporatescorer.h"
#include "models/store/articlesearch.h"
#include "models/store/sqlexec.h"
#include "models/store/sqlvalues.h"

#include <QJsonArray>
#include <QJsonDocument>
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
    AlertRuleStore::readDefinition(q, 1, r);
    r.eventKinds = fromJsonList(q.value(7).toString());
    r.sources = fromJsonList(q.value(8).toString());
    r.cooldownSeconds = q.value(9).toLongLong();
    r.enabled = q.value(10).toInt() != 0;
    r.muted = q.value(11).toInt() != 0;
    r.created = fromStoreTime(q.value(12).toLongLong());
    return r;
}
} // namespace

void AlertRuleStore::readDefinition(const QSqlQuery &row, int first, AlertRule &rule)
{
    rule.name = row.value(first).toString();
    rule.kind = kindFromName(row.value(first + 1).toString()).value_or(AlertKind::ArticleMatch);
    rule.ticker = row.value(first + 2).toString();
    rule.horizon = row.value(first + 3).toString();
    rule.threshold = nullableDoubleAt(row, first + 4);
    rule.query = row.value(first + 5).toString();
}

AlertRuleStore::AlertRuleStore(QSqlDatabase db) : AlertRuleStore(db, AnalystState::forStore(db)) {}

AlertRuleStore::AlertRuleStore(QSqlDatabase db, AnalystState analyst)
    : m_db(std::move(db)), m_analyst(std::move(analyst))
{
}

QStringList AlertRuleStore::horizons()
{
    QStringList names;
    for (ScoreHorizon h : allHorizons())
        names << horizonName(h);
    return names;
}

std::optional<RuleProblem> AlertRuleStore::checkTicker(const AlertRule &rule, const QString &symbol) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM tickers WHERE symbol = ?"));
    if (auto s = execBound(q, {symbol}); !s)
        return RuleProblem{rule.kind, RuleField::Ticker, RuleProblem::Reason::StoreFailed, symbol, {}, s.errorMessage()};
    if (q.next() && q.value(0).toLongLong() > 0)
        return std::nullopt;
    QStringList known;
    QSqlQuery all(m_db);
    if (all.exec(QStringLiteral("SELECT symbol FROM tickers ORDER BY position, symbol"))) {
        while (all.next())
            known << all.value(0).toString();
    }
    return RuleProblem{rule.kind, RuleField::Ticker, RuleProblem::Reason::Unknown, symbol, known, {}};
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

RuleCheck AlertRuleStore::validate(const AlertRule &input) const
{
    using Reason = RuleProblem::Reason;
    AlertRule rule = input;
    rule.name = rule.name.trimmed();
    rule.query = rule.query.trimmed();
    rule.horizon = rule.horizon.trimmed().toLower();
    const AlertKindInfo info = describeAlertKind(rule.kind);
    auto problem = [&rule](RuleField field, Reason reason, const QString &value, QStringList known = {},
                           QString detail = {}) {
        return RuleProblem{rule.kind, field, reason, value, std::move(known), std::move(detail)};
    };
    const QString thresholdText = rule.threshold ? QString::number(*rule.threshold) : QString();

    // A setting the kind does not take is refused rather than ignored: the
    // analyst meant something by it.
    const std::pair<RuleField, QString> given[] = {
        {RuleField::Horizon, rule.horizon},
        {RuleField::Threshold, thresholdText},
        {RuleField::Query, rule.query},
        {RuleField::EventKinds, rule.eventKinds.join(QLatin1Char(','))},
        {RuleField::Sources, rule.sources.join(QLatin1Char(','))},
    };
    for (const auto &[field, value] : given) {
        if (!value.isEmpty() && !info.takes.has(field))
            return problem(field, Reason::NotTaken, value);
    }

    QStringList tickers;
    for (const QString &t : splitList(rule.ticker))
        tickers << t.toUpper();
    if (tickers.size() > 1 && !info.severalTickers)
        return problem(RuleField::Ticker, Reason::OneOnly, rule.ticker);
    for (const QString &t : tickers) {
        if (auto wrong = checkTicker(rule, t))
            return *wrong;
    }
    rule.ticker = tickers.join(QLatin1Char(','));

    if (rule.threshold && !std::isfinite(*rule.threshold))
        return problem(RuleField::Threshold, Reason::NotFinite, thresholdText);
    if (rule.cooldownSeconds < 0)
        return problem(RuleField::Cooldown, Reason::Negative, QString::number(rule.cooldownSeconds));

    if (info.takes.has(RuleField::Horizon)) {
        if (rule.horizon.isEmpty())
            rule.horizon = horizonName(ScoreHorizon::Medium);
        if (!horizons().contains(rule.horizon)
            && !storedValues(QStringLiteral("corporate_scores"), QStringLiteral("horizon")).contains(rule.horizon))
            return problem(RuleField::Horizon, Reason::Unknown, rule.horizon, horizons());
    }
    if (info.takes.has(RuleField::Threshold)) {
        const ThresholdRange &range = info.threshold;
        if (!rule.threshold && range.byDefault > 0)
            rule.threshold = range.byDefault;
        if (!rule.threshold)
            return problem(RuleField::Threshold, Reason::Required, QString());
        const double t = *rule.threshold;
        if (t <= range.low || t > range.high || (t == range.high && !range.highInclusive))
            return problem(RuleField::Threshold, Reason::OutOfRange, QString::number(t));
    }
    if (info.needs.has(RuleField::Query) && rule.query.isEmpty())
        return problem(RuleField::Query, Reason::Required, QString());
    if (rule.kind == AlertKind::ArticleMatch) {
        if (auto accepted = ArticleSearch::validate(m_db, rule.query); !accepted)
            return problem(RuleField::Query, Reason::Malformed, rule.query, {}, accepted.errorMessage());
    }
    if (info.takes.has(RuleField::EventKinds)) {
        QStringList kinds;
        for (const QString &k : rule.eventKinds) {
            for (const QString &part : splitList(k)) {
                const QString kind = part.toLower();
                if (!eventKindFromId(kind)
                    && !storedValues(QStringLiteral("events"), QStringLiteral("kind")).contains(kind))
                    return problem(RuleField::EventKinds, Reason::Unknown, part, allEventKindIds());
                kinds << kind;
            }
        }
        rule.eventKinds = kinds;
    }
    if (!info.condition)
        rule.cooldownSeconds = 0;
    return rule;
}

Result<AlertRule> AlertRuleStore::add(const AlertRule &input)
{
    auto valid = validate(input);
    if (!valid)
        return fail(valid.problem().message());
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
        return fail(valid.problem().message());
    const AlertRule &r = *valid;
    if (auto s = execBound(m_db,
                           QStringLiteral("UPDATE alert_rules SET name = ?, kind = ?, ticker = ?, horizon = ?, "
                                          "threshold = ?, query = ?, event_kinds = ?, sources = ?, cooldown_s = ?, "
                                          "enabled = ? WHERE id = ?"),
                           {r.name, kindName(r.kind), r.ticker, r.horizon, nullableDouble(r.threshold), r.query,
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
    if (auto s = execBound(m_db, QStringLiteral("DELETE FROM alert_rules WHERE id = ?"), {id}); !s)
        return s;
    m_analyst.forgetRule(id, toStoreTime(existing->created));
    return {};
}

Status AlertRuleStore::setEnabled(qint64 id, bool enabled)
{
    if (auto existing = existingOrFail(id); !existing)
        return existing.error();
    return execBound(m_db, QStringLiteral("UPDATE alert_rules SET enabled = ? WHERE id = ?"), {enabled ? 1 : 0, id});
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
    return readRows(q, [this](const QSqlQuery &row) {
        AlertRule rule = readRule(row);
        // The column is the shared state older builds wrote; the analyst's own choice wins.
        rule.muted = m_analyst.muted(rule.id, row.value(12).toLongLong()).value_or(rule.muted);
        return rule;
    });
}

Result<std::optional<AlertRule>> AlertRuleStore::byId(qint64 id) const
{
    return firstMatch(select(QStringLiteral("WHERE id = ?"), id));
}

Result<std::optional<AlertRule>> AlertRuleStore::byName(const QString &name) const
{
    return firstMatch(select(QStringLiteral("WHERE name = ?"), name));
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
    return execBound(m_db, QStringLiteral("UPDATE alert_rules SET state = ? WHERE id = ?"),
                     {QString::fromUtf8(QJsonDocument(state).toJson(QJsonDocument::Compact)), id});
}

Status AlertRuleStore::setLastFired(qint64 id, qint64 firedUtc)
{
    return execBound(m_db, QStringLiteral("UPDATE alert_rules SET last_fired_utc = ? WHERE id = ?"), {firedUtc, id});
}

} // namespace tw
