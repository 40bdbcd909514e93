#pragma once

#include "models/demo/demoworkspace.h"
#include "models/store/storeconnection.h"
#include "sqlfixture.h"

#include <QSqlDatabase>
#include <QTemporaryDir>

#include <memory>

namespace twtest {

// New SQLite stores, each its own file and connection name, in one temporary
// folder that goes with the object.
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

// A suite's store: one SQLite file, created and migrated on open(), in a
// temporary folder that also takes the suite's other files (filePath) and
// goes with the object.
class TemporaryStore {
public:
    // False, with errorString() saying why, when the store would not open.
    bool open(const QString &fileName, const QString &connectionName)
    {
        auto store = tw::StoreConnection::open(m_dir.filePath(fileName), connectionName);
        if (!store) {
            m_error = store.errorMessage();
            return false;
        }
        m_store = std::move(*store);
        return true;
    }

    // open(), then the demo workspace loaded as `tickerwire --demo` loads it.
    bool openDemo(const QString &fileName, const QString &connectionName)
    {
        if (!open(fileName, connectionName))
            return false;
        const auto loaded = tw::DemoWorkspace::load(database());
        if (!loaded)
            m_error = QStringLiteral("demo workspace: ") + loaded.errorMessage();
        return loaded.ok();
    }

    // openDemo(), then ui/demo-derived-rows.sql in place of the scores, events
    // and alerts the load derived: the same rows on every run, for the window.
    bool openDemoWithFixedRows(const QString &fileName, const QString &connectionName)
    {
        if (!openDemo(fileName, connectionName))
            return false;
        m_error = applySqlFixture(database(), QStringLiteral("ui/demo-derived-rows.sql"));
        return m_error.isEmpty();
    }

    const QString &errorString() const { return m_error; }
    QSqlDatabase database() const { return m_store->database(); }
    tw::StoreConnection &connection() const { return *m_store; }
    const QString &location() const { return m_store->location(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    // Closes the connection; the file stays until the object goes.
    void close() { m_store.reset(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<tw::StoreConnection> m_store;
    QString m_error;
};

} // namespace twtest
