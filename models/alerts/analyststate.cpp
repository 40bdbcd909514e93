#include "models/alerts/analyststate.h"

#include "models/store/postgresurl.h"
#include "models/store/sqldialect.h"

#include <QFileInfo>
#include <QSettings>
#include <QUrl>

#include <memory>

namespace tw {

namespace {
QString token(qint64 id, qint64 stamp)
{
    return QStringLiteral("%1@%2").arg(id).arg(stamp);
}

std::unique_ptr<QSettings> openSettings(const QString &file)
{
    if (file.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(file, QSettings::IniFormat);
}
} // namespace

AnalystState::AnalystState(QString storeKey, QString settingsFile)
    : m_storeKey(std::move(storeKey)), m_settingsFile(std::move(settingsFile))
{
}

AnalystState AnalystState::forStore(const QSqlDatabase &db)
{
    return AnalystState(storeKey(db), QString());
}

AnalystState AnalystState::forStore(const QSqlDatabase &db, const QString &settingsFile)
{
    return AnalystState(storeKey(db), settingsFile);
}

QString AnalystState::storeKey(const QSqlDatabase &db)
{
    if (dialectOf(db) == SqlDialect::Sqlite)
        return QFileInfo(db.databaseName()).absoluteFilePath();
    PostgresUrl url;
    url.user = db.userName();
    url.host = db.hostName();
    url.port = db.port() > 0 ? db.port() : 5432;
    url.database = db.databaseName();
    return url.redacted();
}

// Settings keys treat '/' as a group separator; the key is a path or a URL.
QString AnalystState::group() const
{
    return QStringLiteral("analyst/") + QString::fromLatin1(QUrl::toPercentEncoding(m_storeKey));
}

bool AnalystState::Acknowledged::contains(qint64 firedAlertId, qint64 firedUtc) const
{
    return m_tokens.contains(token(firedAlertId, firedUtc));
}

AnalystState::Acknowledged AnalystState::acknowledged() const
{
    auto settings = openSettings(m_settingsFile);
    const QStringList tokens = settings->value(group() + QStringLiteral("/acknowledged")).toStringList();
    Acknowledged result;
    result.m_tokens = QSet<QString>(tokens.cbegin(), tokens.cend());
    return result;
}

bool AnalystState::isAcknowledged(qint64 firedAlertId, qint64 firedUtc) const
{
    return acknowledged().contains(firedAlertId, firedUtc);
}

void AnalystState::acknowledge(qint64 firedAlertId, qint64 firedUtc)
{
    auto settings = openSettings(m_settingsFile);
    const QString key = group() + QStringLiteral("/acknowledged");
    QStringList acked = settings->value(key).toStringList();
    const QString t = token(firedAlertId, firedUtc);
    if (acked.contains(t))
        return;
    acked << t;
    settings->setValue(key, acked);
    settings->sync();
}

std::optional<bool> AnalystState::muted(qint64 ruleId, qint64 createdUtc) const
{
    auto settings = openSettings(m_settingsFile);
    const QVariant value = settings->value(group() + QStringLiteral("/muted/") + token(ruleId, createdUtc));
    if (!value.isValid())
        return std::nullopt;
    return value.toBool();
}

void AnalystState::setMuted(qint64 ruleId, qint64 createdUtc, bool muted)
{
    auto settings = openSettings(m_settingsFile);
    settings->setValue(group() + QStringLiteral("/muted/") + token(ruleId, createdUtc), muted);
    settings->sync();
}

void AnalystState::forgetRule(qint64 ruleId, qint64 createdUtc)
{
    auto settings = openSettings(m_settingsFile);
    settings->remove(group() + QStringLiteral("/muted/") + token(ruleId, createdUtc));
    settings->sync();
}

bool AnalystState::flag(const QString &name, const QString &legacyKey, bool byDefault) const
{
    auto settings = openSettings(m_settingsFile);
    const QString key = group() + QLatin1Char('/') + name;
    const QVariant own = settings->value(key);
    if (own.isValid())
        return own.toBool();
    const bool value = settings->value(legacyKey, byDefault).toBool();
    settings->setValue(key, value);
    settings->sync();
    return value;
}

void AnalystState::setFlag(const QString &name, bool on)
{
    auto settings = openSettings(m_settingsFile);
    settings->setValue(group() + QLatin1Char('/') + name, on);
    settings->sync();
}

bool AnalystState::doNotDisturb() const
{
    return flag(QStringLiteral("doNotDisturb"), QStringLiteral("alerts/doNotDisturb"), false);
}

void AnalystState::setDoNotDisturb(bool on)
{
    setFlag(QStringLiteral("doNotDisturb"), on);
}

bool AnalystState::popups() const
{
    return flag(QStringLiteral("popups"), QStringLiteral("alerts/popups"), true);
}

void AnalystState::setPopups(bool on)
{
    setFlag(QStringLiteral("popups"), on);
}

} // namespace tw
