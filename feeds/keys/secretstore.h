#pragma once

#include "models/core/result.h"

#include <QString>
#include <QStringList>

namespace tw {

// API keys in the system keychain (Secret Service, macOS Keychain, Windows
// Credential Store) through QtKeychain; never in QSettings, the store or logs.
// Calls block on a local event loop: keychain round trips are short, and the
// callers (CLI commands, a settings dialog's Save) want the answer right away.
class SecretStore {
public:
    // The default service is "tickerwire", or $TICKERWIRE_KEYCHAIN_SERVICE
    // (tests use their own so a developer's real keys are never touched).
    explicit SecretStore(QString service = defaultService());
    static QString defaultService();

    // The providers whose keys Tickerwire knows how to use.
    static QStringList knownProviders();

    // The entry holding a PostgreSQL store's password, named by the store's URL
    // without scheme and password: "store-password:alice@127.0.0.1:5432/desk".
    static QString storePasswordEntry(const QString &urlWithoutPassword);

    // An empty string when no key is stored for the provider.
    Result<QString> read(const QString &provider) const;
    // Every key stored for the known providers (none when the keychain cannot
    // be read): the values to redact from text shown to a person.
    QStringList allKeys() const;
    Status write(const QString &provider, const QString &secret);
    Status remove(const QString &provider);

private:
    QString m_service;
};

} // namespace tw
