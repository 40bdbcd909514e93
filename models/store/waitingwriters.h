#pragma once

#include <QString>

namespace tw {

// Lets the writers of one SQLite store take turns. SQLite's write lock has no
// queue: a writer that commits batch after batch takes the lock again within
// microseconds, while another writer's busy handler sleeps between tries, so
// the second could wait for the whole of the first's run (a `score --all`
// beside the window's fetch). A writer that is waiting for the lock holds a
// shared flock on `<store>-waiting`; a writer that has just committed and
// finds it held pauses (briefly, bounded) so the waiter gets its turn.
// One per SQLite connection; every failure here only costs fairness, never a write.
class WaitingWriters {
public:
    explicit WaitingWriters(QString storePath);
    ~WaitingWriters();
    WaitingWriters(const WaitingWriters &) = delete;
    WaitingWriters &operator=(const WaitingWriters &) = delete;

    // This connection waits for the write lock (idempotent; creates the file).
    void markWaiting();
    // It has the lock, or gave up.
    void unmarkWaiting();
    // After a commit: while another connection waits, pause (at most
    // `maxPauseMs`) so that it takes the lock before this one asks again.
    void yieldToWaiters(int maxPauseMs = 250);

    static QString signalPath(const QString &storePath);

private:
    bool openFile(bool create);

    QString m_storePath;
    QString m_path;
    int m_fd = -1;
    bool m_marked = false;
};

} // namespace tw
