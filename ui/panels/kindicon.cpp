#include "ui/panels/kindicon.h"

#include "ui/theme/themecolors.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace tw {

QImage eventKindImage(const QString &kind, int size, qreal devicePixelRatio)
{
    const EventKindStyle style = eventKindStyle(kind);
    const int px = std::max(8, int(size * devicePixelRatio + 0.5));
    QImage image(px, px, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    // A thin white ring keeps the mark visible on dark backgrounds and over candles.
    const qreal ring = std::max(1.0, px / 16.0);
    p.setBrush(style.color);
    p.setPen(QPen(QColor(255, 255, 255, 230), ring));
    p.drawEllipse(QRectF(ring / 2, ring / 2, px - ring, px - ring));
    p.setPen(Qt::white);
    QFont f = p.font();
    f.setBold(true);
    f.setPixelSize(std::max(6, int(px * 0.58)));
    p.setFont(f);
    p.drawText(QRect(0, 0, px, px), Qt::AlignCenter, QString(style.letter));
    p.end();
    image.setDevicePixelRatio(devicePixelRatio);
    return image;
}

QIcon eventKindIcon(const QString &kind)
{
    static QHash<QString, QIcon> cache;
    const QString key = kind.toLower();
    if (auto it = cache.constFind(key); it != cache.cend())
        return *it;
    QIcon icon;
    icon.addPixmap(QPixmap::fromImage(eventKindImage(key, 16)));
    icon.addPixmap(QPixmap::fromImage(eventKindImage(key, 32)));
    return cache.insert(key, icon).value();
}

} // namespace tw
