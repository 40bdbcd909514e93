#pragma once

#include "app/cli/command.h"
#include "models/core/result.h"
#include "models/store/storeconnection.h"

#include <memory>

namespace tw {

// Reads a server store's password from the keychain entry
// SecretStore::storePasswordEntry(USER@HOST:PORT/DB), for StoreConnection::open.
StorePasswordLookup keychainStorePassword();

// From now on, a command that waits for a store another process is writing
// says so on `err` after a second, and every few seconds while it waits, and
// gives up (with a message) after five minutes.
void reportStoreWaits(QTextStream &err);

// Opens the store a command works on (resolving --store / $TICKERWIRE_STORE /
// the default) and loads the demo workspace when --demo asks for it.
Result<std::unique_ptr<StoreConnection>> openCommandStore(const GlobalOptions &globals, QTextStream &err);

} // namespace tw
