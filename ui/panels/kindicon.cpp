#include "ui/panels/kindicon.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace tw {

QIcon eventKindIcon(const QString &kind)
{
    static QHash<QString, QIcon> cache;
    const QString key = kind.toLower();
    if (auto it = cache.constFind(key); it != cache.cend())
        return *it;
    static const QHash<QString, QColor> colors{
        {QStringLiteral("product"), QColor(0x29, 0x80, 0xb9)},
        {QStringLiteral("guidance"), QColor(0x8e, 0x44, 0xad)},
        {QStringLiteral("capex"), QColor(0x8e, 0x44, 0xad)},
        {QStringLiteral("deal"), QColor(0x16, 0xa0, 0x85)},
        {QStringLiteral("market"), QColor(0xe6, 0x7e, 0x22)},
        {QStringLiteral("earnings"), QColor(0xd3, 0x54, 0x00)},
        {QStringLiteral("api"), QColor(0x2c, 0x3e, 0x50)},
        {QStringLiteral("rollout"), QColor(0x27, 0xae, 0x60)},
        {QStringLiteral("project"), QColor(0x7f, 0x8c, 0x8d)},
        {QStringLiteral("people"), QColor(0xc0, 0x39, 0x2b)},
    };
    const QColor color = colors.value(key, QColor::fromHsv(int(qHash(key) % 360), 140, 170));
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(color);
    p.setPen(Qt::NoPen);
    p.drawEllipse(1, 1, 30, 30);
    p.setPen(Qt::white);
    QFont f = p.font();
    f.setBold(true);
    f.setPixelSize(18);
    p.setFont(f);
    p.drawText(QRect(0, 0, 32, 32), Qt::AlignCenter, kind.left(1).toUpper());
    p.end();
    return cache.insert(key, QIcon(pixmap)).value();
}

} // namespace tw
