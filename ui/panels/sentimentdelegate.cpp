#include "ui/panels/sentimentdelegate.h"

#include "ui/theme/themecolors.h"

#include "ui/panels/badge.h"
#include "models/read/articlelistmodel.h"

#include <QPainter>

namespace tw {

void SentimentDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant score = index.data(ArticleListModel::ScoreRole);
    if (!score.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    paintBackground(painter, option, index);

    const QString text = index.data(Qt::DisplayRole).toString();
    const QColor color = sentimentColor(index.data(ArticleListModel::LabelRole).toString(), score.toDouble());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm(option.font);
    const int width = std::min(option.rect.width() - 4, fm.horizontalAdvance(text) + 12);
    const QRect badge(option.rect.left() + 2, option.rect.top() + 2, width, option.rect.height() - 4);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRoundedRect(badge, 4, 4);
    painter->setPen(ThemeColors::current().badgeText);
    painter->drawText(badge, Qt::AlignCenter, text);
    painter->restore();
}

} // namespace tw
