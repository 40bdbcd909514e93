#pragma once

#include <QList>
#include <QObject>
#include <QStyledItemDelegate>

class QAbstractItemView;
class QHeaderView;

namespace tw {

// How much a column matters to the analyst, and so how its width is found.
struct ColumnRule {
    enum Kind {
        Main,   // the text the row is about (a title, an event): takes the room left
        Fit,    // short values (dates, amounts, counts): as wide as they are, up to maxChars
    };
    int column = 0;
    Kind kind = Fit;
    int minChars = 4;    // never narrower than this many average characters
    int maxChars = 24;   // a Fit column never wider (a long value is elided, its tooltip has it all)
    // Where a cut text loses the least: the middle for names whose end
    // matters ("Reuters…Technology", URLs), the right for prose.
    Qt::TextElideMode elide = Qt::ElideRight;
    // A key the row is useless without (a ticker, a date): never narrower
    // than its values, whatever the main column gets.
    bool keepWhole = false;
};

// Gives a table's or tree's columns width by importance: each Fit column the
// width of what it shows (measured on the visible rows, so a million-row list
// costs a page) up to its cap, the Main columns everything else. When the
// view is too narrow for that, the Fit columns give way down to their
// minimum before the main text is cut: at 1366×768 an event title, not its
// amount, keeps the room. Re-fits when the view is resized or its rows change;
// a column the analyst drags keeps its width until the next re-fit.
// Installs a FullTextDelegate on the view (cells whose text is cut show it
// whole in their tooltip), unless the view already has its own.
class ColumnFitter : public QObject {
    Q_OBJECT

public:
    static ColumnFitter *install(QAbstractItemView *view, QHeaderView *header, const QList<ColumnRule> &rules);

    // Runs the fit now (it otherwise runs after resizes and row changes).
    void fit();
    // The share of the width the Main columns get at least, when the Fit
    // columns can give way (they never go below their minimum).
    static constexpr double kMainShare = 0.45;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    ColumnFitter(QAbstractItemView *view, QHeaderView *header, const QList<ColumnRule> &rules);
    void scheduleFit();
    int headerTextWidth(int column) const;

    QAbstractItemView *m_view;
    QHeaderView *m_header;
    QList<ColumnRule> m_rules;
    bool m_scheduled = false;
};

// Elides each column as its ColumnRule says and, for a cell whose text does
// not fit, shows the whole text as its tooltip (when the model gives none).
class FullTextDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    FullTextDelegate(const QList<ColumnRule> &rules, QObject *parent);

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    QList<ColumnRule> m_rules;
};

} // namespace tw
