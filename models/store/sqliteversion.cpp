#include "models/store/sqliteversion.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace tw {

QString sqliteLibraryVersion()
{
    const QString name = QStringLiteral("tw-sqlite-version");
    QString version;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT sqlite_version()")) && q.next())
                version = q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return version;
}

} // namespace tw
