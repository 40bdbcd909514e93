#include "feeds/keys/secretstore.h"

#include "feeds/keys/apikeyproviders.h"

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
    QStringList ids;
    for (const ApiKeyProvider &p : apiKeyProviders())
        ids << p.id;
    return ids;
}

QString SecretStore::storePasswordEntry(const QString &urlWithoutPassword)
{
    return QStringLiteral("store-password:") + urlWithoutPassword;
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

QStringList SecretStore::allKeys() const
{
    QStringList keys;
    for (const QString &provider : knownProviders())
        if (auto key = read(provider); key && !key->isEmpty())
            keys << *key;
    return keys;
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

} // namespace tw
