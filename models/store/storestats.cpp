#include "store/storestats.h"

#include "store/sqlexec.h"

namespace tw {

QStringList storeTableNames()
{
    return {QStringLiteral("tickers"),      QStringLiteral("feeds"),           QStringLiteral("articles"),
            QStringLiteral("article_tickers"), QStringLiteral("article_scores"), QStringLiteral("provider_scores"),
            QStringLiteral("quotes"),       QStringLiteral("corporate_scores"), QStringLiteral("events"),
            QStringLiteral("event_sources"), QStringLiteral("alert_rules"),     QStringLiteral("fired_alerts")};
}

Result<QList<TableCount>> storeTableCounts(const QSqlDatabase &db)
{
    QList<TableCount> counts;
    for (const QString &table : storeTableNames()) {
        auto n = queryScalar(db, QStringLiteral("SELECT count(*) FROM %1").arg(table));
        if (!n)
            return n.error();
        counts << TableCount{table, *n};
    }
    return counts;
}

} // namespace tw
