#pragma once

#include "core/result.h"

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

    // An empty string when no key is stored for the provider.
    Result<QString> read(const QString &provider) const;
    Status write(const QString &provider, const QString &secret);
    Status remove(const QString &provider);

    // The keychain entry of a PostgreSQL store's password:
    // "store-password:USER@HOST:PORT/DB". Takes the store URL without a
    // password (postgresql://USER@HOST:PORT/DB, or already USER@HOST:PORT/DB);
    // a password left in it is dropped, never part of the name. The settings
    // dialog writes this entry and the store reads it when it opens.
    static QString storePasswordEntry(const QString &urlWithoutPassword);

    // Entries other than API keys (e.g. storePasswordEntry()), by their full name.
    Result<QString> readEntry(const QString &entry) const;   // empty when absent
    Status writeEntry(const QString &entry, const QString &secret);
    Status removeEntry(const QString &entry);

private:
    QString m_service;
};

} // namespace tw
