#include "ui/panels/searchhitdelegate.h"

#include "models/read/articlelistmodel.h"
#include "models/store/articlesearch.h"
#include "models/text/safetext.h"

#include <QApplication>
#include <QPainter>

namespace tw {

void SearchHitDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant marked = index.data(ArticleListModel::MarkedTitleRole);
    if (!marked.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    paintBackground(painter, option, index);

    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const QPalette &palette = option.palette;
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText);
    // A marker-pen yellow behind matched words reads on light and dark rows;
    // its text stays dark whatever the theme.
    const QColor markBackground(0xff, 0xd8, 0x4d);
    const QColor markText(0x1a, 0x1a, 0x1a);

    QList<MarkedTextPart> parts;
    for (MarkedTextPart &p : splitMarkedText(marked.toString()))
        parts << MarkedTextPart{displaySafe(p.text), p.matched};
    QString plainTitle;
    for (const MarkedTextPart &p : std::as_const(parts))
        plainTitle += p.text;
    QList<MarkedTextPart> snippetParts;
    QString plainSnippet;
    for (MarkedTextPart &p : splitMarkedText(index.data(ArticleListModel::SnippetRole).toString().simplified())) {
        snippetParts << MarkedTextPart{displaySafe(p.text), p.matched};
        plainSnippet += snippetParts.last().text;
    }
    // When only the title matched, the snippet is the title again.
    if (plainSnippet.simplified() == plainTitle.simplified())
        snippetParts.clear();

    const QWidget *widget = option.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect area = option.rect.adjusted(margin, 0, -margin, 0);
    painter->save();
    painter->setClipRect(option.rect);
    QFont plain = option.font;
    QFont bold = plain;
    bold.setBold(true);
    int x = area.left();
    bool full = false;
    // Draws one piece, eliding it at the right edge; false once the edge is reached.
    auto draw = [&](const QString &piece, bool matched, bool dimmed) {
        if (full || piece.isEmpty())
            return;
        painter->setFont(matched ? bold : plain);
        const QFontMetrics fm(painter->font());
        QString shown = piece;
        int width = fm.horizontalAdvance(shown);
        if (x + width > area.right()) {
            shown = fm.elidedText(piece, Qt::ElideRight, area.right() - x);
            width = fm.horizontalAdvance(shown);
            full = true;
        }
        const QRect box(x, area.top(), width, area.height());
        if (matched) {
            painter->fillRect(box.adjusted(0, 2, 0, -2), markBackground);
            painter->setPen(markText);
        } else {
            painter->setPen(dimmed ? dim : text);
        }
        painter->drawText(box, Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine, shown);
        x += width;
    };
    for (const MarkedTextPart &p : std::as_const(parts))
        draw(p.text, p.matched, false);
    if (!snippetParts.isEmpty()) {
        draw(QStringLiteral("  —  "), false, true);
        for (const MarkedTextPart &p : snippetParts)
            draw(p.text, p.matched, true);
    }
    painter->restore();
}

} // namespace tw
