#pragma once

#include "models/core/result.h"

#include <QByteArray>
#include <QUrl>

namespace tw {

// One blocking GET for the command line's `ingest URL` (runs a local event
// loop). The fetch scheduler replaces this for configured feeds.
Result<QByteArray> fetchBlocking(const QUrl &url, int timeoutMs = 30000);

} // namespace tw
