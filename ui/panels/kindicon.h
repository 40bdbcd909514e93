#pragma once

#include <QIcon>
#include <QString>

namespace tw {

// A small round icon per event kind (product, guidance, deal, market, ...),
// drawn rather than shipped, so any new kind still gets a distinct icon.
QIcon eventKindIcon(const QString &kind);

} // namespace tw
