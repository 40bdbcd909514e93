#include "ui/panels/capexpanel.h"

#include "ui/panels/badge.h"
#include "ui/panels/emptystate.h"
#include "ui/panels/selectionmodel.h"
#include "models/events/guidancehistory.h"
#include "models/store/reportedfigurestore.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChartView>
#include <QHeaderView>
#include <QLegendMarker>
#include <QRegularExpression>
#include <QScatterSeries>
#include <QSplitter>
#include <QStackedBarSeries>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

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
    if (basis.contains(QLatin1String("guid")) || basis.contains(QLatin1String("forecast"))
        || basis.contains(QLatin1String("plan")))
        return true;
    return e.kind.toLower().contains(QLatin1String("guid"));
}

const QColor kActual(0x34, 0x98, 0xdb);
const QColor kGuidance(0x8e, 0x44, 0xad);
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
    : Panel(parent)
    , m_db(std::move(db))
    , m_selection(selection)
    , m_view(new QChartView(this))
    , m_table(new QTableWidget(0, 6, this))
{
    setObjectName(QStringLiteral("capexPanel"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(160);
    m_table->setHorizontalHeaderLabels(
        {tr("Year"), tr("Figure"), tr("Range ($bn)"), tr("Midpoint"), tr("Change"), tr("Against guidance")});
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
    auto *chart = new QChart;
    // Follow the system palette: a white chart in a dark window glares.
    chart->setTheme(prefersDarkTheme(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    // One bar per figure, in order: a guidance range floats on a transparent
    // base (stacked bars), an actual stands from zero.
    auto *bars = new QStackedBarSeries(chart);
    auto *base = new QBarSet(QString(), bars);
    base->setColor(Qt::transparent);
    base->setBorderColor(Qt::transparent);
    auto *actual = new QBarSet(tr("Actual"), bars);
    actual->setColor(kActual);
    auto *range = new QBarSet(tr("Guidance range"), bars);
    range->setColor(kGuidance.lighter(160));
    range->setBorderColor(kGuidance);
    auto *mid = new QScatterSeries(chart);
    mid->setName(tr("Guidance midpoint"));
    mid->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    mid->setMarkerSize(9);
    mid->setColor(kGuidance);
    mid->setBorderColor(kGuidance);
    mid->setPointLabelsVisible(true);
    mid->setPointLabelsFormat(QStringLiteral("$@yPointB mid"));
    mid->setPointLabelsClipping(false);
    auto *values = new QScatterSeries(chart);
    values->setMarkerSize(1);
    values->setColor(kActual);
    values->setBorderColor(Qt::transparent);
    values->setPointLabelsVisible(true);
    values->setPointLabelsFormat(QStringLiteral("$@yPointB"));
    values->setPointLabelsClipping(false);

    QStringList categories;
    double top = 0;
    for (int i = 0; i < m_figures.size(); ++i) {
        const CapexFigure &f = m_figures.at(i);
        if (f.guidance)
            categories << tr("%1<br>guidance").arg(f.year);
        else if (f.reported)
            categories << tr("%1<br>reported (%2)").arg(f.year).arg(f.source.section(QLatin1Char(' '), 0, 0));
        else
            categories << tr("%1<br>actual (news)").arg(f.year);
        if (!f.verdict.isEmpty())
            categories.last() += QStringLiteral("<br><b>%1</b>").arg(f.verdict.section(QStringLiteral(": "), -1));
        top = std::max(top, f.high);
        if (f.guidance) {
            *base << f.low;
            *actual << 0;
            *range << std::max(f.high - f.low, 0.0);
            mid->append(i, f.midpoint());
        } else {
            *base << 0;
            *actual << f.high;
            *range << 0;
            values->append(i, f.high);
        }
    }
    bars->append(base);
    bars->append(actual);
    bars->append(range);
    bars->setBarWidth(0.6);
    chart->addSeries(bars);
    chart->addSeries(values);
    chart->addSeries(mid);
    auto *x = new QBarCategoryAxis(chart);
    x->append(categories);
    auto *y = new QValueAxis(chart);
    y->setRange(0, top * 1.18);
    y->setLabelFormat(QStringLiteral("$%.0fB"));
    y->setTitleText(tr("Capex, USD billions"));
    y->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    // The transparent base and the label carrier are not things to explain.
    const QList<QLegendMarker *> markers = chart->legend()->markers();
    for (QLegendMarker *marker : markers) {
        if (marker->label().isEmpty() || marker->series() == values)
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
        QString figure = tr("guidance (%1)").arg(f.date);
        if (!f.guidance && f.reported)
            figure = tr("actual \u00b7 reported in %1").arg(f.source);
        else if (!f.guidance)
            figure = tr("actual \u00b7 news (%1)").arg(f.date);
        if (f.newsFigure && std::abs(*f.newsFigure - f.high) > 0.0005)
            figure += tr("; the news said %1").arg(QString::number(*f.newsFigure, 'f', 1));
        m_table->setItem(i, 1, new QTableWidgetItem(figure));
        m_table->setItem(i, 2,
            new QTableWidgetItem(f.low == f.high
                    ? QString::number(f.high, 'f', f.reported ? 3 : 1)
                    : QStringLiteral("%1–%2").arg(f.low, 0, 'f', 1).arg(f.high, 0, 'f', 1)));
        m_table->setItem(i, 3, new QTableWidgetItem(QString::number(f.midpoint(), 'f', 1)));
        QString change;
        if (previous && previous->midpoint() > 0)
            change = QString::asprintf("%+.0f%% vs %d %s", (f.midpoint() / previous->midpoint() - 1.0) * 100.0,
                previous->year, previous->guidance ? "guidance" : "actual");
        m_table->setItem(i, 4, new QTableWidgetItem(change));
        m_table->setItem(i, 5, new QTableWidgetItem(f.verdict));
        previous = &f;
    }
}

} // namespace tw
