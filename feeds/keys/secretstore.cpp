#include "keys/secretstore.h"

#include "store/postgresurl.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>

namespace tw {

namespace {
// Runs a keychain job to completion on a local loop.
void runJob(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
}

QString keyName(const QString &provider)
{
    return QStringLiteral("api-key/") + provider.toLower();
}
} // namespace

QString SecretStore::defaultService()
{
    const QString fromEnvironment = qEnvironmentVariable("TICKERWIRE_KEYCHAIN_SERVICE");
    return fromEnvironment.isEmpty() ? QStringLiteral("tickerwire") : fromEnvironment;
}

SecretStore::SecretStore(QString service) : m_service(std::move(service)) {}

QStringList SecretStore::knownProviders()
{
    return {QStringLiteral("alphavantage"), QStringLiteral("finnhub"), QStringLiteral("stooq")};
}

Result<QString> SecretStore::read(const QString &provider) const
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(keyName(provider));
    runJob(job);
    if (job.error() == QKeychain::EntryNotFound)
        return QString();
    if (job.error() != QKeychain::NoError)
        return fail(QStringLiteral("Cannot read the %1 key from the keychain: %2").arg(provider, job.errorString()));
    return job.textData();
}

Status SecretStore::write(const QString &provider, const QString &secret)
{
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(keyName(provider));
    job.setTextData(secret);
    runJob(job);
    if (job.error() != QKeychain::NoError)
        return fail(QStringLiteral("Cannot store the %1 key in the keychain: %2").arg(provider, job.errorString()));
    return {};
}

Status SecretStore::remove(const QString &provider)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(keyName(provider));
    runJob(job);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return fail(QStringLiteral("Cannot remove the %1 key from the keychain: %2").arg(provider, job.errorString()));
    return {};
}

QString SecretStore::storePasswordEntry(const QString &urlWithoutPassword)
{
    QString location = urlWithoutPassword.trimmed();
    if (!PostgresUrl::isPostgresLocation(location))
        location.prepend(QStringLiteral("postgresql://"));
    // Parsing fills in the default port, so "alice@db/desk" and
    // "alice@db:5432/desk" name the same entry.
    if (auto url = PostgresUrl::parse(location)) {
        QString entry = QStringLiteral("%1@%2:%3/%4").arg(url->user, url->host).arg(url->port).arg(url->database);
        if (url->user.isEmpty())
            entry.remove(0, 1);
        return QStringLiteral("store-password:") + entry;
    }
    // Not a URL the store could open either; still never keep a password.
    QString rest = PostgresUrl::redact(location).mid(location.indexOf(QStringLiteral("://")) + 3);
    return QStringLiteral("store-password:") + rest;
}

Result<QString> SecretStore::readEntry(const QString &entry) const
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(entry);
    runJob(job);
    if (job.error() == QKeychain::EntryNotFound)
        return QString();
    if (job.error() != QKeychain::NoError)
        return fail(QStringLiteral("Cannot read %1 from the keychain: %2").arg(entry, job.errorString()));
    return job.textData();
}

Status SecretStore::writeEntry(const QString &entry, const QString &secret)
{
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(entry);
    job.setTextData(secret);
    runJob(job);
    if (job.error() != QKeychain::NoError)
        return fail(QStringLiteral("Cannot store %1 in the keychain: %2").arg(entry, job.errorString()));
    return {};
}

Status SecretStore::removeEntry(const QString &entry)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(entry);
    runJob(job);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return fail(QStringLiteral("Cannot remove %1 from the keychain: %2").arg(entry, job.errorString()));
    return {};
}

} // namespace tw
