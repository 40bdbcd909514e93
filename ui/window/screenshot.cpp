#include "ui/window/screenshot.h"

#include <QCoreApplication>
#include <QPixmap>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace tw {

void scheduleScreenshotAndQuit(QWidget *widget, const QString &path, int delayMs)
{
    QTimer::singleShot(delayMs, widget, [widget, path] {
        const QPixmap pixmap = widget->grab();
        const bool saved = pixmap.save(path, "PNG");
        if (!saved)
            std::fprintf(stderr, "tickerwire: cannot write screenshot %s\n", qPrintable(path));
        QCoreApplication::exit(saved ? 0 : 1);
    });
}

} // namespace tw
