#pragma once

#include "ui/panels/textlessdelegate.h"

namespace tw {

// Paints a sentiment cell as a coloured badge ("+0.62 bullish"), reading
// ArticleListModel::ScoreRole and LabelRole.
class SentimentDelegate : public TextlessDelegate {
    Q_OBJECT

public:
    using TextlessDelegate::TextlessDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace tw
