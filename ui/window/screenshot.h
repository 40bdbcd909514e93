#pragma once

#include <QString>

class QWidget;

namespace tw {

// Renders `widget` to a PNG once the event loop has settled, then quits the
// application with 0 (or 1 if the file could not be written).
void scheduleScreenshotAndQuit(QWidget *widget, const QString &path, int delayMs = 800);

} // namespace tw
