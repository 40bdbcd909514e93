#include "app/cli/storesession.h"

#include "models/demo/demoworkspace.h"
#include "feeds/keys/secretstore.h"
#include "models/store/storelocation.h"

namespace tw {

StorePasswordLookup keychainStorePassword()
{
    return [](const QString &server) -> Result<QString> {
        return SecretStore().read(SecretStore::storePasswordEntry(server));
    };
}

Result<std::unique_ptr<StoreConnection>> openCommandStore(const GlobalOptions &globals, QTextStream &err)
{
    const QString location = StoreLocation::resolve(globals.store);
    auto connection = StoreConnection::open(location, QStringLiteral("cli"), keychainStorePassword());
    if (!connection)
        return connection.error();
    if (globals.demo) {
        auto loaded = DemoWorkspace::load((*connection)->database());
        if (!loaded)
            return fail(QStringLiteral("Could not load the demo workspace: %1").arg(loaded.errorMessage()));
        if (loaded->articlesInserted > 0)
            err << "demo workspace loaded: " << loaded->articlesInserted << " articles, "
                << loaded->quoteBarsChanged << " synthetic price bars, " << loaded->alertsFired
                << " alerts fired\n";
    }
    return connection;
}

} // namespace tw
