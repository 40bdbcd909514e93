#include "models/alerts/defaultalertrules.h"

#include "models/alerts/alertrulestore.h"

namespace tw {

QList<AlertRule> DefaultAlertRules::forMetaWorkspace()
{
    const QString meta = QStringLiteral("META");
    AlertRule label;
    label.name = QStringLiteral("META score label change");
    label.kind = AlertKind::LabelChange;
    label.ticker = meta;
    label.horizon = QStringLiteral("medium");

    AlertRule move;
    move.name = QStringLiteral("META moves 5% or more");
    move.kind = AlertKind::PriceMove;
    move.ticker = meta;
    move.threshold = 5.0;

    AlertRule capex;
    capex.name = QStringLiteral("META new capex guidance");
    capex.kind = AlertKind::Guidance;
    capex.ticker = meta;
    capex.query = QStringLiteral("capex");

    AlertRule muse;
    muse.name = QStringLiteral("Articles about Muse Spark");
    muse.kind = AlertKind::ArticleMatch;
    muse.query = QStringLiteral("\"Muse Spark\"");
    return {label, move, capex, muse};
}

Result<int> DefaultAlertRules::install(QSqlDatabase db)
{
    AlertRuleStore store(db);
    int added = 0;
    for (const AlertRule &rule : forMetaWorkspace()) {
        auto existing = store.byName(rule.name);
        if (!existing)
            return existing.error();
        if (existing->has_value())
            continue;
        auto stored = store.add(rule);
        if (!stored)
            return fail(QStringLiteral("Default rule '%1': %2").arg(rule.name, stored.errorMessage()));
        ++added;
    }
    return added;
}

} // namespace tw
