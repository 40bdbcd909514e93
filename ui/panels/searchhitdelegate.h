#pragma once

#include <QStyledItemDelegate>

namespace tw {

// Paints an article title found by a search: the matched terms marked, and
// after the title, dimmed, the words around the best match in the article
// (ArticleListModel::MarkedTitleRole and SnippetRole), so the analyst sees
// why the row matched. Without a search it paints the plain title.
class SearchHitDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace tw
