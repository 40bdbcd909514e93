#include "feeds/ingest/boundedfileread.h"

#include <QDeadlineTimer>
#include <QFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace tw {

namespace {
constexpr qint64 kChunk = 64 * 1024;

QString mib(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'g', 3);
}

Error overCap(qint64 maxBytes)
{
    return fail(QStringLiteral("larger than the %1 MiB cap; nothing was stored").arg(mib(maxBytes)));
}

#ifdef Q_OS_UNIX
// Closes the descriptor on every way out.
struct Descriptor {
    int fd = -1;
    ~Descriptor()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}
#endif
} // namespace

Result<QByteArray> readFileBounded(const QString &path, qint64 maxBytes, int deadlineMs)
{
#ifdef Q_OS_UNIX
    const QDeadlineTimer deadline(std::max(0, deadlineMs));
    const auto timedOut = [&] {
        return fail(QStringLiteral("not read to its end within %1 s (a pipe or device that does not end?); nothing was stored")
                        .arg(double(deadlineMs) / 1000.0, 0, 'g', 3));
    };
    // Non-blocking, so opening a FIFO nobody writes to does not hang here.
    Descriptor file{::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
    if (file.fd < 0)
        return fail(QStringLiteral("cannot read: %1").arg(systemError(errno)));
    struct stat info {};
    if (::fstat(file.fd, &info) != 0)
        return fail(QStringLiteral("cannot read: %1").arg(systemError(errno)));
    if (S_ISDIR(info.st_mode))
        return fail(QStringLiteral("cannot read: it is a folder"));
    if (S_ISREG(info.st_mode) && info.st_size > maxBytes)
        return fail(QStringLiteral("%1 MiB, larger than the %2 MiB cap; nothing was stored").arg(mib(info.st_size), mib(maxBytes)));

    QByteArray data;
    if (S_ISREG(info.st_mode))
        data.reserve(qsizetype(info.st_size));
    char buffer[kChunk];
    for (;;) {
        pollfd ready{file.fd, POLLIN, 0};
        const qint64 wait = deadline.remainingTime();
        const int polled = ::poll(&ready, 1, int(std::min<qint64>(wait, 1 << 30)));
        if (polled < 0) {
            if (errno == EINTR)
                continue;
            return fail(QStringLiteral("cannot read: %1").arg(systemError(errno)));
        }
        if (polled == 0)
            return timedOut();
        const ssize_t got = ::read(file.fd, buffer, sizeof buffer);
        if (got == 0)
            break;   // the end
        if (got < 0) {
            if (errno == EAGAIN || errno == EINTR)
                continue;
            return fail(QStringLiteral("cannot read: %1").arg(systemError(errno)));
        }
        if (data.size() + got > maxBytes)
            return overCap(maxBytes);
        data.append(buffer, got);
        if (deadline.hasExpired())
            return timedOut();
    }
    return data;
#else
    Q_UNUSED(deadlineMs);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read: %1").arg(file.errorString()));
    const QByteArray data = file.read(maxBytes + 1);
    if (data.size() > maxBytes)
        return overCap(maxBytes);
    return data;
#endif
}

} // namespace tw
