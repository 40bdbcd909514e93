#pragma once

#include "ui/panels/textlessdelegate.h"

namespace tw {

// Paints an article title found by a search: the matched terms marked, and
// after the title, dimmed, the words around the best match in the article
// (ArticleListModel::MarkedTitleRole and SnippetRole), so the analyst sees
// why the row matched. Without a search it paints the plain title.
class SearchHitDelegate : public TextlessDelegate {
    Q_OBJECT

public:
    using TextlessDelegate::TextlessDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace tw
