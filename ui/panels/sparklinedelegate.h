#pragma once

#include "ui/panels/textlessdelegate.h"

namespace tw {

// Paints a small line of a score over days (0-100, one value a day) from the
// cell's SparklineDelegate::ValuesRole: a QVariantList where an invalid
// value is a day without enough evidence, drawn as a gap, never as 50. A
// dotted line marks neutral (50); the line takes the colour of its last value.
class SparklineDelegate : public TextlessDelegate {
    Q_OBJECT

public:
    static constexpr int ValuesRole = Qt::UserRole + 20;

    using TextlessDelegate::TextlessDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace tw
