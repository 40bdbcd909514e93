#include "ui/panels/filingbadge.h"

#include <QFont>
#include <QPainter>
#include <QPixmap>

namespace tw {

QIcon filingBadge(const QString &form)
{
    const QString text = form.isEmpty() ? QStringLiteral("SEC") : form.section(QLatin1Char('/'), 0, 0);
    QPixmap pixmap(34, 16);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x1f, 0x4e, 0x79));   // the SEC's navy
    p.drawRoundedRect(QRectF(0.5, 0.5, 33, 15), 3, 3);
    QFont font = p.font();
    font.setPixelSize(10);
    font.setBold(true);
    p.setFont(font);
    p.setPen(Qt::white);
    p.drawText(pixmap.rect(), Qt::AlignCenter, text);
    p.end();
    return QIcon(pixmap);
}

} // namespace tw
