#include "ui/panels/capexpanel.h"

#include "models/events/guidancehistory.h"
#include "models/store/reportedfigurestore.h"
#include "ui/panels/axisticks.h"
#include "ui/panels/badge.h"
#include "ui/panels/columnfitter.h"
#include "ui/panels/emptystate.h"
#include "ui/panels/selectionmodel.h"
#include "ui/theme/themecolors.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChartView>
#include <QEvent>
#include <QGraphicsSimpleTextItem>
#include <QHorizontalStackedBarSeries>
#include <QHeaderView>
#include <QLegendMarker>
#include <QRegularExpression>
#include <QScatterSeries>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

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
    if (basis.contains(QLatin1String("guid")) || basis.contains(QLatin1String("forecast"))
        || basis.contains(QLatin1String("plan")))
        return true;
    return e.kind.toLower().contains(QLatin1String("guid"));
}

QString billions(double v)
{
    // 72 -> "72", 39.2 -> "39.2": the precision the figure was reported in.
    return std::abs(v - std::round(v)) < 0.05 ? QString::number(v, 'f', 0) : QString::number(v, 'f', 1);
}
} // namespace

QList<CapexFigure> CapexPanel::toFigures(const QList<EventRow> &events, const QList<ReportedFigure> &reported)
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
        f.source = QStringLiteral("news");
        const auto key = std::make_pair(year, f.guidance);
        if (!latest.contains(key) || latest.value(key).date <= f.date)
            latest.insert(key, f);
    }
    // A year the company reported in its 10-K: the filing's figure stands,
    // the news's is kept beside it.
    static const QRegularExpression fiscalYear(QStringLiteral("^(?:19|20)\\d\\d$"));
    for (const ReportedFigure &r : reported) {
        if (r.metric != QLatin1String("capex") || !fiscalYear.match(r.period).hasMatch())
            continue;
        CapexFigure f;
        f.year = r.period.toInt();
        f.low = f.high = r.value / 1e9;
        f.date = r.filed.toString(Qt::ISODate);
        f.reported = true;
        f.source = r.sourceText();
        const auto key = std::make_pair(f.year, false);
        if (latest.contains(key) && !latest.value(key).reported)
            f.newsFigure = latest.value(key).high;
        latest.insert(key, f);
    }
    // Each actual against its year's guided range.
    for (auto it = latest.begin(); it != latest.end(); ++it) {
        const auto guided = latest.constFind(std::make_pair(it.key().first, true));
        if (!it->guidance && guided != latest.constEnd())
            it->verdict = guidanceVerdict(guided->low, guided->high, it->high, it->reported);
    }
    QList<CapexFigure> out = latest.values();
    // By year; a year's guidance before its result.
    std::sort(out.begin(), out.end(), [](const CapexFigure &a, const CapexFigure &b) {
        return a.year != b.year ? a.year < b.year : (a.guidance && !b.guidance);
    });
    return out;
}

CapexPanel::CapexPanel(QSqlDatabase db, SelectionModel *selection, QWidget *parent)
    : Panel(std::move(db), selection, parent)
    , m_view(new QChartView(this))
    , m_table(new QTableWidget(0, 6, this))
{
    setObjectName(QStringLiteral("capexPanel"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(160);
    m_table->setHorizontalHeaderLabels(
        {tr("Year"), tr("Figure"), tr("$bn"), tr("Mid"), tr("Change"), tr("Verdict")});
    // Short headers leave the figure room in a 400-px dock; the tooltips say them whole.
    m_table->horizontalHeaderItem(2)->setToolTip(tr("The guided range or the figure, in billions of US dollars"));
    m_table->horizontalHeaderItem(3)->setToolTip(tr("Midpoint of the guided range, in billions of US dollars"));
    m_table->horizontalHeaderItem(4)->setToolTip(tr("Change of the midpoint against the figure before it in time"));
    m_table->horizontalHeaderItem(5)->setToolTip(
        tr("Where the reported figure landed against the year's last guided range"));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The figures stay whole (they are what the table is for); what each
    // figure is and the verdict take the rest, cut with a tooltip when narrow.
    ColumnFitter::install(m_table, m_table->horizontalHeader(),
                          {{0, ColumnRule::Fit, 4, 6, Qt::ElideRight, true},
                           {1, ColumnRule::Main, 8},
                           {2, ColumnRule::Fit, 5, 12, Qt::ElideRight, true},
                           {3, ColumnRule::Fit, 3, 6, Qt::ElideRight, true},
                           {4, ColumnRule::Fit, 6, 14, Qt::ElideRight, true},
                           {5, ColumnRule::Fit, 7, 28}});
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);   // one line a figure: its whole text is in the tooltip
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
    addExportAction(m_table);
    addExportAction(m_view);
    reload();
}

Result<ExportQuery> CapexPanel::exportQuery() const
{
    if (m_selection->ticker().isEmpty())
        return fail(tr("Select a ticker to export its capex guidance."));
    return ExportQuery::capexHistory(m_selection->ticker());
}

QString CapexPanel::exportName() const
{
    return QStringLiteral("capex-%1.csv").arg(m_selection->ticker());
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
    auto reported = ReportedFigureStore(m_db).figures(ticker, QStringLiteral("capex"));
    if (!reported) {
        m_stack->showMessage(tr("Cannot read reported figures: %1").arg(reported.errorMessage()));
        return;
    }
    m_figures = toFigures(*events, *reported);
    if (m_figures.isEmpty()) {
        m_stack->showMessage(tr("No capex guidance or actuals extracted yet for %1.").arg(ticker));
        return;
    }
    m_stack->showContent();
    draw();
}

void CapexPanel::draw()
{
    const ThemeColors &c = ThemeColors::forPalette(palette());
    const QColor actualColor = eventKindStyle(QStringLiteral("actual")).color;
    const QColor guidanceColor = eventKindStyle(QStringLiteral("guidance")).color;
    auto *chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->setBackgroundBrush(c.chartBackground);
    chart->setBackgroundPen(Qt::NoPen);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setLabelColor(c.axisText);
    // Years run down the left (read top to bottom, oldest first) and amounts
    // to the right, so each figure's label has room beside its bar and the
    // year labels are never squeezed into a column. A guidance range floats
    // on a transparent base (stacked bars); an actual stands from zero.
    auto *bars = new QHorizontalStackedBarSeries(chart);
    auto *base = new QBarSet(QString(), bars);
    base->setColor(Qt::transparent);
    base->setBorderColor(Qt::transparent);
    auto *actual = new QBarSet(tr("Actual"), bars);
    actual->setColor(actualColor);
    actual->setBorderColor(actualColor);
    auto *range = new QBarSet(tr("Guidance range"), bars);
    QColor rangeFill = guidanceColor;
    rangeFill.setAlpha(c.isDark ? 140 : 90);
    range->setColor(rangeFill);
    range->setBorderColor(guidanceColor);
    auto *mid = new QScatterSeries(chart);
    mid->setName(tr("Guidance midpoint"));
    mid->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    mid->setMarkerSize(9);
    mid->setColor(guidanceColor);
    mid->setBorderColor(c.isDark ? QColor(Qt::white) : guidanceColor.darker(150));

    // The chart shows the recent years, where guidance meets results; a
    // filer's decade of 10-K figures stays in the table below.
    const int newestYear = m_figures.constLast().year;
    QList<CapexFigure> shown;
    for (const CapexFigure &f : std::as_const(m_figures))
        if (f.year > newestYear - kChartYears)
            shown << f;
    // Bar category 0 is drawn at the bottom: the newest figure goes first.
    QStringList categories;
    double top = 0;
    const int n = int(shown.size());
    for (int row = 0; row < n; ++row) {
        const CapexFigure &f = shown.at(n - 1 - row);
        if (f.guidance)
            categories << tr("%1 guidance").arg(f.year);
        else if (f.reported)
            categories << tr("%1 reported").arg(f.year);   // the 10-K's figure
        else
            categories << tr("%1 actual (news)").arg(f.year);
        top = std::max(top, f.high);
        if (f.guidance) {
            *base << f.low;
            *actual << 0;
            *range << std::max(f.high - f.low, 0.0);
            mid->append(f.midpoint(), row);
        } else {
            *base << 0;
            *actual << f.high;
            *range << 0;
        }
    }
    bars->append(base);
    bars->append(actual);
    bars->append(range);
    bars->setBarWidth(0.55);
    chart->addSeries(bars);
    chart->addSeries(mid);
    auto *y = new QBarCategoryAxis(chart);
    y->append(categories);
    auto *x = new QValueAxis(chart);
    m_top = std::max(top, 1.0);
    x->setRange(0, m_top * 1.25);   // placeLabels widens it to fit the labels
    x->setLabelFormat(QStringLiteral("$%.0fB"));
    x->setTitleText(shown.size() < m_figures.size()
                        ? tr("Capex, USD billions, %1–%2")
                              .arg(shown.constFirst().year)
                              .arg(newestYear)
                        : tr("Capex, USD billions"));
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(x), static_cast<QAbstractAxis *>(y)}) {
        axis->setLabelsColor(c.axisText);
        axis->setTitleBrush(c.axisText);
        axis->setGridLineColor(c.gridLine);
        axis->setLinePenColor(c.axisLine);
    }
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    // The transparent base is not a thing to explain.
    const QList<QLegendMarker *> markers = chart->legend()->markers();
    for (QLegendMarker *marker : markers) {
        if (marker->label().isEmpty())
            marker->setVisible(false);
    }

    // Each figure's label, beside the end of its bar: "$72B", or for a
    // guidance "$115–135B range" over "mid $125B".
    m_labels.clear();
    for (int row = 0; row < n; ++row) {
        const CapexFigure &f = shown.at(n - 1 - row);
        const QString text = f.guidance && f.high > f.low
            ? tr("$%1–%2B range\nmid $%3B").arg(billions(f.low), billions(f.high), billions(f.midpoint()))
            : f.verdict.contains(QLatin1String(": "))
            ? tr("$%1B · %2").arg(billions(f.high), f.verdict.section(QStringLiteral(": "), -1))   // "inside the range"
            : tr("$%1B").arg(billions(f.high));
        auto *label = new QGraphicsSimpleTextItem(text, chart);
        label->setBrush(c.axisText);
        label->setZValue(10);
        m_labels << FigureLabel{label, row, f.high, f.guidance};
    }
    m_midSeries = mid;
    m_valueAxis = x;
    m_barSeries = bars;
    connect(chart, &QChart::plotAreaChanged, this, &CapexPanel::placeLabels);

    QChart *old = m_view->chart();
    m_view->setChart(chart);
    delete old;
    placeLabels();

    m_table->setRowCount(int(m_figures.size()));
    const CapexFigure *previous = nullptr;
    // Newest first, as the timeline; each change is against the figure before it in time.
    for (int i = 0; i < m_figures.size(); ++i) {
        const CapexFigure &f = m_figures.at(i);
        const int row = int(m_figures.size()) - 1 - i;
        m_table->setItem(row, 0, new QTableWidgetItem(QString::number(f.year)));
        QString figure = tr("guidance (%1)").arg(f.date);
        if (!f.guidance && f.reported)
            figure = tr("actual \u00b7 reported in %1").arg(f.source);
        else if (!f.guidance)
            figure = tr("actual \u00b7 news (%1)").arg(f.date);
        if (f.newsFigure && std::abs(*f.newsFigure - f.high) > 0.0005)
            figure += tr("; the news said %1").arg(QString::number(*f.newsFigure, 'f', 1));
        m_table->setItem(row, 1, new QTableWidgetItem(figure));
        // Figures at the precision they were given in: "115–135", "72", a 10-K's "52.535".
        m_table->setItem(row, 2,
            new QTableWidgetItem(f.low == f.high
                    ? (f.reported ? QString::number(f.high, 'f', 3) : billions(f.high))
                    : QStringLiteral("%1–%2").arg(billions(f.low), billions(f.high))));
        m_table->setItem(row, 3, new QTableWidgetItem(billions(f.midpoint())));
        QString change;
        QString changeTip;
        if (previous && previous->midpoint() > 0) {
            const QString pct = QString::asprintf("%+.0f%%", (f.midpoint() / previous->midpoint() - 1.0) * 100.0);
            change = tr("%1 vs %2").arg(pct).arg(previous->year);
            changeTip = (previous->guidance ? tr("%1 against the %2 guidance") : tr("%1 against the %2 actual"))
                            .arg(pct)
                            .arg(previous->year);
        }
        m_table->setItem(row, 4, new QTableWidgetItem(change));
        m_table->setItem(row, 5, new QTableWidgetItem(f.verdict));
        for (int col = 0; col < m_table->columnCount(); ++col)
            m_table->item(row, col)->setToolTip(m_table->item(row, col)->text());
        m_table->item(row, 4)->setToolTip(changeTip);
        previous = &f;
    }
}

void CapexPanel::placeLabels()
{
    QChart *chart = m_view->chart();
    if (!chart || m_labels.isEmpty() || !m_valueAxis || m_placing)
        return;
    const QRectF plot = chart->plotArea();
    if (plot.width() < 60)
        return;   // not laid out yet
    // Wide enough an amount axis that each label fits right of its bar:
    // value/max x W + gap + label width <= W.
    double needed = m_top * 1.1;
    for (const FigureLabel &l : std::as_const(m_labels)) {
        const double room = plot.width() - 14 - l.item->boundingRect().width();
        needed = std::max(needed, room > 20 ? l.value * plot.width() / room : l.value * 4);
    }
    const double step = niceTickInterval(needed, plot.width() > 360 ? 4 : 3);
    m_placing = true;   // a new range may move the plot area and call us again
    m_valueAxis->setTickType(QValueAxis::TicksDynamic);
    m_valueAxis->setTickAnchor(0);
    m_valueAxis->setTickInterval(step);
    m_valueAxis->setRange(0, std::ceil(needed / step - 1e-9) * step);
    m_placing = false;
    for (const FigureLabel &l : std::as_const(m_labels)) {
        const QPointF end = chart->mapToPosition(QPointF(l.value, l.row), m_midSeries);
        const QRectF r = l.item->boundingRect();
        l.item->setPos(end.x() + 8, end.y() - r.height() / 2);
    }
}

QList<QRectF> CapexPanel::labelRects() const
{
    QList<QRectF> out;
    for (const FigureLabel &l : m_labels)
        out << l.item->mapRectToScene(l.item->boundingRect());
    return out;
}

QStringList CapexPanel::labelTexts() const
{
    QStringList out;
    for (const FigureLabel &l : m_labels)
        out << l.item->text();
    return out;
}

QList<QRectF> CapexPanel::figureRects() const
{
    // The drawn bars and midpoint marks, in scene coordinates.
    QList<QRectF> out;
    QChart *chart = m_view->chart();
    if (!chart || !m_midSeries)
        return out;
    const double half = m_barSeries ? m_barSeries->barWidth() / 2 : 0.3;
    const int n = int(m_figures.size());
    for (int row = 0; row < n; ++row) {
        const CapexFigure &f = m_figures.at(n - 1 - row);
        const double low = f.guidance ? f.low : 0.0;
        const QPointF a = chart->mapToPosition(QPointF(low, row - half), m_midSeries);
        const QPointF b = chart->mapToPosition(QPointF(f.high, row + half), m_midSeries);
        out << chart->mapRectToScene(QRectF(a, b).normalized());
        if (f.guidance) {
            const QPointF m = chart->mapToPosition(QPointF(f.midpoint(), row), m_midSeries);
            const double r = m_midSeries->markerSize() / 2 + 1;
            out << chart->mapRectToScene(QRectF(m.x() - r, m.y() - r, 2 * r, 2 * r));
        }
    }
    return out;
}

QRectF CapexPanel::chartRect() const
{
    QChart *chart = m_view->chart();
    return chart ? chart->mapRectToScene(chart->rect()) : QRectF();
}

void CapexPanel::changeEvent(QEvent *event)
{
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        && !m_figures.isEmpty())
        draw();
    QWidget::changeEvent(event);
}

} // namespace tw
