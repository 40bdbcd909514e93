#include "ui/panels/kindicon.h"

#include "models/events/eventtypes.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace tw {

namespace {
// Every kind its own colour (a kind the event stage adds later gets one from
// its name).
QColor colorOf(EventKind kind)
{
    switch (kind) {
    case EventKind::Launch: return QColor(0xaa, 0x4d, 0x74);
    case EventKind::Guidance: return QColor(0x8e, 0x44, 0xad);
    case EventKind::Deal: return QColor(0x16, 0xa0, 0x85);
    case EventKind::PriceMove: return QColor(0xaa, 0x4d, 0x5c);
    case EventKind::Leadership: return QColor(0xaa, 0x72, 0x4d);
    case EventKind::Legal: return QColor(0xaa, 0x4d, 0xa2);
    case EventKind::Ranking: return QColor(0x4d, 0x5e, 0xaa);
    case EventKind::Actual: return QColor(0xaa, 0x4d, 0x58);
    // The kinds only companies' 8-K filings report.
    case EventKind::Results: return QColor(0x2e, 0x86, 0xab);
    case EventKind::Restructuring: return QColor(0x8a, 0x7a, 0x3d);
    case EventKind::CyberIncident: return QColor(0xb0, 0x3a, 0x2e);
    case EventKind::Other: return QColor(0x7f, 0x8c, 0x8d);
    }
    return Qt::gray;
}
} // namespace

QIcon eventKindIcon(const QString &kind)
{
    static QHash<QString, QIcon> cache;
    const QString key = kind.toLower();
    if (auto it = cache.constFind(key); it != cache.cend())
        return *it;
    const auto known = eventKindFromId(key);
    const QColor color = known ? colorOf(*known) : QColor::fromHsv(int(qHash(key) % 360), 140, 170);
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
