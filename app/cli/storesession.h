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

// Whether a command may create the store. Commands that only read refuse a
// store path that does not exist (a typo must not make a new empty store).
enum class StoreAccess { Write, ReadOnly };

// The store a command works on: --store / $TICKERWIRE_STORE / Settings / the
// default file. --demo alone opens the separate demo store (DemoStore), never
// the analyst's; --demo with --store loads the demo into that store.
QString commandStoreLocation(const GlobalOptions &globals);

// Opens the store a command works on (see commandStoreLocation), loading the
// demo workspace when --demo asks for it.
Result<std::unique_ptr<StoreConnection>> openCommandStore(const GlobalOptions &globals, QTextStream &err,
                                                          StoreAccess access = StoreAccess::Write);

// openCommandStore for a command's run(): says why on ctx.err ("tickerwire:
// ...") and returns null when the store cannot be opened.
std::unique_ptr<StoreConnection> openStoreOrReport(CommandContext &ctx, StoreAccess access = StoreAccess::Write);

} // namespace tw
