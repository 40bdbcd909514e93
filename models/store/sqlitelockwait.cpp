#include "models/store/sqlitelockwait.h"

#include "models/store/sqlitestatement.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QThread>

#include <sqlite3.h>

#include <cstring>

namespace tw {

namespace {
constexpr qint64 kFirstReportMs = 1000;
constexpr qint64 kReportEveryMs = 5000;

struct Registry {
    QMutex mutex;
    QHash<sqlite3 *, SqliteLockWait *> waits;
    StoreWaitPolicy policy;
};

Registry &registry()
{
    static Registry r;
    return r;
}

// Short sleeps first (most waits are for one batch, a fraction of a second),
// then 10 ms: a waiter must notice soon that a yielding writer has let go.
int sleepMsFor(int attempt)
{
    static constexpr int kDelays[] = {1, 2, 5, 10};
    return attempt < int(std::size(kDelays)) ? kDelays[attempt] : 10;
}
} // namespace

SqliteLockWait::SqliteLockWait(QString storePath, QString display)
    : m_display(std::move(display)), m_policy(policy()), m_writers(std::move(storePath))
{
}

SqliteLockWait::~SqliteLockWait()
{
    forget();
}

void SqliteLockWait::setPolicy(StoreWaitPolicy policy)
{
    QMutexLocker lock(&registry().mutex);
    registry().policy = std::move(policy);
}

StoreWaitPolicy SqliteLockWait::policy()
{
    QMutexLocker lock(&registry().mutex);
    return registry().policy;
}

void SqliteLockWait::forget()
{
    if (!m_handle)
        return;
    QMutexLocker lock(&registry().mutex);
    if (registry().waits.value(m_handle) == this)
        registry().waits.remove(m_handle);
    m_handle = nullptr;
}

void SqliteLockWait::install(const QSqlDatabase &db)
{
    forget();
    sqlite3 *handle = sqliteHandleOf(db);
    if (!handle)
        return;
    m_policy = policy();
    sqlite3_busy_handler(handle, &SqliteLockWait::onBusy, this);
    sqlite3_commit_hook(handle, &SqliteLockWait::onCommit, this);
    sqlite3_rollback_hook(handle, &SqliteLockWait::onRollback, this);
    m_handle = handle;
    QMutexLocker lock(&registry().mutex);
    registry().waits.insert(handle, this);
}

SqliteLockWait *SqliteLockWait::of(const QSqlDatabase &db)
{
    sqlite3 *handle = sqliteHandleOf(db);
    if (!handle)
        return nullptr;
    QMutexLocker lock(&registry().mutex);
    return registry().waits.value(handle);
}

// A wait to write: a statement that writes, or BEGIN IMMEDIATE (which SQLite
// counts as read-only, as it changes no row itself), is running. Readers
// rarely wait at all in WAL mode and must not make writers pause for them.
bool SqliteLockWait::waitingToWrite() const
{
    for (sqlite3_stmt *s = sqlite3_next_stmt(m_handle, nullptr); s; s = sqlite3_next_stmt(m_handle, s)) {
        if (!sqlite3_stmt_busy(s))
            continue;
        if (!sqlite3_stmt_readonly(s))
            return true;
        const char *sql = sqlite3_sql(s);
        if (sql && sqlite3_strnicmp(sql, "BEGIN", 5) == 0)
            return true;
    }
    return false;
}

int SqliteLockWait::onBusy(void *self, int count)
{
    auto *wait = static_cast<SqliteLockWait *>(self);
    if (count == 0) {
        wait->m_waited.start();
        wait->m_nextReportMs = kFirstReportMs;
    }
    const qint64 waited = wait->m_waited.elapsed();
    if (waited >= wait->m_policy.timeoutMs) {
        wait->m_writers.unmarkWaiting();
        return 0;   // SQLITE_BUSY: the statement fails with "database is locked"
    }
    if (wait->waitingToWrite())
        wait->m_writers.markWaiting();
    if (waited >= wait->m_nextReportMs) {
        if (wait->m_policy.onWaiting)
            wait->m_policy.onWaiting(wait->m_display, waited);
        wait->m_nextReportMs += kReportEveryMs;
    }
    QThread::msleep(sleepMsFor(count));
    return 1;
}

int SqliteLockWait::onCommit(void *self)
{
    static_cast<SqliteLockWait *>(self)->m_writers.unmarkWaiting();
    return 0;   // go on and commit
}

void SqliteLockWait::onRollback(void *self)
{
    static_cast<SqliteLockWait *>(self)->m_writers.unmarkWaiting();
}

void SqliteLockWait::stopWaiting()
{
    m_writers.unmarkWaiting();
}

void SqliteLockWait::yieldToWaiters()
{
    m_writers.yieldToWaiters();
}

} // namespace tw
