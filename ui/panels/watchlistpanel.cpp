#include "ui/panels/watchlistpanel.h"

#include "models/directory/watchlistadder.h"
#include "ui/dialogs/companycompleter.h"

#include "ui/panels/badge.h"
#include "ui/panels/emptystate.h"
#include "ui/panels/selectionmodel.h"
#include "models/read/corporatescorereader.h"
#include "models/read/watchlistreader.h"
#include "models/store/tickerstore.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSignalBlocker>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tw {

namespace {
enum Column { Symbol, Last, Change, Score, Today, ColumnCount };

QTableWidgetItem *numberItem(const QString &text, const QVariant &sortValue = {})
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    if (sortValue.isValid())
        item->setData(Qt::UserRole, sortValue);
    return item;
}
constexpr int kCompactTextRole = Qt::UserRole + 1;

// The score cell reads "55 Somewhat bullish" when the column has room and
// "55" when it has not: a cut "55 So…" says nothing, while the badge's colour
// and its tooltip still give the label.
class ScoreCellDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QString shownText(const QModelIndex &index, const QRect &rect, const QWidget *widget) const
    {
        QStyleOptionViewItem option;
        option.initFrom(widget);
        option.rect = rect;
        initStyleOption(&option, index);
        return option.text;
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const QString compact = index.data(kCompactTextRole).toString();
        const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
        const int margins = 2 * (style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, option->widget) + 1);
        if (!compact.isEmpty() && option->fontMetrics.horizontalAdvance(option->text) + margins > option->rect.width())
            option->text = compact;
    }
};
} // namespace

WatchlistPanel::WatchlistPanel(QSqlDatabase db, SelectionModel *selection, QWidget *parent)
    : Panel(parent)
    , m_db(std::move(db))
    , m_selection(selection)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_stack(new EmptyStateStack(m_table, this))
    , m_newSymbol(new QLineEdit(this))
    , m_remove(new QPushButton(tr("Remove"), this))
{
    setObjectName(QStringLiteral("watchlistPanel"));
    m_table->setHorizontalHeaderLabels({tr("Ticker"), tr("Last"), tr("Chg %"), tr("Score"), tr("Today")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Score, QHeaderView::Stretch);
    m_table->setItemDelegateForColumn(Score, new ScoreCellDelegate(m_table));
    m_table->horizontalHeaderItem(Today)->setToolTip(tr("Articles published today (UTC) that mention the ticker"));
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);

    m_newSymbol->setPlaceholderText(tr("Add ticker or company…"));
    new CompanyCompleter(m_newSymbol);
    auto *add = new QPushButton(tr("Add"), this);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_newSymbol, 1);
    controls->addWidget(add);
    controls->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_stack, 1);
    layout->addLayout(controls);

    auto addTyped = [this] {
        if (addTicker(m_newSymbol->text()))
            m_newSymbol->clear();
    };
    connect(add, &QPushButton::clicked, this, addTyped);
    connect(m_newSymbol, &QLineEdit::returnPressed, this, addTyped);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row >= 0)
            removeTicker(m_table->item(row, Symbol)->text());
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const int row = m_table->currentRow();
        m_remove->setEnabled(row >= 0);
        if (row >= 0 && m_table->item(row, Symbol))
            m_selection->setTicker(m_table->item(row, Symbol)->text());
    });
    connect(m_selection, &SelectionModel::tickerChanged, this, &WatchlistPanel::selectRowOf);
    addExportAction(m_table);
    reload();
}

Result<ExportQuery> WatchlistPanel::exportQuery() const
{
    return ExportQuery::build(ExportKind::Scores, {m_selection->ticker(), {}, {}});
}

QString WatchlistPanel::exportName() const
{
    const QString ticker = m_selection->ticker();
    return ticker.isEmpty() ? QStringLiteral("scores.csv") : QStringLiteral("scores-%1.csv").arg(ticker);
}

void WatchlistPanel::reload()
{
    auto rows = WatchlistReader(m_db).rows(QDateTime(QDate::currentDate(), QTime(0, 0), Qt::UTC));
    if (!rows) {
        m_stack->showMessage(tr("Cannot read the watchlist: %1").arg(rows.errorMessage()));
        return;
    }
    if (rows->isEmpty()) {
        m_stack->showMessage(tr("The watchlist is empty. Add a ticker below."));
        m_remove->setEnabled(false);
        return;
    }
    m_stack->showContent();
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(int(rows->size()));
    for (int i = 0; i < rows->size(); ++i) {
        const WatchlistRow &r = rows->at(i);
        auto *symbol = new QTableWidgetItem(r.symbol);
        QFont bold = symbol->font();
        bold.setBold(true);
        symbol->setFont(bold);
        symbol->setToolTip(r.name);
        m_table->setItem(i, Symbol, symbol);

        auto *last = numberItem(r.lastClose ? QString::number(*r.lastClose, 'f', 2) : QStringLiteral("–"));
        if (r.lastClose)
            last->setToolTip(
                tr("Close of %1 (%2)")
                    .arg(r.lastTradeDate.toString(Qt::ISODate),
                        r.priceSource == QLatin1String("demo") ? tr("synthetic demo price") : r.priceSource));
        m_table->setItem(i, Last, last);

        auto *change
            = numberItem(r.changePercent ? QString::asprintf("%+.2f%%", *r.changePercent) : QStringLiteral("–"));
        if (r.changePercent)
            change->setForeground(*r.changePercent >= 0 ? QColor(0x2e, 0x9e, 0x4f) : QColor(0xd0, 0x3b, 0x3b));
        m_table->setItem(i, Change, change);

        auto *score
            = new QTableWidgetItem(r.score ? formatCorporateScore(*r.score, r.scoreLabel) : QStringLiteral("–"));
        score->setToolTip(r.score ? tr("Corporate score, newest: %1").arg(score->text()) : tr("Not scored yet"));
        if (r.score) {
            score->setData(kCompactTextRole, score->text().section(QLatin1Char(' '), 0, 0));   // the number
            const QColor c = sentimentColor(r.scoreLabel, *r.score);
            score->setForeground(Qt::white);
            score->setBackground(c);
            QFont f = score->font();
            f.setBold(true);
            score->setFont(f);
        } else {
            score->setForeground(palette().color(QPalette::PlaceholderText));
        }
        score->setTextAlignment(Qt::AlignCenter);
        m_table->setItem(i, Score, score);

        m_table->setItem(i, Today, numberItem(QString::number(r.articlesToday)));
    }
    if (m_selection->ticker().isEmpty())
        m_selection->setTicker(rows->first().symbol);
    selectRowOf(m_selection->ticker());
}

QString WatchlistPanel::shownScoreText(int row) const
{
    const auto *delegate = static_cast<const ScoreCellDelegate *>(m_table->itemDelegateForColumn(Score));
    const QModelIndex index = m_table->model()->index(row, Score);
    return delegate->shownText(index, m_table->visualRect(index), m_table);
}

void WatchlistPanel::selectRowOf(const QString &symbol)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, Symbol) && m_table->item(row, Symbol)->text() == symbol) {
            if (m_table->currentRow() != row)
                m_table->selectRow(row);
            m_remove->setEnabled(true);
            return;
        }
    }
}

bool WatchlistPanel::addTicker(const QString &typed)
{
    if (typed.trimmed().isEmpty())
        return false;
    const QString symbol = CompanyCompleter::resolve(typed);
    if (symbol.isEmpty()) {
        m_lastError = WatchlistAdder::unknownTickerMessage(CompanyCompleter::tickerOf(typed));
        if (isVisible())
            QMessageBox::warning(this, tr("Add ticker"), m_lastError);
        return false;
    }
    auto added = WatchlistAdder(m_db).add(symbol);
    if (!added) {
        m_lastError = added.errorMessage();
        if (isVisible())
            QMessageBox::warning(this, tr("Add ticker"), m_lastError);
        return false;
    }
    m_lastError.clear();
    reload();
    m_selection->setTicker(added->symbol);
    return true;
}

bool WatchlistPanel::removeTicker(const QString &symbol)
{
    // Taken off the watchlist, not deleted: its aliases and history stay.
    TickerStore store(m_db);
    auto existing = store.bySymbol(symbol);
    if (!existing || !existing->has_value())
        return false;
    TickerInfo info = **existing;
    info.onWatchlist = false;
    if (!store.upsert(info))
        return false;
    if (m_selection->ticker() == symbol)
        m_selection->setTicker(QString());
    reload();
    return true;
}

} // namespace tw
