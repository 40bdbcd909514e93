#pragma once

#include "models/core/result.h"

#include <QByteArray>
#include <QString>

namespace tw {

// Reads a local file whole for `tickerwire ingest FILE`, with the same bounds
// as a fetch: at most `maxBytes` (a bigger regular file is refused before a
// byte is read; a FIFO fed from /dev/zero or a device stops at the cap) and
// within `deadlineMs` (a pipe whose writer never finishes, or never starts,
// ends with an error rather than a hang). Memory stays near the cap.
Result<QByteArray> readFileBounded(const QString &path, qint64 maxBytes, int deadlineMs);

} // namespace tw
