#pragma once

#include "pgtestcluster.h"

#include <QTemporaryDir>

#include <memory>

namespace twtest {

enum class Backend { Sqlite, Postgres };

inline const char *backendName(Backend b)
{
    return b == Backend::Postgres ? "postgresql" : "sqlite";
}

// Hands out fresh, empty store locations on one backend: a new SQLite file in
// a temporary folder, or a new database in a throw-away PostgreSQL cluster
// (started on first use, stopped when this object goes).
class StoreBackendFixture {
public:
    explicit StoreBackendFixture(Backend backend) : m_backend(backend) {}

    Backend backend() const { return m_backend; }

    // Empty on success, else why the backend is unusable (the test must fail).
    QString prepare()
    {
        if (m_backend == Backend::Postgres && !m_cluster) {
            m_cluster = std::make_unique<PgTestCluster>();
            if (!m_cluster->ok())
                return m_cluster->error();
        }
        return {};
    }

    QString freshLocation()
    {
        if (m_backend == Backend::Sqlite)
            return m_dir.filePath(QStringLiteral("store-%1.db").arg(++m_count));
        return m_cluster ? m_cluster->createDatabase() : QString();
    }

    PgTestCluster *cluster() const { return m_cluster.get(); }
    QString scratchPath(const QString &name) const { return m_dir.filePath(name); }

private:
    Backend m_backend;
    QTemporaryDir m_dir;
    std::unique_ptr<PgTestCluster> m_cluster;
    int m_count = 0;
};

} // namespace twtest
