#include "models/alerts/alertevaluator.h"
#include "models/alerts/alertrulestore.h"
#include "models/alerts/analyststate.h"
#include "models/events/eventtypes.h"
#include "models/alerts/firedalertstore.h"
#include "app/cli/alertreport.h"
#include "app/cli/command.h"
#include "app/cli/storesession.h"
#include "models/core/storetime.h"
#include "models/store/sqlexec.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace tw {

namespace {
QString kindHelp()
{
    QStringList kinds;
    for (AlertKind kind : AlertKinds::all())
        kinds << QStringLiteral("%1 (%2)").arg(kindName(kind), QLatin1String(describeAlertKind(kind).label));
    return QStringLiteral("add, edit: rule kind: %1.").arg(kinds.join(QStringLiteral("; ")));
}

const QCommandLineOption kKind(QStringList{QStringLiteral("kind")}, kindHelp(), QStringLiteral("KIND"));
const QCommandLineOption kTicker(QStringList{QStringLiteral("ticker")},
                                 QStringLiteral("add, edit: the ticker (article-match: a comma-separated list)."),
                                 QStringLiteral("T"));
const QCommandLineOption kThreshold(QStringList{QStringLiteral("threshold")},
                                    QStringLiteral("add, edit: score 0-100, move in percent, or news-volume z-score."),
                                    QStringLiteral("X"));
const QCommandLineOption kHorizon(QStringList{QStringLiteral("horizon")},
                                  QStringLiteral("add, edit: score horizon: short, medium (default) or long."),
                                  QStringLiteral("H"));
const QCommandLineOption kQuery(QStringList{QStringLiteral("query")},
                                QStringLiteral("add, edit: article-match full-text query; guidance: the metric (capex)."),
                                QStringLiteral("Q"));
const QCommandLineOption kCooldown(QStringList{QStringLiteral("cooldown")},
                                   QStringLiteral("add, edit: quiet time after a firing (90s, 15m, 1h, 1d; default 1h)."),
                                   QStringLiteral("DURATION"));
const QCommandLineOption kName(QStringList{QStringLiteral("name")}, QStringLiteral("add, edit: a name for the rule."),
                               QStringLiteral("TEXT"));
const QCommandLineOption kEventKinds(QStringList{QStringLiteral("event-kinds")},
                                     QStringLiteral("add, edit: event kinds, comma-separated (%1).")
                                         .arg(allEventKindIds().join(QStringLiteral(", "))),
                                     QStringLiteral("LIST"));

// A rule's settings as this command names them (its options).
QString optionName(RuleField field)
{
    switch (field) {
    case RuleField::Ticker: return QStringLiteral("--ticker");
    case RuleField::Horizon: return QStringLiteral("--horizon");
    case RuleField::Threshold: return QStringLiteral("--threshold");
    case RuleField::Query: return QStringLiteral("--query");
    case RuleField::EventKinds: return QStringLiteral("--event-kinds");
    case RuleField::Sources: return QStringLiteral("--sources");
    case RuleField::Cooldown: return QStringLiteral("--cooldown");
    }
    return QString();
}
const QCommandLineOption kSources(QStringList{QStringLiteral("sources")},
                                  QStringLiteral("add, edit: article-match publishers, comma-separated."),
                                  QStringLiteral("LIST"));
const QCommandLineOption kSince(QStringList{QStringLiteral("since")},
                                QStringLiteral("fired: only firings at or after DATE (YYYY-MM-DD or ISO time)."),
                                QStringLiteral("DATE"));

QStringList splitList(const QString &text)
{
    QStringList parts;
    for (const QString &p : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        parts << p.trimmed();
    return parts;
}

class AlertsCommand final : public Command {
public:
    AlertsCommand()
        : Command({.name = QStringLiteral("alerts"),
                   .summary = QStringLiteral("Add, list, export and import alert rules; list and acknowledge firings."),
                   .positionalSyntax = QStringLiteral("add|edit ID|list|fired|ack ID|enable ID|disable ID|mute ID|"
                                                      "unmute ID|remove ID|check|export FILE.json|import FILE.json|"
                                                      "dnd on|off"),
                   .options = {kKind, kTicker, kThreshold, kHorizon, kQuery, kCooldown, kName, kEventKinds, kSources,
                               kSince}})
    {
    }

    int run(CommandContext &ctx) override
    {
        if (ctx.arguments.isEmpty())
            return reportUsageError(ctx,
                                    QStringLiteral("name a subcommand (add, list, fired, ack, export, import, ...)"));
        const QString sub = ctx.arguments.first();
        const QStringList args = ctx.arguments.mid(1);
        static const QStringList noArgs{QStringLiteral("add"), QStringLiteral("list"), QStringLiteral("fired"),
                                        QStringLiteral("check")};
        static const QStringList idArgs{QStringLiteral("ack"), QStringLiteral("edit"), QStringLiteral("enable"), QStringLiteral("disable"),
                                        QStringLiteral("mute"), QStringLiteral("unmute"), QStringLiteral("remove")};
        static const QStringList fileArgs{QStringLiteral("export"), QStringLiteral("import")};
        if (sub == QLatin1String("dnd") && (args.size() != 1 || (args.first() != QLatin1String("on")
                                                                  && args.first() != QLatin1String("off")))) {
            ctx.err << "tickerwire alerts dnd: say on or off\n";
            return kExitUsage;
        }
        qint64 id = 0;
        if (noArgs.contains(sub)) {
            if (!args.isEmpty()) {
                ctx.err << "tickerwire alerts " << sub << ": unexpected argument '" << args.first() << "'\n";
                return kExitUsage;
            }
        } else if (idArgs.contains(sub)) {
            bool ok = false;
            id = args.size() == 1 ? args.first().toLongLong(&ok) : 0;
            if (!ok || id <= 0) {
                ctx.err << "tickerwire alerts " << sub << ": name one rule or firing id (a number)\n";
                return kExitUsage;
            }
        } else if (fileArgs.contains(sub)) {
            if (args.size() != 1) {
                ctx.err << "tickerwire alerts " << sub << ": name one FILE.json\n";
                return kExitUsage;
            }
        } else if (sub != QLatin1String("dnd")) {
            return reportUsageError(ctx, QStringLiteral("unknown subcommand '%1'").arg(sub));
        }

        // Option mistakes are found before the store is opened.
        AlertRule rule;
        QDateTime since;
        if (sub == QLatin1String("add")) {
            if (auto parsed = ruleFromOptions(ctx.parser); !parsed) {
                ctx.err << "tickerwire alerts add: " << parsed.errorMessage() << '\n';
                return kExitUsage;
            } else {
                rule = *parsed;
            }
        }
        if (ctx.parser.isSet(kSince)) {
            since = parseSince(ctx.parser.value(kSince));
            if (!since.isValid())
                return reportUsageError(ctx,
                    QStringLiteral("--since '%1' is not a date (YYYY-MM-DD or 2026-04-08T20:00:00Z)")
                        .arg(ctx.parser.value(kSince)));
        }

        auto store = openStoreOrReport(ctx,
            sub == QLatin1String("list") || sub == QLatin1String("fired") || sub == QLatin1String("export")
                ? StoreAccess::ReadOnly
                : StoreAccess::Write);
        if (!store)
            return kExitFailure;
        QSqlDatabase db = store->database();
        if (sub == QLatin1String("dnd")) {
            // The analyst's own switch for this store, as the window's.
            AnalystState::forStore(db).setDoNotDisturb(args.first() == QLatin1String("on"));
            ctx.out << "do not disturb: " << args.first() << '\n';
            return kExitOk;
        }
        if (sub == QLatin1String("add"))
            return add(ctx, db, rule);
        if (sub == QLatin1String("list"))
            return list(ctx, db);
        if (sub == QLatin1String("fired"))
            return fired(ctx, db, since);
        if (sub == QLatin1String("check"))
            return check(ctx, db);
        if (sub == QLatin1String("ack"))
            return ack(ctx, db, id);
        if (sub == QLatin1String("export"))
            return exportRules(ctx, db, args.first());
        if (sub == QLatin1String("import"))
            return importRules(ctx, db, args.first());
        if (sub == QLatin1String("edit"))
            return edit(ctx, db, id);
        return setFlag(ctx, db, sub, id);
    }

private:
    static Result<AlertRule> ruleFromOptions(const QCommandLineParser &p)
    {
        if (!p.isSet(kKind))
            return fail(QStringLiteral("--kind is required (one of: %1)").arg(allKindNames().join(QStringLiteral(", "))));
        const auto kind = kindFromName(p.value(kKind));
        if (!kind)
            return fail(QStringLiteral("unknown kind '%1' (one of: %2)")
                            .arg(p.value(kKind), allKindNames().join(QStringLiteral(", "))));
        AlertRule rule;
        rule.kind = *kind;
        rule.ticker = p.value(kTicker);
        rule.horizon = p.value(kHorizon);
        rule.query = p.value(kQuery);
        rule.name = p.value(kName);
        rule.eventKinds = splitList(p.value(kEventKinds));
        rule.sources = splitList(p.value(kSources));
        if (p.isSet(kThreshold)) {
            bool ok = false;
            const double t = p.value(kThreshold).toDouble(&ok);
            if (!ok)
                return fail(QStringLiteral("bad threshold '%1': not a number").arg(p.value(kThreshold)));
            rule.threshold = t;
        }
        if (p.isSet(kCooldown)) {
            const auto seconds = parseDurationSeconds(p.value(kCooldown));
            if (!seconds)
                return fail(QStringLiteral("bad cooldown '%1' (examples: 90s, 15m, 1h, 1d)").arg(p.value(kCooldown)));
            rule.cooldownSeconds = *seconds;
        }
        return rule;
    }

    static QDateTime parseSince(const QString &text)
    {
        const QDate day = QDate::fromString(text, Qt::ISODate);
        if (day.isValid())
            return QDateTime(day, QTime(0, 0), Qt::UTC);
        QDateTime t = QDateTime::fromString(text, Qt::ISODate);
        return t.isValid() ? t.toUTC() : QDateTime();
    }

    static QString ruleLine(const AlertRule &r)
    {
        QStringList flags;
        flags << (r.enabled ? QStringLiteral("enabled") : QStringLiteral("disabled"));
        if (r.muted)
            flags << QStringLiteral("muted");
        if (isConditionKind(r.kind))
            flags << QStringLiteral("cooldown %1").arg(formatDuration(r.cooldownSeconds));
        return QStringLiteral("%1\t%2\t%3\t%4").arg(QString::number(r.id), kindName(r.kind), r.describe(),
                                                    flags.join(QStringLiteral(", ")));
    }

    int add(CommandContext &ctx, QSqlDatabase db, const AlertRule &rule)
    {
        AlertRuleStore rules(db);
        auto valid = rules.validate(rule);
        if (!valid) {
            ctx.err << "tickerwire alerts add: " << valid.problem().message(optionName) << '\n';
            return kExitUsage;
        }
        auto added = rules.add(*valid);
        if (!added)
            return reportFailure(ctx, added.errorMessage());
        ctx.out << "added rule " << ruleLine(*added) << '\n';
        return kExitOk;
    }

    // Changes only what the options name; the rule keeps its history and state.
    int edit(CommandContext &ctx, QSqlDatabase db, qint64 id)
    {
        AlertRuleStore rules(db);
        auto found = rules.byId(id);
        if (!found)
            return reportFailure(ctx, found.errorMessage());
        if (!found->has_value()) {
            ctx.err << "tickerwire alerts edit: no alert rule with id " << id << '\n';
            return kExitFailure;
        }
        AlertRule rule = **found;
        const QCommandLineParser &p = ctx.parser;
        if (p.isSet(kKind)) {
            ctx.err << "tickerwire alerts edit: the kind of a rule cannot change; add a new rule\n";
            return kExitUsage;
        }
        if (p.isSet(kTicker))
            rule.ticker = p.value(kTicker);
        if (p.isSet(kHorizon))
            rule.horizon = p.value(kHorizon);
        if (p.isSet(kQuery))
            rule.query = p.value(kQuery);
        if (p.isSet(kName))
            rule.name = p.value(kName);
        if (p.isSet(kEventKinds))
            rule.eventKinds = splitList(p.value(kEventKinds));
        if (p.isSet(kSources))
            rule.sources = splitList(p.value(kSources));
        if (p.isSet(kThreshold)) {
            bool ok = false;
            rule.threshold = p.value(kThreshold).toDouble(&ok);
            if (!ok) {
                ctx.err << "tickerwire alerts edit: bad threshold '" << p.value(kThreshold) << "': not a number\n";
                return kExitUsage;
            }
        }
        if (p.isSet(kCooldown)) {
            const auto seconds = parseDurationSeconds(p.value(kCooldown));
            if (!seconds) {
                ctx.err << "tickerwire alerts edit: bad cooldown '" << p.value(kCooldown) << "'\n";
                return kExitUsage;
            }
            rule.cooldownSeconds = *seconds;
        }
        if (auto valid = rules.validate(rule); !valid) {
            ctx.err << "tickerwire alerts edit: " << valid.problem().message(optionName) << '\n';
            return kExitUsage;
        }
        if (auto s = rules.update(rule); !s)
            return reportFailure(ctx, s.errorMessage());
        ctx.out << "edited rule " << ruleLine(**rules.byId(id)) << '\n';
        return kExitOk;
    }

    int list(CommandContext &ctx, QSqlDatabase db)
    {
        auto all = AlertRuleStore(db).all();
        if (!all)
            return reportFailure(ctx, all.errorMessage());
        for (const AlertRule &r : *all)
            ctx.out << ruleLine(r) << '\n';
        return kExitOk;
    }

    int fired(CommandContext &ctx, QSqlDatabase db, const QDateTime &since)
    {
        auto alerts = FiredAlertStore(db).list(since, 100000);
        if (!alerts)
            return reportFailure(ctx, alerts.errorMessage());
        for (const FiredAlert &a : *alerts)
            ctx.out << firedLine(a) << '\n';
        return kExitOk;
    }

    int check(CommandContext &ctx, QSqlDatabase db)
    {
        auto fired = AlertEvaluator(db).evaluate(nowUtc());
        if (!fired) {
            ctx.err << "tickerwire: alert evaluation failed: " << fired.errorMessage() << '\n';
            return kExitFailure;
        }
        reportFirings(*fired, db, ctx.out);
        return kExitOk;
    }

    int ack(CommandContext &ctx, QSqlDatabase db, qint64 id)
    {
        auto found = FiredAlertStore(db).acknowledge(id);
        if (!found)
            return reportFailure(ctx, found.errorMessage());
        if (!*found) {
            ctx.err << "tickerwire alerts ack: no fired alert with id " << id << '\n';
            return kExitFailure;
        }
        ctx.out << "acknowledged " << id << '\n';
        return kExitOk;
    }

    int setFlag(CommandContext &ctx, QSqlDatabase db, const QString &sub, qint64 id)
    {
        AlertRuleStore rules(db);
        Status done;
        if (sub == QLatin1String("enable") || sub == QLatin1String("disable"))
            done = rules.setEnabled(id, sub == QLatin1String("enable"));
        else if (sub == QLatin1String("mute") || sub == QLatin1String("unmute"))
            done = rules.setMuted(id, sub == QLatin1String("mute"));
        else
            done = rules.remove(id);
        if (!done) {
            ctx.err << "tickerwire alerts " << sub << ": " << done.errorMessage() << '\n';
            return kExitFailure;
        }
        ctx.out << sub << (sub.endsWith(QLatin1Char('e')) ? "d " : "ed ") << "rule " << id << '\n';
        return kExitOk;
    }

    int exportRules(CommandContext &ctx, QSqlDatabase db, const QString &path)
    {
        auto all = AlertRuleStore(db).all();
        if (!all)
            return reportFailure(ctx, all.errorMessage());
        QJsonArray rules;
        for (const AlertRule &r : *all)
            rules.append(r.toJson());
        const QJsonObject doc{{QStringLiteral("format"), QStringLiteral("tickerwire-alert-rules")},
                              {QStringLiteral("version"), 1},
                              {QStringLiteral("rules"), rules}};
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(doc).toJson()) < 0 || !file.commit()) {
            ctx.err << path << ": cannot write: " << file.errorString() << '\n';
            return kExitFailure;
        }
        ctx.out << "exported " << rules.size() << " rules to " << path << '\n';
        return kExitOk;
    }

    int importRules(CommandContext &ctx, QSqlDatabase db, const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            ctx.err << path << ": cannot read: " << file.errorString() << '\n';
            return kExitFailure;
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
        if (doc.isNull() || !doc.object().value(QStringLiteral("rules")).isArray()) {
            ctx.err << path << ": not an alert rules file"
                    << (doc.isNull() ? QStringLiteral(" (%1)").arg(error.errorString()) : QString()) << '\n';
            return kExitUsage;
        }
        AlertRuleStore rules(db);
        auto existing = rules.all();
        if (!existing)
            return reportFailure(ctx, existing.errorMessage());
        QList<QJsonObject> known;
        for (const AlertRule &r : *existing)
            known << r.toJson();
        // All or nothing: every rule is checked before any is stored.
        QList<AlertRule> toAdd;
        const QJsonArray list = doc.object().value(QStringLiteral("rules")).toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            auto parsed = AlertRule::fromJson(list.at(i).toObject());
            if (!parsed) {
                ctx.err << path << ": rule " << (i + 1) << ": " << parsed.errorMessage() << '\n';
                return kExitUsage;
            }
            // The file's own names for the fields (its JSON keys).
            auto valid = rules.validate(*parsed);
            if (!valid) {
                ctx.err << path << ": rule " << (i + 1) << ": " << valid.problem().message() << '\n';
                return kExitUsage;
            }
            if (known.contains(valid->toJson()))
                continue;
            known << valid->toJson();
            toAdd << *valid;
        }
        Transaction tx(db);
        for (const AlertRule &r : toAdd) {
            if (auto added = rules.add(r); !added)
                return reportFailure(ctx, added.errorMessage());
        }
        if (auto s = tx.commit(); !s)
            return reportFailure(ctx, s.errorMessage());
        ctx.out << "imported " << toAdd.size() << " rules (" << (list.size() - toAdd.size())
                << " already present)\n";
        return kExitOk;
    }
};
} // namespace

std::unique_ptr<Command> makeAlertsCommand() { return std::make_unique<AlertsCommand>(); }

} // namespace tw
