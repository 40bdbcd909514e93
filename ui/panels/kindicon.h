#pragma once

#include <QIcon>
#include <QString>

namespace tw {

// A small round icon per event kind (launch, guidance, deal, ...) with its
// initial, drawn rather than shipped, so any new kind still gets one.
QIcon eventKindIcon(const QString &kind);

} // namespace tw
