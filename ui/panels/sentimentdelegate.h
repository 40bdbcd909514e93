#pragma once

#include <QStyledItemDelegate>

namespace tw {

// Paints a sentiment cell as a coloured badge ("+0.62 bullish"), reading
// ArticleListModel::ScoreRole and LabelRole.
class SentimentDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace tw
