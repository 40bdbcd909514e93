#include "app/cli/storesession.h"

#include "models/demo/demostore.h"
#include "models/demo/demoworkspace.h"
#include "feeds/keys/secretstore.h"
#include "models/store/storelocation.h"

#include <QFileInfo>

namespace tw {

StorePasswordLookup keychainStorePassword()
{
    return [](const QString &server) -> Result<QString> {
        return SecretStore().read(SecretStore::storePasswordEntry(server));
    };
}

void reportStoreWaits(QTextStream &err)
{
    StoreWaitPolicy policy;
    // A command has no window to freeze: it may wait out another process's
    // long work (an upgrade, a store copy) rather than fail.
    policy.timeoutMs = 5 * 60 * 1000;
    policy.onWaiting = [&err](const QString &store, qint64 waitedMs) {
        err << "waiting for the store " << store << ": another process is writing to it (" << waitedMs / 1000
            << " s so far)\n";
        err.flush();
    };
    StoreConnection::setWaitPolicy(std::move(policy));
}

QString commandStoreLocation(const GlobalOptions &globals)
{
    if (globals.demo && globals.store.isEmpty())
        return DemoStore::defaultPath();
    return StoreLocation::resolve(globals.store);
}

Result<std::unique_ptr<StoreConnection>> openCommandStore(const GlobalOptions &globals, QTextStream &err,
                                                          StoreAccess access)
{
    reportStoreWaits(err);
    if (globals.demo && globals.store.isEmpty()) {
        auto opened = DemoStore::open(DemoStore::defaultPath(), QStringLiteral("cli"));
        if (!opened)
            return opened.error();
        if (opened->created)
            err << "demo workspace built in " << DemoStore::defaultPath() << " (your own store is untouched)\n";
        return std::move(opened->connection);
    }
    const QString location = StoreLocation::resolve(globals.store);
    // A store the analyst named (--store, $TICKERWIRE_STORE, Settings) must exist
    // for a command that only reads; the default file may be new (an empty store).
    // (--demo --store FILE makes FILE: the demo is written into it.)
    if (access == StoreAccess::ReadOnly && !globals.demo && !StoreLocation::isServer(location) && location != StoreLocation::defaultPath()
        && !QFileInfo::exists(location))
        return fail(QStringLiteral("there is no store at %1 (check the path; commands that only read never create one)")
                        .arg(location));
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

std::unique_ptr<StoreConnection> openStoreOrReport(CommandContext &ctx, StoreAccess access)
{
    auto store = openCommandStore(ctx.globals, ctx.err, access);
    if (!store) {
        reportFailure(ctx, store.errorMessage());
        return nullptr;
    }
    return std::move(*store);
}

} // namespace tw
