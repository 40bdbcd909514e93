#include "models/alerts/alertrule.h"

#include <QJsonArray>


namespace tw {

namespace {
QString number(double value)
{
    return QString::number(value, 'g', 6);
}
} // namespace

QString ruleFieldKey(RuleField field)
{
    switch (field) {
    case RuleField::Ticker: return QStringLiteral("ticker");
    case RuleField::Horizon: return QStringLiteral("horizon");
    case RuleField::Threshold: return QStringLiteral("threshold");
    case RuleField::Query: return QStringLiteral("query");
    case RuleField::EventKinds: return QStringLiteral("event_kinds");
    case RuleField::Sources: return QStringLiteral("sources");
    case RuleField::Cooldown: return QStringLiteral("cooldown_s");
    }
    return QString();
}

QString RuleProblem::message(QString (*fieldName)(RuleField)) const
{
    const AlertKindInfo info = describeAlertKind(kind);
    const QString kindText = kindName(kind);
    const QString f = fieldName(field);
    switch (reason) {
    case Reason::Required:
        return QStringLiteral("%1 needs %2, %3")
            .arg(kindText, f,
                 QLatin1String(field == RuleField::Threshold ? info.thresholdMeaning : info.queryMeaning));
    case Reason::NotTaken: {
        QStringList takers;
        for (AlertKind k : AlertKinds::all()) {
            if (describeAlertKind(k).takes.has(field))
                takers << kindName(k);
        }
        return QStringLiteral("%1 applies only to %2 rules, not to %3")
            .arg(f, takers.join(QStringLiteral(", ")), kindText);
    }
    case Reason::OutOfRange:
        return QStringLiteral("bad threshold %1: for %2 rules, %3")
            .arg(value, kindText, QLatin1String(info.thresholdMeaning));
    case Reason::NotFinite:
        return QStringLiteral("%1 must be a finite number").arg(f);
    case Reason::Negative:
        return QStringLiteral("%1 cannot be negative").arg(f);
    case Reason::Unknown: {
        const QString what = field == RuleField::EventKinds ? QStringLiteral("event kind") : ruleFieldKey(field);
        return QStringLiteral("unknown %1 '%2' (known: %3)")
            .arg(what, value, known.isEmpty() ? QStringLiteral("none") : known.join(QStringLiteral(", ")));
    }
    case Reason::Malformed:
        return QStringLiteral("malformed search query '%1': %2").arg(value, detail);
    case Reason::OneOnly:
        return QStringLiteral("%1 rules take one ticker, not '%2'").arg(kindText, value);
    case Reason::StoreFailed:
        return detail;
    }
    return detail;
}

QString AlertRule::describe() const
{
    if (!name.isEmpty())
        return name;
    const QString who = ticker.isEmpty() ? QStringLiteral("any ticker") : ticker;
    const double t = threshold.value_or(0);
    switch (kind) {
    case AlertKind::ScoreThreshold:
        return QStringLiteral("%1 %2-term score crosses %3").arg(who, horizon, number(t));
    case AlertKind::LabelChange:
        return QStringLiteral("%1 %2-term label change").arg(who, horizon);
    case AlertKind::PriceMove:
        return QStringLiteral("%1 price move >= %2%").arg(who, number(t));
    case AlertKind::ArticleMatch:
        return ticker.isEmpty() ? QStringLiteral("articles matching %1").arg(query)
                                : QStringLiteral("%1 articles matching %2").arg(ticker, query);
    case AlertKind::NewsVolume:
        return QStringLiteral("%1 news volume z >= %2").arg(who, number(t));
    case AlertKind::Guidance:
        return query.isEmpty() ? QStringLiteral("%1 new guidance").arg(who)
                               : QStringLiteral("%1 new %2 guidance").arg(who, query);
    case AlertKind::Event:
        return eventKinds.isEmpty() ? QStringLiteral("%1 new event").arg(who)
                                    : QStringLiteral("%1 new event (%2)").arg(who, eventKinds.join(QLatin1Char(',')));
    }
    return kindName(kind);
}

QJsonObject AlertRule::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("kind"), kindName(kind));
    if (!name.isEmpty())
        o.insert(QStringLiteral("name"), name);
    if (!ticker.isEmpty())
        o.insert(QStringLiteral("ticker"), ticker);
    if (!horizon.isEmpty())
        o.insert(QStringLiteral("horizon"), horizon);
    if (threshold)
        o.insert(QStringLiteral("threshold"), *threshold);
    if (!query.isEmpty())
        o.insert(QStringLiteral("query"), query);
    if (!eventKinds.isEmpty())
        o.insert(QStringLiteral("event_kinds"), QJsonArray::fromStringList(eventKinds));
    if (!sources.isEmpty())
        o.insert(QStringLiteral("sources"), QJsonArray::fromStringList(sources));
    o.insert(QStringLiteral("cooldown_s"), cooldownSeconds);
    o.insert(QStringLiteral("enabled"), enabled);
    o.insert(QStringLiteral("muted"), muted);
    return o;
}

Result<AlertRule> AlertRule::fromJson(const QJsonObject &o)
{
    AlertRule rule;
    const QString kind = o.value(QStringLiteral("kind")).toString();
    const auto parsed = kindFromName(kind);
    if (!parsed)
        return fail(QStringLiteral("unknown rule kind '%1' (expected one of: %2)")
                        .arg(kind, allKindNames().join(QStringLiteral(", "))));
    rule.kind = *parsed;
    rule.name = o.value(QStringLiteral("name")).toString();
    rule.ticker = o.value(QStringLiteral("ticker")).toString();
    rule.horizon = o.value(QStringLiteral("horizon")).toString();
    const QJsonValue threshold = o.value(QStringLiteral("threshold"));
    if (threshold.isDouble())
        rule.threshold = threshold.toDouble();
    else if (!threshold.isUndefined() && !threshold.isNull())
        return fail(QStringLiteral("threshold must be a number"));
    rule.query = o.value(QStringLiteral("query")).toString();
    for (const auto &v : o.value(QStringLiteral("event_kinds")).toArray())
        rule.eventKinds << v.toString();
    for (const auto &v : o.value(QStringLiteral("sources")).toArray())
        rule.sources << v.toString();
    rule.cooldownSeconds = o.value(QStringLiteral("cooldown_s")).toInteger(3600);
    rule.enabled = o.value(QStringLiteral("enabled")).toBool(true);
    rule.muted = o.value(QStringLiteral("muted")).toBool(false);
    return rule;
}

std::optional<qint64> parseDurationSeconds(const QString &text)
{
    QString t = text.trimmed().toLower();
    if (t.isEmpty())
        return std::nullopt;
    qint64 unit = 1;
    const QChar last = t.back();
    if (!last.isDigit()) {
        switch (last.toLatin1()) {
        case 's': unit = 1; break;
        case 'm': unit = 60; break;
        case 'h': unit = 3600; break;
        case 'd': unit = 86400; break;
        default: return std::nullopt;
        }
        t.chop(1);
    }
    bool ok = false;
    const qint64 value = t.toLongLong(&ok);
    if (!ok || value < 0)
        return std::nullopt;
    return value * unit;
}

QString formatDuration(qint64 seconds)
{
    if (seconds > 0 && seconds % 86400 == 0)
        return QStringLiteral("%1d").arg(seconds / 86400);
    if (seconds > 0 && seconds % 3600 == 0)
        return QStringLiteral("%1h").arg(seconds / 3600);
    if (seconds > 0 && seconds % 60 == 0)
        return QStringLiteral("%1m").arg(seconds / 60);
    return QStringLiteral("%1s").arg(seconds);
}

} // namespace tw
