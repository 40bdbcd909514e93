#pragma once

#include "models/core/result.h"
#include "models/store/storeconnection.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace tw {

// The demo workspace lives in a store of its own (demo.db in the data
// folder), never in the analyst's: `--demo` without `--store` opens it. It is
// made from the bundled demo and made again when the bundled demo changes
// (the digest of what built it is kept beside it, in demo.db.digest).
class DemoStore {
public:
    static QString defaultPath();
    // What the demo store is built from: the demo articles and watchlist, the
    // scoring resources and the schema version.
    static QByteArray bundledDigest();

    struct Opened {
        std::unique_ptr<StoreConnection> connection;
        bool created = false;   // built now (first use, or the bundled demo changed)
    };
    static Result<Opened> open(const QString &path, const QString &connectionName);
};

} // namespace tw
