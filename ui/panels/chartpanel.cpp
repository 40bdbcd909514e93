#include "ui/panels/chartpanel.h"

#include "models/core/storetime.h"
#include "models/events/eventtypes.h"
#include "models/store/quotestore.h"
#include "models/text/safetext.h"
#include "ui/dialogs/helpdialog.h"
#include "ui/panels/axisticks.h"
#include "ui/panels/badge.h"
#include "ui/panels/chartlegend.h"
#include "ui/panels/emptystate.h"
#include "ui/panels/kindicon.h"
#include "ui/panels/selectionmodel.h"
#include "ui/theme/themecolors.h"

#include <QButtonGroup>
#include <QCandlestickSeries>
#include <QCandlestickSet>
#include <QCategoryAxis>
#include <QDateTimeAxis>
#include <QFontDatabase>
#include <QGraphicsLineItem>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace tw {

void CrosshairChartView::mouseMoveEvent(QMouseEvent *event)
{
    emit pointerMoved(mapToScene(event->position().toPoint()), event->globalPosition().toPoint());
    QChartView::mouseMoveEvent(event);
}

void CrosshairChartView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        emit pointerPressed(mapToScene(event->position().toPoint()));
    QChartView::mousePressEvent(event);
}

void CrosshairChartView::leaveEvent(QEvent *event)
{
    emit pointerLeft();
    QChartView::leaveEvent(event);
}

namespace {
constexpr int kMarkerSize = 16;   // px, the event marks
constexpr double kDayMs = 86'400'000.0;

// Where bar `i` sits on the hidden time axis (see buildChart).
qreal xOf(double i)
{
    return qreal(i * kDayMs);
}

QDate rangeStart(ChartPanel::Range range, const QDate &last)
{
    switch (range) {
    case ChartPanel::Range::M1:
        return last.addMonths(-1);
    case ChartPanel::Range::M3:
        return last.addMonths(-3);
    case ChartPanel::Range::M6:
        return last.addMonths(-6);
    case ChartPanel::Range::Y1:
        return last.addYears(-1);
    case ChartPanel::Range::Y5:
        return last.addYears(-5);
    case ChartPanel::Range::All:
        return QDate(1900, 1, 1);
    }
    return last;
}

QString compactVolume(qint64 v)
{
    if (v >= 1'000'000'000)
        return QString::number(double(v) / 1e9, 'f', 2) + QLatin1Char('B');
    if (v >= 1'000'000)
        return QString::number(double(v) / 1e6, 'f', 1) + QLatin1Char('M');
    return QLocale::c().toString(v);
}

// How the date axis groups trading days: by week, month, quarter, ...
struct TimeStep {
    int months;   // 0: weeks
    int weeks;
    const char *format;
};
constexpr std::array<TimeStep, 9> kTimeSteps{{
    {0, 1, "d MMM"},
    {0, 2, "d MMM"},
    {1, 0, "MMM yy"},
    {2, 0, "MMM yy"},
    {3, 0, "MMM yy"},
    {6, 0, "MMM yy"},
    {12, 0, "yyyy"},
    {24, 0, "yyyy"},
    {60, 0, "yyyy"},
}};

// Which period of `step` a day falls in (a number that changes at each boundary).
qint64 periodOf(const QDate &d, const TimeStep &step)
{
    if (step.months == 0) {
        // Weeks counted from a Monday.
        const qint64 week = (d.toJulianDay() - 0) / 7;   // JD 0 is a Monday
        return week / step.weeks;
    }
    const qint64 month = qint64(d.year()) * 12 + (d.month() - 1);
    return month / step.months;
}
} // namespace

ChartPanel::ChartPanel(QSqlDatabase db, SelectionModel *selection, QWidget *parent)
    : Panel(std::move(db), selection, parent)
    , m_view(new CrosshairChartView(this))
    , m_title(new QLabel(this))
    , m_synthetic(new QLabel(tr("SYNTHETIC DEMO PRICES"), this))
    , m_readout(new QLabel(this))
    , m_legend(new ChartLegend(this))
    , m_rangeButtons(new QButtonGroup(this))
{
    setObjectName(QStringLiteral("chartPanel"));
    m_stack = new EmptyStateStack(m_view, this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_synthetic->setObjectName(QStringLiteral("syntheticLabel"));
    m_synthetic->setToolTip(tr("These prices are generated for the demo workspace, not market data."));
    m_synthetic->hide();
    m_readout->setObjectName(QStringLiteral("chartReadout"));
    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_readout->setFont(mono);
    m_readout->setWordWrap(true);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addSpacing(8);
    const std::array<std::pair<Range, const char *>, 6> ranges{{{Range::M1, "1M"}, {Range::M3, "3M"}, {Range::M6, "6M"},
        {Range::Y1, "1Y"}, {Range::Y5, "5Y"}, {Range::All, "All"}}};
    for (const auto &[range, text] : ranges) {
        auto *button = new QToolButton(this);
        button->setText(QString::fromLatin1(text));
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setChecked(range == m_range);
        m_rangeButtons->addButton(button, int(range));
        header->addWidget(button);
    }
    m_rangeButtons->setExclusive(true);
    header->addSpacing(8);
    header->addWidget(m_synthetic);
    header->addStretch(1);
    // Cut rather than widen the dock when narrow (it wraps to a second line).
    m_readout->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(m_readout);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_legend);

    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMouseTracking(true);
    buildChart();

    connect(m_rangeButtons, &QButtonGroup::idClicked, this, [this](int id) { setRange(Range(id)); });
    connect(m_selection, &SelectionModel::tickerChanged, this, &ChartPanel::reload);
    connect(m_selection, &SelectionModel::focusDateChanged, this, &ChartPanel::onFocusDateChanged);
    connect(m_view, &CrosshairChartView::pointerMoved, this, &ChartPanel::onPointerMoved);
    connect(m_view, &CrosshairChartView::pointerPressed, this, &ChartPanel::onPointerPressed);
    connect(m_view, &CrosshairChartView::pointerLeft, this, [this] {
        m_crosshair->hide();
        m_hovered = -1;
    });
    connect(m_legend, &ChartLegend::helpRequested, this, [this] { HelpDialog::showHelp(this); });
    addExportAction(m_view);
    reload();
}

Result<ExportQuery> ChartPanel::exportQuery() const
{
    if (m_bars.isEmpty())
        return fail(tr("The chart shows no prices to export."));
    const QuoteBar &first = m_bars.constFirst();
    return ExportQuery::quoteBars(first.ticker, first.tradingDate, m_bars.constLast().tradingDate, first.interval);
}

QString ChartPanel::exportName() const
{
    return QStringLiteral("quotes-%1.csv").arg(m_selection->ticker());
}

void ChartPanel::buildChart()
{
    m_chart = new QChart;
    m_chart->legend()->hide();   // ours (ChartLegend) explains the marks
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_view->setChart(m_chart); // the view owns the chart

    // Bars are placed by their index, so weekends and holidays take no room;
    // the labels name the first trading day of each week, month or year.
    m_axisX = new QCategoryAxis(m_chart);
    m_axisX->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    // Candles only accept a date-time (or bar category) axis: the series sit
    // on a hidden one where day i is i days after the epoch, in step with
    // the labelled index axis above.
    m_axisTime = new QDateTimeAxis(m_chart);
    m_axisTime->setVisible(false);
    m_axisPrice = new QValueAxis(m_chart);
    m_axisPrice->setTickType(QValueAxis::TicksDynamic);
    m_axisPrice->setTickAnchor(0);
    m_axisPrice->setMinorTickCount(0);
    m_axisVolume = new QValueAxis(m_chart);
    m_axisVolume->setVisible(false);
    m_axisScore = new QValueAxis(m_chart);
    m_axisScore->setRange(0, 100);
    m_axisScore->setTickType(QValueAxis::TicksDynamic);
    m_axisScore->setTickAnchor(0);
    m_axisScore->setTickInterval(25);
    m_axisScore->setLabelFormat(QStringLiteral("%.0f"));
    m_axisScore->setGridLineVisible(false);
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisTime, Qt::AlignBottom);
    m_chart->addAxis(m_axisPrice, Qt::AlignLeft);
    m_chart->addAxis(m_axisVolume, Qt::AlignLeft);
    m_chart->addAxis(m_axisScore, Qt::AlignRight);

    auto attach = [this](QAbstractSeries *series, QValueAxis *y) {
        m_chart->addSeries(series);
        series->attachAxis(m_axisTime);
        series->attachAxis(y);
    };

    m_volume = new QCandlestickSeries(m_chart);
    m_volume->setName(tr("Volume"));
    // Volume as zero-based candles: open/close order picks the colour of the
    // day's direction.
    m_volume->setBodyOutlineVisible(false);
    m_volume->setCapsVisible(false);
    m_volume->setBodyWidth(0.8);
    attach(m_volume, m_axisVolume);

    m_candles = new QCandlestickSeries(m_chart);
    m_candles->setName(tr("Price"));
    m_candles->setBodyWidth(0.7);
    attach(m_candles, m_axisPrice);

    m_focus = new QLineSeries(m_chart);
    attach(m_focus, m_axisPrice);

    m_crosshair = new QGraphicsLineItem(m_chart);
    m_crosshair->setZValue(100);
    m_crosshair->hide();

    connect(m_chart, &QChart::plotAreaChanged, this, [this] {
        // Re-label the date axis when the plot's width changes how many fit.
        const int capacity = std::max(2, int(m_chart->plotArea().width() / 75));
        if (capacity != m_timeLabelCapacity)
            updateTimeAxis();
    });
    applyColors();
}

void ChartPanel::applyColors()
{
    const ThemeColors &c = ThemeColors::forPalette(palette());
    m_chart->setBackgroundBrush(c.chartBackground);
    m_chart->setBackgroundPen(Qt::NoPen);
    m_chart->setPlotAreaBackgroundBrush(c.plotBackground);
    m_chart->setPlotAreaBackgroundVisible(true);
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_axisX), static_cast<QAbstractAxis *>(m_axisPrice),
             static_cast<QAbstractAxis *>(m_axisScore)}) {
        axis->setLabelsColor(c.axisText);
        axis->setGridLineColor(c.gridLine);
        axis->setLinePenColor(c.axisLine);
        axis->setTitleBrush(c.axisText);
    }
    m_axisScore->setLabelsColor(c.scoreLine);
    m_axisScore->setTitleBrush(c.scoreLine);
    m_axisScore->setLinePenColor(c.scoreLine);

    m_candles->setIncreasingColor(c.up);
    m_candles->setDecreasingColor(c.down);
    m_candles->setPen(QPen(c.isDark ? QColor(0xb0, 0xb0, 0xb0) : QColor(0x55, 0x55, 0x55), 1));
    QColor upVolume = c.up;
    upVolume.setAlpha(90);
    QColor downVolume = c.down;
    downVolume.setAlpha(90);
    m_volume->setIncreasingColor(upVolume);
    m_volume->setDecreasingColor(downVolume);
    for (QLineSeries *segment : std::as_const(m_scoreSegments)) {
        segment->setPen(QPen(c.scoreLine, 2));
        segment->setColor(c.scoreLine);
    }
    m_focus->setPen(QPen(c.focusLine, 2, Qt::DashLine));
    m_crosshair->setPen(QPen(c.crosshair, 1, Qt::DotLine));
    m_synthetic->setStyleSheet(QStringLiteral("QLabel { color: %1; background: %2; font-weight: bold; padding: 2px 6px; "
                                              "border-radius: 3px; }")
                                   .arg(c.warningText.name(), c.warningBackground.name()));
    QPalette legendPalette = m_legend->palette();
    legendPalette.setColor(QPalette::Link, c.link);
    m_legend->setPalette(legendPalette);
    updateLegend();
}

void ChartPanel::changeEvent(QEvent *event)
{
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) && m_chart)
        applyColors();
    QWidget::changeEvent(event);
}

void ChartPanel::setRange(Range range)
{
    m_range = range;
    if (QAbstractButton *b = m_rangeButtons->button(int(range)))
        b->setChecked(true);
    populate();
}

void ChartPanel::reload()
{
    populate();
}

void ChartPanel::populate()
{
    const QString ticker = m_selection->ticker();
    m_bars.clear();
    m_barScores.clear();
    m_markers.clear();
    m_sourceText.clear();
    m_hovered = -1;
    m_candles->clear();
    m_volume->clear();
    for (QScatterSeries *s : std::as_const(m_eventSeries)) {
        m_chart->removeSeries(s);
        delete s;
    }
    m_eventSeries.clear();
    for (QLineSeries *s : std::as_const(m_scoreSegments)) {
        m_chart->removeSeries(s);
        delete s;
    }
    m_scoreSegments.clear();
    m_focus->clear();
    m_synthetic->hide();
    m_readout->clear();
    m_title->setText(ticker);
    auto finish = [this] {
        updateTimeAxis();
        updateLegend();
    };
    if (ticker.isEmpty()) {
        m_stack->showMessage(tr("Select a ticker in the watchlist to see its chart."));
        finish();
        return;
    }
    QuoteStore quotes(m_db);
    auto last = quotes.latest(ticker, 1);
    if (!last) {
        m_stack->showMessage(tr("Cannot read prices: %1").arg(last.errorMessage()));
        finish();
        return;
    }
    if (last->isEmpty()) {
        m_stack->showMessage(tr("No prices stored for %1 yet.\nAdd a price feed for it in Settings.").arg(ticker));
        finish();
        return;
    }
    const QDate lastDate = last->first().tradingDate;
    auto bars = quotes.bars(ticker, rangeStart(m_range, lastDate), lastDate);
    if (!bars || bars->isEmpty()) {
        m_stack->showMessage(bars ? tr("No prices in this range.") : bars.errorMessage());
        finish();
        return;
    }
    m_bars = *bars;
    m_stack->showContent();

    double lo = std::numeric_limits<double>::max();
    double hi = std::numeric_limits<double>::lowest();
    qint64 maxVolume = 1;
    bool synthetic = false;
    QList<QCandlestickSet *> candleSets;
    QList<QCandlestickSet *> volumeSets;
    candleSets.reserve(m_bars.size());
    volumeSets.reserve(m_bars.size());
    for (int i = 0; i < m_bars.size(); ++i) {
        const QuoteBar &b = m_bars.at(i);
        const double open = b.open > 0 ? b.open : b.close;
        const double high = b.high > 0 ? b.high : std::max(open, b.close);
        const double low = b.low > 0 ? b.low : std::min(open, b.close);
        candleSets << new QCandlestickSet(open, high, low, b.close, xOf(i));
        const bool up = b.close >= open;
        volumeSets << new QCandlestickSet(up ? 0 : double(b.volume), double(b.volume), 0, up ? double(b.volume) : 0,
                                          xOf(i));
        lo = std::min(lo, low);
        hi = std::max(hi, high);
        maxVolume = std::max(maxVolume, b.volume);
        synthetic = synthetic || isSyntheticSource(b.source);
    }
    m_candles->append(candleSets);
    m_volume->append(volumeSets);
    m_synthetic->setVisible(synthetic);

    const double span = std::max(hi - lo, hi * 0.01);
    placeEvents(ticker, span);
    double top = hi + span * 0.08;
    for (const ChartEventMarker &m : std::as_const(m_markers))
        top = std::max(top, m.y + span * 0.06);
    // The bottom quarter of the plot holds the volume bars, so the price axis
    // starts below the lowest price and the volume axis tops out at 4x.
    const double bottom = std::max(0.0, lo - span * 0.35);
    m_axisPrice->setRange(bottom, top);
    m_priceTick = niceTickInterval(top - bottom, 6);
    m_axisPrice->setTickInterval(m_priceTick);
    m_axisPrice->setLabelFormat(m_priceTick >= 1 ? QStringLiteral("%.0f")
                                                 : (m_priceTick >= 0.1 ? QStringLiteral("%.1f") : QStringLiteral("%.2f")));
    m_axisVolume->setRange(0, double(maxVolume) * 4.0);
    // Half a bar of room either side, and a little more on the right.
    const double n = double(m_bars.size());
    const double right = n - 0.4 + std::max(0.5, n / 80.0);
    m_axisX->setRange(-0.6, right);
    m_axisX->setStartValue(-0.6);
    m_axisTime->setRange(QDateTime::fromMSecsSinceEpoch(qint64(xOf(-0.6)), Qt::UTC),
                         QDateTime::fromMSecsSinceEpoch(qint64(xOf(right)), Qt::UTC));

    placeScores(ticker);
    finish();
    showReadoutAtBar(int(m_bars.size()) - 1);
    showFocusDate();
}

void ChartPanel::placeEvents(const QString &ticker, double span)
{
    auto events = EventReader(m_db).events(ticker, 2000);
    if (!events)
        return;
    // Marks closer than a mark's width stack upwards (oldest lowest), so
    // events on neighbouring days do not hide each other.
    const double plotWidth = m_chart->plotArea().width() > 50 ? m_chart->plotArea().width() : 600.0;
    const int near = std::max(1, int(std::ceil(kMarkerSize * 1.1 * double(m_bars.size()) / plotWidth)));
    QList<std::pair<int, int>> placed;   // (bar index, level)
    for (auto it = events->crbegin(); it != events->crend(); ++it) {
        const EventRow &e = *it;
        const QDate d = e.firstDay();
        if (!d.isValid() || d < m_bars.first().tradingDate || d > m_bars.last().tradingDate)
            continue;
        const int i = barIndexOfDate(d);
        const QuoteBar &b = m_bars.at(i);
        int level = 0;
        for (const auto &[bar, l] : std::as_const(placed)) {
            if (std::abs(bar - i) < near)
                level = std::max(level, l + 1);
        }
        placed.append({i, level});
        ChartEventMarker m;
        m.eventId = e.id;
        m.date = d;
        m.barIndex = i;
        double base = std::max(b.high, b.close);
        for (int j = std::max(0, i - near); j <= std::min(int(m_bars.size()) - 1, i + near); ++j)
            base = std::max(base, m_bars.at(j).high);
        m.y = base + span * (0.06 + 0.075 * level);
        m.event = e;
        m_markers << m;
        const QString kind = e.kind.toLower();
        QScatterSeries *series = m_eventSeries.value(kind);
        if (!series) {
            series = new QScatterSeries(m_chart);
            series->setName(eventKindStyle(kind).name);
            series->setMarkerSize(kMarkerSize);
            series->setLightMarker(eventKindImage(kind, kMarkerSize, devicePixelRatioF()));
            m_chart->addSeries(series);
            series->attachAxis(m_axisTime);
            series->attachAxis(m_axisPrice);
            m_eventSeries.insert(kind, series);
        }
        series->append(xOf(i), m.y);
    }
}

void ChartPanel::placeScores(const QString &ticker)
{
    m_barScores = QList<std::optional<DailyCorporateScore>>(m_bars.size());
    m_scoreHorizon.clear();
    CorporateScoreReader reader(m_db);
    // The horizon every panel shows: medium, then long, then short.
    for (const char *h : {"medium", "long", "short"}) {
        auto latest = reader.latest(ticker, QString::fromLatin1(h));
        if (latest && latest->has_value()) {
            m_scoreHorizon = QString::fromLatin1(h);
            break;
        }
    }
    if (m_scoreHorizon.isEmpty()) {
        m_axisScore->setVisible(false);
        return;
    }
    auto days = reader.daily(ticker, m_scoreHorizon, m_bars.first().tradingDate, m_bars.last().tradingDate);
    if (!days) {
        m_axisScore->setVisible(false);
        return;
    }
    QHash<QDate, const DailyCorporateScore *> byDay;
    for (const DailyCorporateScore &d : std::as_const(*days))
        byDay.insert(d.day, &d);
    // A line per run of days with evidence; nothing where news is insufficient.
    const ThemeColors &c = ThemeColors::forPalette(palette());
    QLineSeries *segment = nullptr;
    for (int i = 0; i < m_bars.size(); ++i) {
        const DailyCorporateScore *d = byDay.value(m_bars.at(i).tradingDate);
        if (d)
            m_barScores[i] = *d;
        if (!d || !d->hasEvidence) {
            segment = nullptr;
            continue;
        }
        if (!segment) {
            segment = new QLineSeries(m_chart);
            segment->setName(tr("Corporate score"));
            segment->setPen(QPen(c.scoreLine, 2));
            segment->setColor(c.scoreLine);
            m_chart->addSeries(segment);
            segment->attachAxis(m_axisTime);
            segment->attachAxis(m_axisScore);
            m_scoreSegments << segment;
        }
        segment->append(xOf(i), d->score);
    }
    // A lone day is a dot, not an invisible line.
    for (QLineSeries *s : std::as_const(m_scoreSegments)) {
        s->setPointsVisible(s->count() == 1);
        s->setMarkerSize(6);
    }
    m_axisScore->setVisible(true);
    m_axisScore->setTitleText(tr("Score, %1 term").arg(m_scoreHorizon));
}

void ChartPanel::updateTimeAxis()
{
    const QStringList old = m_axisX->categoriesLabels();
    for (const QString &label : old)
        m_axisX->remove(label);
    m_timeLabelCapacity = std::max(2, int(m_chart->plotArea().width() / 75));
    if (m_bars.size() < 2)
        return;
    for (const TimeStep &step : kTimeSteps) {
        QList<int> starts;
        for (int i = 1; i < m_bars.size(); ++i) {
            if (periodOf(m_bars.at(i).tradingDate, step) != periodOf(m_bars.at(i - 1).tradingDate, step))
                starts << i;
        }
        if (starts.size() > m_timeLabelCapacity && &step != &kTimeSteps.back())
            continue;
        const QString format = QString::fromLatin1(step.format);
        for (int i : std::as_const(starts)) {
            const QString label = QLocale::c().toString(m_bars.at(i).tradingDate, format);
            if (!m_axisX->categoriesLabels().contains(label))
                m_axisX->append(label, qreal(i));
        }
        break;
    }
}

QStringList ChartPanel::timeAxisLabels() const
{
    return m_axisX->categoriesLabels();
}

void ChartPanel::updateLegend()
{
    const ThemeColors &c = ThemeColors::forPalette(palette());
    QList<ChartLegend::Entry> entries;
    QStringList kinds;
    for (const ChartEventMarker &m : std::as_const(m_markers)) {
        const QString k = m.event.kind.toLower();
        if (!kinds.contains(k))
            kinds << k;
    }
    // Known kinds in their fixed order, then any other.
    QStringList ordered;
    for (const QString &k : allEventKindIds()) {
        if (kinds.contains(k))
            ordered << k;
    }
    for (const QString &k : std::as_const(kinds)) {
        if (!ordered.contains(k))
            ordered << k;
    }
    const qreal dpr = devicePixelRatioF();
    for (const QString &k : std::as_const(ordered))
        entries << ChartLegend::Entry{eventKindImage(k, 14, dpr), eventKindStyle(k).name,
                                      tr("Event: %1. Hover a mark for the event; click it to select it in the "
                                         "Timeline.").arg(eventKindStyle(k).name)};
    if (!m_scoreSegments.isEmpty() || !m_scoreHorizon.isEmpty()) {
        QImage line(QSize(int(18 * dpr), int(10 * dpr)), QImage::Format_ARGB32_Premultiplied);
        line.setDevicePixelRatio(dpr);
        line.fill(Qt::transparent);
        {
            QPainter p(&line);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(QPen(c.scoreLine, 2));
            p.drawLine(QPointF(1, 5), QPointF(17, 5));
        }
        entries << ChartLegend::Entry{line, tr("Corporate score 0–100 (right axis)"),
                                      tr("The company's score from its news, 0 (bearish) to 100 (bullish), as it "
                                         "stood at the end of each day.")};
        entries << ChartLegend::Entry{QImage(), tr("no line: insufficient news"),
                                      tr("Where too few recent stories support a score, none is drawn: a gap, "
                                         "not 50.")};
    }
    m_legend->setEntries(entries);
}

QStringList ChartPanel::legendTexts() const
{
    return m_legend->texts();
}

void ChartPanel::showFocusDate()
{
    m_focus->clear();
    const QDate d = m_selection->focusDate();
    if (!d.isValid() || m_bars.isEmpty())
        return;
    if (d < m_bars.first().tradingDate)
        return;
    const int i = barIndexOfDate(d);
    m_focus->append(xOf(i), m_axisPrice->min());
    m_focus->append(xOf(i), m_axisPrice->max());
    showReadoutAtBar(i);
}

bool ChartPanel::focusLineShown() const
{
    return m_focus->count() > 0;
}

void ChartPanel::onFocusDateChanged(const QDate &date)
{
    // A date before the range shown widens it (once, here: a range the
    // analyst picks afterwards is kept even if the date falls outside).
    if (date.isValid() && !m_bars.isEmpty() && date < m_bars.first().tradingDate && m_range != Range::All)
        setRange(Range::All);
    else
        showFocusDate();
}

int ChartPanel::barIndexOfDate(const QDate &date) const
{
    // First bar on or after `date`, else the last one.
    auto it = std::lower_bound(m_bars.cbegin(), m_bars.cend(), date,
        [](const QuoteBar &b, const QDate &d) { return b.tradingDate < d; });
    if (it == m_bars.cend())
        return int(m_bars.size()) - 1;
    return int(it - m_bars.cbegin());
}

void ChartPanel::showReadoutAt(const QDateTime &when)
{
    if (m_bars.isEmpty())
        return;
    showReadoutAtBar(barIndexOfDate(when.toUTC().date()));
}

void ChartPanel::showReadoutAtBar(int index)
{
    if (index < 0 || index >= m_bars.size())
        return;
    const QuoteBar &b = m_bars.at(index);
    QString text = QStringLiteral("%1  O %2  H %3  L %4  C %5  V %6")
                       .arg(b.tradingDate.toString(Qt::ISODate))
                       .arg(b.open, 0, 'f', 2)
                       .arg(b.high, 0, 'f', 2)
                       .arg(b.low, 0, 'f', 2)
                       .arg(b.close, 0, 'f', 2)
                       .arg(compactVolume(b.volume));
    // The score as it stood at the end of that day, and what it rests on.
    if (index < m_barScores.size() && m_barScores.at(index)) {
        const DailyCorporateScore &s = *m_barScores.at(index);
        const QString newest = s.newestStoryUtc > 0
            ? fromStoreTime(s.newestStoryUtc).toString(QStringLiteral("yyyy-MM-dd"))
            : QString();
        if (s.hasEvidence) {
            text += tr("  Score %1 as of %2 (%3 %4, newest %5)")
                        .arg(formatCorporateScore(s.score, s.label), s.day.toString(Qt::ISODate))
                        .arg(s.stories)
                        .arg(s.stories == 1 ? tr("story") : tr("stories"), newest);
        } else {
            text += tr("  Score — insufficient news as of %1").arg(s.day.toString(Qt::ISODate));
            if (!newest.isEmpty())
                text += tr(" (newest story %1)").arg(newest);
        }
    }
    m_readout->setText(text);
}

int ChartPanel::markerAt(const QPointF &scenePos) const
{
    const QPointF inChart = m_chart->mapFromScene(scenePos);
    int best = -1;
    double bestDistance = kMarkerSize / 2.0 + 3.0;
    for (int i = 0; i < m_markers.size(); ++i) {
        const ChartEventMarker &m = m_markers.at(i);
        const QPointF at = m_chart->mapToPosition(QPointF(xOf(m.barIndex), m.y), m_candles);
        const double d = std::hypot(at.x() - inChart.x(), at.y() - inChart.y());
        if (d <= bestDistance) {
            bestDistance = d;
            best = i;
        }
    }
    return best;
}

QPoint ChartPanel::markerPosition(int i) const
{
    const ChartEventMarker &m = m_markers.at(i);
    const QPointF inChart = m_chart->mapToPosition(QPointF(xOf(m.barIndex), m.y), m_candles);
    return m_view->mapFromScene(m_chart->mapToScene(inChart));
}

int ChartPanel::barX(int i) const
{
    const QPointF inChart = m_chart->mapToPosition(QPointF(xOf(i), m_axisPrice->min()), m_candles);
    return m_view->mapFromScene(m_chart->mapToScene(inChart)).x();
}

QString ChartPanel::markerToolTip(int i) const
{
    const ChartEventMarker &m = m_markers.at(i);
    const EventRow &e = m.event;
    QString sources = m_sourceText.value(e.id);
    if (sources.isNull()) {
        // Read when first hovered: the names of the outlets that reported it.
        QStringList names;
        if (auto rows = EventReader(m_db).sources(e.id)) {
            for (const EventSourceArticle &s : std::as_const(*rows)) {
                const QString name = displaySafe(s.source);
                if (!name.isEmpty() && !names.contains(name))
                    names << name;
            }
        }
        sources = e.sourceCount == 1 ? tr("1 source") : tr("%1 sources").arg(e.sourceCount);
        if (!names.isEmpty()) {
            const qsizetype shown = std::min<qsizetype>(names.size(), 4);
            sources += QStringLiteral(": ") + QStringList(names.mid(0, shown)).join(QStringLiteral(", "));
            if (names.size() > shown)
                sources += tr(" and %1 more").arg(names.size() - shown);
        }
        m_sourceText.insert(e.id, sources);
    }
    const EventKindStyle style = eventKindStyle(e.kind);
    QString html = QStringLiteral("<b>%1</b> · %2<br>%3").arg(style.name.toHtmlEscaped(), e.eventDate.toHtmlEscaped(),
                                                            displaySafe(e.title).toHtmlEscaped());
    if (const QString amount = e.amountText(); !amount.isEmpty())
        html += QStringLiteral("<br>") + tr("Amount: %1").arg(amount).toHtmlEscaped();
    html += QStringLiteral("<br>") + sources.toHtmlEscaped();
    html += QStringLiteral("<br><i>%1</i>").arg(tr("Click to select it in the Timeline.").toHtmlEscaped());
    return html;
}

void ChartPanel::onPointerMoved(const QPointF &scenePos, const QPoint &globalPos)
{
    if (m_bars.isEmpty())
        return;
    const QRectF plot = m_chart->plotArea();
    const QPointF inChart = m_chart->mapFromScene(scenePos);
    const int marker = markerAt(scenePos);
    if (marker != m_hovered) {
        m_hovered = marker;
        if (marker >= 0) {
            const QPoint at = markerPosition(marker);
            const QRect around(at - QPoint(kMarkerSize, kMarkerSize), QSize(2 * kMarkerSize, 2 * kMarkerSize));
            QToolTip::showText(globalPos, markerToolTip(marker), m_view->viewport(), around);
        } else {
            QToolTip::hideText();
        }
    }
    m_view->viewport()->setCursor(marker >= 0 ? Qt::PointingHandCursor : Qt::CrossCursor);
    if (!plot.contains(inChart)) {
        m_crosshair->hide();
        return;
    }
    const QPointF value = m_chart->mapToValue(inChart, m_candles);
    const int index = std::clamp(int(std::lround(value.x() / kDayMs)), 0, int(m_bars.size()) - 1);
    showReadoutAtBar(index);
    m_crosshair->setLine(inChart.x(), plot.top(), inChart.x(), plot.bottom());
    m_crosshair->show();
}

void ChartPanel::onPointerPressed(const QPointF &scenePos)
{
    const int marker = markerAt(scenePos);
    if (marker < 0)
        return;
    const ChartEventMarker &m = m_markers.at(marker);
    m_selection->setEvent(m.eventId, m.date);
}

int ChartPanel::candleCount() const
{
    return m_candles->count();
}

int ChartPanel::eventMarkerCount() const
{
    return int(m_markers.size());
}

int ChartPanel::scorePointCount() const
{
    int n = 0;
    for (const QLineSeries *s : m_scoreSegments)
        n += s->count();
    return n;
}

int ChartPanel::scoreGapCount() const
{
    return std::max(0, int(m_scoreSegments.size()) - 1);
}

QList<QDate> ChartPanel::scoreDays() const
{
    QList<QDate> out;
    for (const QLineSeries *s : m_scoreSegments) {
        const QList<QPointF> points = s->points();
        for (const QPointF &p : points)
            out << m_bars.at(int(std::lround(p.x() / kDayMs))).tradingDate;
    }
    return out;
}

QList<double> ChartPanel::priceTicks() const
{
    QList<double> out;
    if (!(m_priceTick > 0))
        return out;
    for (double v = std::ceil(m_axisPrice->min() / m_priceTick) * m_priceTick; v <= m_axisPrice->max() + 1e-9;
         v += m_priceTick)
        out << v;
    return out;
}

bool ChartPanel::showsSyntheticLabel() const
{
    return !m_synthetic->isHidden();
}

QString ChartPanel::readout() const
{
    return m_readout->text();
}

QString ChartPanel::emptyMessage() const
{
    return m_stack->message();
}

} // namespace tw
