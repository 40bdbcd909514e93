#pragma once

#include "models/store/waitingwriters.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QString>

#include <functional>

struct sqlite3;

namespace tw {

// How SQLite connections opened from now on wait for a store that another
// connection (another process, another thread) is writing.
struct StoreWaitPolicy {
    // A statement that cannot get its lock within this fails with "database is locked".
    int timeoutMs = 60'000;
    // Told, on the waiting thread, once a wait has lasted a second and then
    // every five seconds: `store` is the store as shown to users.
    std::function<void(const QString &store, qint64 waitedMs)> onWaiting;
};

// The busy handler of one SQLite connection (it replaces QSQLITE's busy
// timeout, which cannot report or take turns): it sleeps with a short
// back-off until the lock is free or the policy's limit is reached, reports
// long waits, and, while it waits to write, signals the writer that holds the
// lock through WaitingWriters. Transaction finds it by the connection.
class SqliteLockWait {
public:
    SqliteLockWait(QString storePath, QString display);
    ~SqliteLockWait();
    SqliteLockWait(const SqliteLockWait &) = delete;
    SqliteLockWait &operator=(const SqliteLockWait &) = delete;

    // Takes over waiting on `db` (an open QSQLITE connection), with the policy
    // in force now. Again after a reconnect; the old handle is forgotten.
    void install(const QSqlDatabase &db);

    // The one installed on `db`'s connection, or nullptr (not opened by StoreConnection).
    static SqliteLockWait *of(const QSqlDatabase &db);

    // A write transaction began (or could not): stop signalling.
    void stopWaiting();
    // After a commit: let a waiting writer go first.
    void yieldToWaiters();
    // The longest this connection may wait, for messages.
    int timeoutMs() const { return m_policy.timeoutMs; }

    static void setPolicy(StoreWaitPolicy policy);
    static StoreWaitPolicy policy();

private:
    static int onBusy(void *self, int count);
    static int onCommit(void *self);
    static void onRollback(void *self);
    void forget();
    bool waitingToWrite() const;

    QString m_display;
    StoreWaitPolicy m_policy;
    WaitingWriters m_writers;
    sqlite3 *m_handle = nullptr;
    QElapsedTimer m_waited;
    qint64 m_nextReportMs = 0;
};

} // namespace tw
