#include "models/store/storestats.h"

#include "models/store/sqldialect.h"
#include "models/store/sqlexec.h"

#include <QFileInfo>

namespace tw {

QStringList storeTableNames()
{
    return {QStringLiteral("tickers"),      QStringLiteral("feeds"),           QStringLiteral("articles"),
            QStringLiteral("article_tickers"), QStringLiteral("article_scores"), QStringLiteral("provider_scores"),
            QStringLiteral("quotes"),       QStringLiteral("corporate_scores"), QStringLiteral("events"),
            QStringLiteral("event_sources"), QStringLiteral("alert_rules"),     QStringLiteral("fired_alerts"),
            QStringLiteral("article_revisions"),
            QStringLiteral("filings"),      QStringLiteral("reported_figures")};
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

Result<qint64> storeSizeBytes(const QSqlDatabase &db)
{
    if (dialectOf(db) == SqlDialect::Postgres)
        return queryScalar(db, QStringLiteral("SELECT pg_database_size(current_database())"));
    const QString path = db.databaseName();
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

} // namespace tw
