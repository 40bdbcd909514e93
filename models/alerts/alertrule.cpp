#include "models/alerts/alertrule.h"

#include <QJsonArray>

#include <array>
#include <utility>

namespace tw {

namespace {
const std::array<std::pair<AlertKind, const char *>, 7> kKindNames{{
    {AlertKind::ScoreThreshold, "score-threshold"},
    {AlertKind::LabelChange, "label-change"},
    {AlertKind::PriceMove, "price-move"},
    {AlertKind::ArticleMatch, "article-match"},
    {AlertKind::NewsVolume, "news-volume"},
    {AlertKind::Guidance, "guidance"},
    {AlertKind::Event, "event"},
}};

QString number(double value)
{
    return QString::number(value, 'g', 6);
}
} // namespace

QString kindName(AlertKind kind)
{
    for (const auto &[k, name] : kKindNames) {
        if (k == kind)
            return QString::fromLatin1(name);
    }
    return QString();
}

std::optional<AlertKind> kindFromName(const QString &name)
{
    for (const auto &[k, n] : kKindNames) {
        if (name.trimmed().compare(QLatin1String(n), Qt::CaseInsensitive) == 0)
            return k;
    }
    return std::nullopt;
}

QStringList allKindNames()
{
    QStringList names;
    for (const auto &entry : kKindNames)
        names << QString::fromLatin1(entry.second);
    return names;
}

bool isConditionKind(AlertKind kind)
{
    return kind == AlertKind::ScoreThreshold || kind == AlertKind::LabelChange || kind == AlertKind::PriceMove
        || kind == AlertKind::NewsVolume;
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
