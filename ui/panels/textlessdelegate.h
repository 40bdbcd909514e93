#pragma once

#include <QStyledItemDelegate>

namespace tw {

// A delegate that draws its own content over the cell: the style paints the
// row (selection, hover, alternate colour) without the cell's text first, so
// the drawing sits on the same background as every other column.
class TextlessDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void paintBackground(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
};

} // namespace tw
