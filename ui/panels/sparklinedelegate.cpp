#include "ui/panels/sparklinedelegate.h"

#include "models/scoring/corporatescorer.h"
#include "ui/panels/badge.h"

#include <QPainter>
#include <QPainterPath>

namespace tw {

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return {option.fontMetrics.averageCharWidth() * 9, base.height()};
}

void SparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    paintBackground(painter, option, index);

    const QVariantList values = index.data(ValuesRole).toList();
    if (values.size() < 2)
        return;
    const QRectF area = QRectF(option.rect).adjusted(4, 4, -4, -4);
    auto yOf = [&](double score) { return area.bottom() - std::clamp(score, 0.0, 100.0) / 100.0 * area.height(); };
    const double step = area.width() / double(values.size() - 1);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPen neutral(option.palette.color(QPalette::PlaceholderText), 1, Qt::DotLine);
    painter->setPen(neutral);
    painter->drawLine(QPointF(area.left(), yOf(50)), QPointF(area.right(), yOf(50)));

    QPainterPath path;
    bool inRun = false;
    double last = 50;
    bool any = false;
    QList<QPointF> lonely;   // a day with a score between two gaps: a dot
    for (int i = 0; i < values.size(); ++i) {
        if (!values.at(i).isValid()) {
            inRun = false;
            continue;
        }
        last = values.at(i).toDouble();
        any = true;
        const QPointF p(area.left() + i * step, yOf(last));
        const bool nextHasValue = i + 1 < values.size() && values.at(i + 1).isValid();
        if (!inRun && !nextHasValue)
            lonely << p;
        if (inRun)
            path.lineTo(p);
        else
            path.moveTo(p);
        inRun = true;
    }
    if (any) {
        const QColor colour = sentimentColor(corporateScoreLabel(last), 0);
        painter->setPen(QPen(colour, 1.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(path);
        painter->setBrush(colour);
        for (const QPointF &p : std::as_const(lonely))
            painter->drawEllipse(p, 1.5, 1.5);
    }
    painter->restore();
}

} // namespace tw
