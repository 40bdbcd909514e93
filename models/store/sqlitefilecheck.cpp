#include "models/store/sqlitefilecheck.h"

#include <QFile>
#include <QFileInfo>

namespace tw {

namespace {
quint32 bigEndian32(const QByteArray &b, int offset)
{
    return (quint32(quint8(b[offset])) << 24) | (quint32(quint8(b[offset + 1])) << 16)
         | (quint32(quint8(b[offset + 2])) << 8) | quint32(quint8(b[offset + 3]));
}
} // namespace

Result<SqliteHeader> inspectSqliteFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists() || (info.isFile() && info.size() == 0))
        return SqliteHeader{};
    if (!info.isFile())
        return fail(QStringLiteral("%1 is not a file").arg(path));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray header = file.read(100);
    static const QByteArray magic("SQLite format 3\0", 16);
    if (header.size() < 100 || !header.startsWith(magic))
        return fail(QStringLiteral("%1 is not a Tickerwire store (not an SQLite database); it was left untouched").arg(path));

    const quint32 rawPageSize = (quint32(quint8(header[16])) << 8) | quint32(quint8(header[17]));
    const qint64 pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    const quint32 changeCounter = bigEndian32(header, 24);
    const quint32 pageCount = bigEndian32(header, 28);
    const quint32 validFor = bigEndian32(header, 92);
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        return fail(QStringLiteral("%1 is damaged (invalid page size in its header); it was left untouched").arg(path));
    // The in-header page count is trustworthy only when it was written by the
    // same change that the version-valid-for field records.
    if (changeCounter == validFor && pageCount > 0 && info.size() < qint64(pageCount) * pageSize)
        return fail(QStringLiteral("%1 is damaged (truncated: %2 bytes where its header promises %3); it was left untouched")
                        .arg(path).arg(info.size()).arg(qint64(pageCount) * pageSize));

    SqliteHeader result;
    result.exists = true;
    result.userVersion = static_cast<int>(bigEndian32(header, 60));
    return result;
}

} // namespace tw
