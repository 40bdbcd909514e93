#include "ui/panels/watchlistpanel.h"

#include "ui/theme/themecolors.h"

#include "models/core/storetime.h"
#include "models/scoring/corporatescorer.h"
#include "models/directory/watchlistadder.h"
#include "ui/dialogs/companycompleter.h"

#include "ui/panels/badge.h"
#include "ui/panels/columnfitter.h"
#include "ui/panels/sparklinedelegate.h"
#include "ui/panels/emptystate.h"
#include "ui/panels/selectionmodel.h"
#include "models/read/corporatescorereader.h"
#include "models/read/watchlistreader.h"
#include "models/store/tickerstore.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
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
enum Column { Symbol, Last, Change, Score, Today, Trend, ColumnCount };

QTableWidgetItem *numberItem(const QString &text, const QVariant &sortValue = {})
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    if (sortValue.isValid())
        item->setData(Qt::UserRole, sortValue);
    return item;
}
constexpr int kCompactTextRole = Qt::UserRole + 1;

// How much a score's badge shows of its colour: full for a score built on
// plenty of fresh evidence, faded for a thin one (one or two stories) and
// more for a stale one, so "71" from one old article does not look like "71"
// from thirty this week. Evidence is the decayed story weight (1 = one fresh,
// fully relevant, confident story).
double badgeStrength(const CorporateScorePoint &point, qint64 nowUtc)
{
    constexpr double kFullEvidence = 4.0;   // about four fresh stories look solid
    // A score stored before evidence was (migration 7) has only its story count.
    const double evidence = point.evidence > 0 ? point.evidence : double(point.articleCount);
    double strength = std::clamp(evidence / kFullEvidence, 0.35, 1.0);
    const auto horizon = parseHorizon(point.horizon);
    const qint64 halfLife = horizon ? horizonHalfLifeMs(*horizon) : 7 * 86400000LL;
    if (point.newestStoryUtc > 0 && nowUtc - point.newestStoryUtc > 2 * halfLife)
        strength *= 0.6;   // stale: the newest story is more than two half-lives old
    return std::max(strength, 0.25);
}

QString day(qint64 utcMs)
{
    return fromStoreTime(utcMs).date().toString(Qt::ISODate);
}

// "May 26", or "May 26, 2025" when not this year.
QString shortDay(qint64 utcMs)
{
    const QDate d = fromStoreTime(utcMs).date();
    return QLocale(QLocale::English).toString(d, d.year() == nowUtc().date().year() ? QStringLiteral("MMM d")
                                                                                    : QStringLiteral("MMM d, yyyy"));
}

constexpr qint64 kStaleAfterMs = 14 * 86400000LL;   // two weeks without a story

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
    : Panel(std::move(db), selection, parent)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_stack(new EmptyStateStack(m_table, this))
    , m_newSymbol(new QLineEdit(this))
    , m_remove(new QPushButton(tr("Remove"), this))
{
    setObjectName(QStringLiteral("watchlistPanel"));
    m_table->setHorizontalHeaderLabels({tr("Ticker"), tr("Last"), tr("Chg %"), tr("Score"), tr("Today"), tr("30 days")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setItemDelegateForColumn(Score, new ScoreCellDelegate(m_table));
    m_table->setItemDelegateForColumn(Trend, new SparklineDelegate(m_table));
    m_table->horizontalHeaderItem(Trend)->setToolTip(
        tr("The corporate score over the 30 days up to its as-of; gaps where the news was insufficient"));
    // The score with its evidence is what the row says: it gets the room.
    ColumnFitter::install(m_table, m_table->horizontalHeader(),
        {{Symbol, ColumnRule::Fit, 4, 10, Qt::ElideRight, true},
         {Last, ColumnRule::Fit, 6, 10, Qt::ElideRight, true},
         {Change, ColumnRule::Fit, 4, 9, Qt::ElideRight, true},
         {Score, ColumnRule::Main, 7},
         {Today, ColumnRule::Fit, 5, 6},
         {Trend, ColumnRule::Fit, 8, 10}});
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
    if (!m_stack->showRows(rows, tr("The watchlist is empty. Add a ticker below."), tr("Cannot read the watchlist: %1"))) {
        if (rows)
            m_remove->setEnabled(false);
        return;
    }
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
            change->setForeground(*r.changePercent >= 0 ? ThemeColors::current().upText : ThemeColors::current().downText);
        m_table->setItem(i, Change, change);

        m_table->setItem(i, Score, scoreItem(r));
        m_table->setItem(i, Trend, trendItem(r));
        m_table->setItem(i, Today, numberItem(QString::number(r.articlesToday)));
    }
    if (m_selection->ticker().isEmpty())
        m_selection->setTicker(rows->first().symbol);
    selectRowOf(m_selection->ticker());
}

QTableWidgetItem *WatchlistPanel::scoreItem(const WatchlistRow &r) const
{
    auto *item = new QTableWidgetItem;
    item->setTextAlignment(Qt::AlignCenter);
    const std::optional<CorporateScorePoint> &p = r.scorePoint;
    if (!r.score) {
        item->setText(QStringLiteral("–"));
        item->setToolTip(tr("Not scored yet"));
        item->setForeground(palette().color(QPalette::PlaceholderText));
        return item;
    }
    if (p && !p->sufficient()) {
        // Too little news for a number to mean anything: no colour, the reason in the tooltip.
        item->setText(tr("— insufficient news"));
        item->setData(kCompactTextRole, QStringLiteral("—"));
        item->setToolTip(tr("Insufficient news (%1 term): %2\nAs of %3")
                             .arg(p->horizon, p->insufficientReason, day(p->asOfUtc)));
        item->setForeground(palette().color(QPalette::PlaceholderText));
        item->setData(kStrengthRole, 0.0);
        return item;
    }
    const QString label = formatCorporateScore(*r.score, r.scoreLabel);
    const QString number = label.section(QLatin1Char(' '), 0, 0);
    if (p) {
        item->setText(tr("%1 · %n stories", nullptr, p->articleCount).arg(label));
        item->setData(kCompactTextRole, QStringLiteral("%1 · %2").arg(number).arg(p->articleCount));
        // A score whose newest story is weeks old says when it was news, so it
        // is not read as today's (the chart's read-out then says "insufficient
        // news" for today, as the evidence has aged out).
        const qint64 newest = p->newestStoryUtc > 0 ? p->newestStoryUtc : p->asOfUtc;
        if (newest > 0 && nowUtc().toMSecsSinceEpoch() - newest > kStaleAfterMs) {
            item->setText(tr("%1 · %n stories · %2", nullptr, p->articleCount).arg(label, shortDay(newest)));
            item->setData(kCompactTextRole, QStringLiteral("%1 · %2").arg(number, shortDay(newest)));   // its age matters more than its count
        }
        QString tip = tr("Corporate score %1 (%2 term), as of %3\n%n distinct stories, evidence %4 "
                         "(1 = one fresh, fully relevant story)", nullptr, p->articleCount)
                          .arg(label, p->horizon, day(p->asOfUtc))
                          .arg(p->evidence, 0, 'f', 1);
        if (p->newestStoryUtc > 0)
            tip += tr("\nNewest story %1").arg(day(p->newestStoryUtc));
        const double strength = badgeStrength(*p, nowUtc().toMSecsSinceEpoch());
        if (strength < 1.0)
            tip += tr("\nShown faded: %1").arg((p->evidence > 0 ? p->evidence : p->articleCount) < 4.0 ? tr("thin evidence") : tr("no recent stories"));
        item->setToolTip(tip);
        item->setData(kStrengthRole, strength);
    } else {
        item->setText(label);
        item->setData(kCompactTextRole, number);
        item->setToolTip(tr("Corporate score, newest: %1").arg(label));
        item->setData(kStrengthRole, 1.0);
    }
    const double strength = item->data(kStrengthRole).toDouble();
    // Faded towards the table's background rather than transparent, so the
    // text keeps its contrast: white on a strong badge, dark on a faint one.
    const QColor full = sentimentColor(r.scoreLabel, *r.score);
    const QColor base = palette().color(QPalette::Base);
    auto mix = [strength](int a, int b) { return int(a + (b - a) * strength); };
    item->setBackground(QColor(mix(base.red(), full.red()), mix(base.green(), full.green()), mix(base.blue(), full.blue())));
    item->setForeground(strength >= 0.6 ? ThemeColors::current().badgeText : palette().color(QPalette::Text));
    QFont f = item->font();
    f.setBold(strength >= 0.6);
    item->setFont(f);
    return item;
}

QTableWidgetItem *WatchlistPanel::trendItem(const WatchlistRow &r) const
{
    auto *item = new QTableWidgetItem;
    if (r.recentDays.isEmpty()) {
        item->setToolTip(tr("No score history yet"));
        return item;
    }
    QVariantList values;
    int gaps = 0;
    for (const DailyCorporateScore &d : r.recentDays) {
        values << (d.hasEvidence ? QVariant(d.score) : QVariant());
        gaps += d.hasEvidence ? 0 : 1;
    }
    item->setData(SparklineDelegate::ValuesRole, values);
    QString tip = tr("Corporate score, %1 to %2")
                      .arg(r.recentDays.first().day.toString(Qt::ISODate), r.recentDays.last().day.toString(Qt::ISODate));
    if (gaps == r.recentDays.size())
        tip += tr("\nInsufficient news on every day: no line");
    else if (gaps > 0)
        tip += tr("\nGaps: %n day(s) with insufficient news", nullptr, gaps);
    item->setToolTip(tip);
    return item;
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
