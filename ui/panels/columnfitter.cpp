#include "ui/panels/columnfitter.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QHelpEvent>
#include <QTimer>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace tw {

ColumnFitter *ColumnFitter::install(QAbstractItemView *view, QHeaderView *header, const QList<ColumnRule> &rules)
{
    auto *fitter = new ColumnFitter(view, header, rules);
    if (!view->itemDelegate() || view->itemDelegate()->metaObject() == &QStyledItemDelegate::staticMetaObject)
        view->setItemDelegate(new FullTextDelegate(rules, view));
    return fitter;
}

ColumnFitter::ColumnFitter(QAbstractItemView *view, QHeaderView *header, const QList<ColumnRule> &rules)
    : QObject(view), m_view(view), m_header(header), m_rules(rules)
{
    setObjectName(QStringLiteral("columnFitter"));
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    for (const ColumnRule &r : rules) {
        if (r.kind == ColumnRule::Main)
            header->setSectionResizeMode(r.column, QHeaderView::Stretch);
    }
    view->viewport()->installEventFilter(this);
    view->installEventFilter(this);
    if (QAbstractItemModel *model = view->model()) {
        connect(model, &QAbstractItemModel::modelReset, this, &ColumnFitter::scheduleFit);
        connect(model, &QAbstractItemModel::layoutChanged, this, &ColumnFitter::scheduleFit);
        connect(model, &QAbstractItemModel::rowsInserted, this, &ColumnFitter::scheduleFit);
        connect(model, &QAbstractItemModel::dataChanged, this, &ColumnFitter::scheduleFit);
    }
    scheduleFit();
}

bool ColumnFitter::eventFilter(QObject *watched, QEvent *event)
{
    if ((watched == m_view->viewport() && event->type() == QEvent::Resize)
        || (watched == m_view && event->type() == QEvent::Show))
        scheduleFit();
    return QObject::eventFilter(watched, event);
}

void ColumnFitter::scheduleFit()
{
    if (m_scheduled)
        return;
    m_scheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_scheduled = false;
        fit();
    });
}

int ColumnFitter::headerTextWidth(int column) const
{
    const QString text = m_view->model()->headerData(column, m_header->orientation()).toString();
    const int margin = m_header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, m_header);
    return m_header->fontMetrics().horizontalAdvance(text) + 2 * margin + 2;
}

void ColumnFitter::fit()
{
    const int available = m_view->viewport()->width();
    if (available <= 0 || !m_view->model())
        return;
    const int charWidth = std::max(1, m_view->fontMetrics().averageCharWidth());
    struct Fit {
        int column;
        int want;
        int min;
    };
    QList<Fit> fits;
    int mainMin = 0;
    int others = 0;   // columns no rule names keep their width
    for (int c = 0; c < m_header->count(); ++c) {
        if (m_header->isSectionHidden(c))
            continue;
        const auto rule = std::find_if(m_rules.cbegin(), m_rules.cend(), [c](const ColumnRule &r) { return r.column == c; });
        if (rule == m_rules.cend()) {
            others += m_header->sectionSize(c);
            continue;
        }
        if (rule->kind == ColumnRule::Main) {
            mainMin += rule->minChars * charWidth;
            continue;
        }
        // A value column keeps its header's words whole ("Today", not "oday"):
        // a cut value has its tooltip, a cut header has none.
        const int min = std::max(rule->minChars * charWidth, headerTextWidth(c));
        // What the visible rows show (the views measure only those) or the header, whichever is wider.
        const int content = std::max(m_view->sizeHintForColumn(c), m_header->sectionSizeHint(c));
        // A key is as wide as its widest value; other values are capped
        // (digits and capitals are wider than the average character).
        const int want = rule->keepWhole ? std::max(content, min)
                                         : std::clamp(content, min, std::max(min, rule->maxChars * charWidth));
        fits.append({c, want, rule->keepWhole ? want : min});
    }
    mainMin = std::max(mainMin, int(kMainShare * available));
    int wanted = others;
    int slack = 0;
    for (const Fit &f : std::as_const(fits)) {
        wanted += f.want;
        slack += f.want - f.min;
    }
    // Too narrow for every value whole: the values give way (to their
    // minimum, proportionally to what they can give) before the main text does.
    const int excess = wanted + mainMin - available;
    const double give = excess > 0 && slack > 0 ? std::min(1.0, double(excess) / slack) : 0.0;
    for (const Fit &f : std::as_const(fits))
        m_header->resizeSection(f.column, f.want - int(std::ceil(give * (f.want - f.min))));
}

FullTextDelegate::FullTextDelegate(const QList<ColumnRule> &rules, QObject *parent)
    : QStyledItemDelegate(parent), m_rules(rules)
{
}

void FullTextDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    for (const ColumnRule &r : m_rules) {
        if (r.column == index.column())
            option->textElideMode = r.elide;
    }
}

bool FullTextDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                                 const QModelIndex &index)
{
    if (event && view && event->type() == QEvent::ToolTip && index.isValid()
        && index.data(Qt::ToolTipRole).isNull()) {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QStyle *style = view->style();
        const int margins = 2 * (style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1);
        const int iconWidth = opt.features.testFlag(QStyleOptionViewItem::HasDecoration) ? opt.decorationSize.width() + margins : 0;
        if (!opt.text.isEmpty() && opt.fontMetrics.horizontalAdvance(opt.text) + margins + iconWidth > opt.rect.width()) {
            QToolTip::showText(event->globalPos(), opt.text, view, opt.rect);
            return true;
        }
        QToolTip::hideText();
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace tw
