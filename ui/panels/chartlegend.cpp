#include "ui/panels/chartlegend.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace tw {

namespace {
constexpr int kGap = 12;     // between entries
constexpr int kMarkGap = 4;  // between a mark and its text
constexpr int kRowGap = 2;
} // namespace

ChartLegend::ChartLegend(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("chartLegend"));
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
}

void ChartLegend::setEntries(const QList<Entry> &entries)
{
    m_entries = entries;
    updateGeometry();
    update();
}

QStringList ChartLegend::texts() const
{
    QStringList out;
    for (const Entry &e : m_entries)
        out << e.text;
    return out;
}

QString ChartLegend::helpText() const
{
    return tr("What do these mean? (F1)");
}

QList<QRect> ChartLegend::layoutFor(int width) const
{
    const QFontMetrics fm(font());
    const int rowHeight = std::max(fm.height(), 14);
    QList<QRect> rects;
    int x = 0;
    int y = 0;
    auto place = [&](int w) {
        if (x > 0 && x + w > width) {
            x = 0;
            y += rowHeight + kRowGap;
        }
        rects << QRect(x, y, w, rowHeight);
        x += w + kGap;
    };
    for (const Entry &e : m_entries) {
        const int markWidth = e.mark.isNull() ? 0 : int(e.mark.width() / e.mark.devicePixelRatio()) + kMarkGap;
        place(markWidth + fm.horizontalAdvance(e.text));
    }
    place(fm.horizontalAdvance(helpText()));
    return rects;
}

int ChartLegend::heightForWidth(int width) const
{
    const QList<QRect> rects = layoutFor(std::max(width, 50));
    return rects.isEmpty() ? 0 : rects.constLast().bottom() + 1;
}

QSize ChartLegend::sizeHint() const
{
    return QSize(400, heightForWidth(width() > 0 ? width() : 400));
}

QSize ChartLegend::minimumSizeHint() const
{
    return QSize(50, heightForWidth(width() > 0 ? width() : 400));
}

void ChartLegend::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QList<QRect> rects = layoutFor(width());
    const QFontMetrics fm(font());
    for (int i = 0; i < m_entries.size(); ++i) {
        const Entry &e = m_entries.at(i);
        QRect r = rects.at(i);
        if (!e.mark.isNull()) {
            const QSize markSize = (QSizeF(e.mark.size()) / e.mark.devicePixelRatio()).toSize();
            p.drawImage(QRect(QPoint(r.left(), r.center().y() - markSize.height() / 2), markSize), e.mark);
            r.setLeft(r.left() + markSize.width() + kMarkGap);
        }
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, e.text);
    }
    QFont link = font();
    link.setUnderline(true);
    p.setFont(link);
    p.setPen(palette().color(QPalette::Link));
    p.drawText(rects.constLast(), Qt::AlignLeft | Qt::AlignVCenter, helpText());
}

void ChartLegend::mouseMoveEvent(QMouseEvent *event)
{
    const QList<QRect> rects = layoutFor(width());
    setCursor(rects.constLast().contains(event->position().toPoint()) ? Qt::PointingHandCursor : Qt::ArrowCursor);
    QWidget::mouseMoveEvent(event);
}

void ChartLegend::mousePressEvent(QMouseEvent *event)
{
    if (layoutFor(width()).constLast().contains(event->position().toPoint()))
        emit helpRequested();
    QWidget::mousePressEvent(event);
}

bool ChartLegend::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QList<QRect> rects = layoutFor(width());
        for (int i = 0; i < m_entries.size(); ++i) {
            if (rects.at(i).contains(help->pos()) && !m_entries.at(i).toolTip.isEmpty()) {
                QToolTip::showText(help->globalPos(), m_entries.at(i).toolTip, this, rects.at(i));
                return true;
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

} // namespace tw
