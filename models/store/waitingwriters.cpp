#include "models/store/waitingwriters.h"

#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utility>

namespace tw {

WaitingWriters::WaitingWriters(QString storePath) : m_storePath(std::move(storePath)), m_path(signalPath(m_storePath)) {}

WaitingWriters::~WaitingWriters()
{
    if (m_fd >= 0)
        ::close(m_fd);   // also drops a shared lock still held
}

QString WaitingWriters::signalPath(const QString &storePath)
{
    return storePath + QStringLiteral("-waiting");
}

bool WaitingWriters::openFile(bool create)
{
    if (m_fd >= 0)
        return true;
    const QByteArray path = QFile::encodeName(m_path);
    // The same permissions as the store, so every user who may write the
    // store may also signal on it.
    mode_t mode = 0644;
    struct stat store {};
    if (::stat(QFile::encodeName(m_storePath).constData(), &store) == 0)
        mode = store.st_mode & 0666;
    m_fd = ::open(path.constData(), O_RDWR | O_CLOEXEC | O_NOFOLLOW | (create ? O_CREAT : 0), mode);
    return m_fd >= 0;
}

void WaitingWriters::markWaiting()
{
    if (m_marked || !openFile(true))
        return;
    // Non-blocking: a committing writer holds it exclusively for an instant
    // while it looks; the busy handler calls again a few milliseconds later.
    m_marked = ::flock(m_fd, LOCK_SH | LOCK_NB) == 0;
}

void WaitingWriters::unmarkWaiting()
{
    if (!m_marked)
        return;
    ::flock(m_fd, LOCK_UN);
    m_marked = false;
}

void WaitingWriters::yieldToWaiters(int maxPauseMs)
{
    unmarkWaiting();
    if (!openFile(false))
        return;   // nobody ever waited for this store
    QElapsedTimer paused;
    paused.start();
    // Exclusive succeeds only when no connection holds it shared, i.e. no one waits.
    while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK || paused.elapsed() >= maxPauseMs)
            return;
        QThread::usleep(500);
    }
    ::flock(m_fd, LOCK_UN);
}

} // namespace tw
