#include "models/store/storelocation.h"

#include "models/store/postgresurl.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace tw {

QString StoreLocation::defaultPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("store.db"));
}

QString StoreLocation::resolve(const QString &commandLineValue)
{
    if (!commandLineValue.isEmpty())
        return commandLineValue;
    const QString fromEnv = qEnvironmentVariable(kEnvironmentVariable);
    if (!fromEnv.isEmpty())
        return fromEnv;
    // The store chosen in Settings > Store (never holds a password).
    const QString chosen = QSettings().value(QStringLiteral("store/location")).toString().trimmed();
    if (!chosen.isEmpty())
        return chosen;
    return defaultPath();
}

bool StoreLocation::isServer(const QString &location)
{
    return PostgresUrl::isPostgresLocation(location);
}

QString StoreLocation::forDisplay(const QString &location)
{
    return PostgresUrl::redact(location);
}

} // namespace tw
