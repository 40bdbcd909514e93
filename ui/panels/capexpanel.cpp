#include "panels/capexpanel.h"

#include "panels/emptystate.h"
#include "panels/selectionmodel.h"

#include <QCandlestickSeries>
#include <QCandlestickSet>
#include <QChartView>
#include <QDateTimeAxis>
#include <QHeaderView>
#include <QLegendMarker>
#include <QRegularExpression>
#include <QScatterSeries>
#include <QSplitter>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace tw {

namespace {
int yearOf(const EventRow &e)
{
    static const QRegularExpression year(QStringLiteral("(19|20)\\d\\d"));
    const QRegularExpressionMatch m = year.match(e.period);
    if (m.hasMatch())
        return m.captured(0).toInt();
    return e.firstDay().year();
}

bool isGuidance(const EventRow &e)
{
    const QString basis = e.basis.toLower();
    if (basis.contains(QLatin1String("actual")) || basis.contains(QLatin1String("report")))
        return false;
    if (basis.contains(QLatin1String("guid")) || basis.contains(QLatin1String("forecast")) || basis.contains(QLatin1String("plan")))
        return true;
    return e.kind.toLower().contains(QLatin1String("guid"));
}

qint64 midYearMs(int year, int monthOffset)
{
    return QDateTime(QDate(year, 7, 1).addMonths(monthOffset), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

const QColor kActual(0x34, 0x98, 0xdb);
const QColor kGuidance(0x8e, 0x44, 0xad);
} // namespace

QList<CapexFigure> CapexPanel::toFigures(const QList<EventRow> &events)
{
    // Per (year, basis) the most recently reported figure: a revised guidance
    // replaces the earlier one.
    QMap<std::pair<int, bool>, CapexFigure> latest;
    for (const EventRow &e : events) {
        const int year = yearOf(e);
        if (year <= 0)
            continue;
        CapexFigure f;
        f.year = year;
        f.guidance = isGuidance(e);
        f.low = e.inBillions(e.amountLow.value_or(e.amountHigh.value_or(0)));
        f.high = e.inBillions(e.amountHigh.value_or(e.amountLow.value_or(0)));
        f.date = e.eventDate;
        const auto key = std::make_pair(year, f.guidance);
        if (!latest.contains(key) || latest.value(key).date <= f.date)
            latest.insert(key, f);
    }
    QList<CapexFigure> out = latest.values();
    std::sort(out.begin(), out.end(), [](const CapexFigure &a, const CapexFigure &b) {
        return a.year != b.year ? a.year < b.year : (!a.guidance && b.guidance);
    });
    return out;
}

CapexPanel::CapexPanel(QSqlDatabase db, SelectionModel *selection, QWidget *parent)
    : QWidget(parent), m_db(std::move(db)), m_selection(selection), m_view(new QChartView(this)),
      m_table(new QTableWidget(0, 5, this))
{
    setObjectName(QStringLiteral("capexPanel"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(160);
    m_table->setHorizontalHeaderLabels({tr("Year"), tr("Figure"), tr("Range ($bn)"), tr("Midpoint"), tr("Change")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setShowGrid(false);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(m_table);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    m_stack = new EmptyStateStack(split, this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_stack);
    connect(m_selection, &SelectionModel::tickerChanged, this, &CapexPanel::reload);
    reload();
}

QString CapexPanel::emptyMessage() const
{
    return m_stack->message();
}

void CapexPanel::reload()
{
    const QString ticker = m_selection->ticker();
    m_figures.clear();
    if (ticker.isEmpty()) {
        m_stack->showMessage(tr("Select a ticker to see its capex guidance."));
        return;
    }
    auto events = EventReader(m_db).capex(ticker);
    if (!events) {
        m_stack->showMessage(tr("Cannot read guidance: %1").arg(events.errorMessage()));
        return;
    }
    m_figures = toFigures(*events);
    if (m_figures.isEmpty()) {
        m_stack->showMessage(tr("No capex guidance or actuals extracted yet for %1.").arg(ticker));
        return;
    }
    m_stack->showContent();
    draw();
}

void CapexPanel::draw()
{
    auto *chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    // Floating boxes on a date axis are candlesticks: open = low, close =
    // high draws the guidance range; an actual is a box from zero.
    auto *actual = new QCandlestickSeries(chart);
    actual->setName(tr("Actual"));
    actual->setIncreasingColor(kActual);
    actual->setBodyWidth(0.9);
    auto *guidance = new QCandlestickSeries(chart);
    guidance->setName(tr("Guidance range"));
    guidance->setIncreasingColor(kGuidance.lighter(150));
    guidance->setPen(QPen(kGuidance, 2));
    guidance->setBodyWidth(0.9);
    auto *mid = new QScatterSeries(chart);
    mid->setName(tr("Guidance midpoint"));
    mid->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    mid->setMarkerSize(10);
    mid->setColor(kGuidance);
    mid->setPointLabelsVisible(true);
    mid->setPointLabelsFormat(QStringLiteral("$@yPointB mid"));
    mid->setPointLabelsClipping(false);

    int firstYear = m_figures.first().year;
    int lastYear = m_figures.last().year;
    double top = 0;
    for (const CapexFigure &f : std::as_const(m_figures)) {
        top = std::max(top, f.high);
        if (f.guidance) {
            const qreal x = qreal(midYearMs(f.year, 1));
            guidance->append(new QCandlestickSet(f.low, f.high, f.low, std::max(f.high, f.low + top * 0.004), x));
            mid->append(x, f.midpoint());
        } else {
            actual->append(new QCandlestickSet(0, f.high, 0, f.high, qreal(midYearMs(f.year, -1))));
        }
    }
    chart->addSeries(actual);
    chart->addSeries(guidance);
    chart->addSeries(mid);
    auto *x = new QDateTimeAxis(chart);
    x->setFormat(QStringLiteral("yyyy"));
    x->setRange(QDateTime(QDate(firstYear, 1, 1), QTime(0, 0), Qt::UTC), QDateTime(QDate(lastYear + 1, 1, 1), QTime(0, 0), Qt::UTC));
    x->setTickCount(lastYear - firstYear + 2);
    auto *y = new QValueAxis(chart);
    y->setRange(0, top * 1.15);
    y->setLabelFormat(QStringLiteral("$%.0fB"));
    y->setTitleText(tr("Capex, USD billions"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    // Empty series add nothing to the legend but noise.
    for (QLegendMarker *marker : chart->legend()->markers()) {
        if (auto *c = qobject_cast<QCandlestickSeries *>(marker->series()); c && c->count() == 0)
            marker->setVisible(false);
    }
    QChart *old = m_view->chart();
    m_view->setChart(chart);
    delete old;

    m_table->setRowCount(int(m_figures.size()));
    const CapexFigure *previous = nullptr;
    for (int i = 0; i < m_figures.size(); ++i) {
        const CapexFigure &f = m_figures.at(i);
        m_table->setItem(i, 0, new QTableWidgetItem(QString::number(f.year)));
        m_table->setItem(i, 1, new QTableWidgetItem(f.guidance ? tr("guidance (%1)").arg(f.date) : tr("actual")));
        m_table->setItem(i, 2, new QTableWidgetItem(f.low == f.high ? QString::number(f.high, 'f', 1)
                                                                    : QStringLiteral("%1–%2").arg(f.low, 0, 'f', 1).arg(f.high, 0, 'f', 1)));
        m_table->setItem(i, 3, new QTableWidgetItem(QString::number(f.midpoint(), 'f', 1)));
        QString change;
        if (previous && previous->midpoint() > 0)
            change = QString::asprintf("%+.0f%% vs %d %s", (f.midpoint() / previous->midpoint() - 1.0) * 100.0,
                                       previous->year, previous->guidance ? "guidance" : "actual");
        m_table->setItem(i, 4, new QTableWidgetItem(change));
        previous = &f;
    }
}

} // namespace tw
