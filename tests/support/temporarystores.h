#pragma once

#include "models/store/storeconnection.h"

#include <QTemporaryDir>

#include <memory>

// New SQLite stores, each its own file and connection name, in one temporary
// folder that goes with the object.
namespace twtest {

class TemporaryStores {
public:
    std::unique_ptr<tw::StoreConnection> open()
    {
        const QString name = QStringLiteral("store%1").arg(++m_opened);
        auto store = tw::StoreConnection::open(m_dir.filePath(name + QStringLiteral(".db")), name);
        if (!store)
            qFatal("%s", qPrintable(store.errorMessage()));
        return std::move(*store);
    }

private:
    QTemporaryDir m_dir;
    int m_opened = 0;
};

} // namespace twtest
