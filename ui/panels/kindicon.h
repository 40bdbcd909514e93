#pragma once

#include <QIcon>
#include <QImage>
#include <QString>

namespace tw {

// A small round icon per event kind: the kind's letter in white on its
// colour (ui/theme/themecolors.h, eventKindStyle), drawn rather than
// shipped, so any new kind still gets an icon. The timeline, the chart's
// markers and legend and the Help page all use it, so one key explains all.
QIcon eventKindIcon(const QString &kind);
// The same mark as an image of `size` device-independent pixels (chart markers).
QImage eventKindImage(const QString &kind, int size, qreal devicePixelRatio = 1.0);

} // namespace tw
