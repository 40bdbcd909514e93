#include "ui/panels/chartpanel.h"

#include "models/core/storetime.h"
#include "ui/panels/badge.h"
#include "ui/panels/emptystate.h"
#include "ui/panels/selectionmodel.h"
#include "models/store/quotestore.h"

#include <QButtonGroup>
#include <QCandlestickSeries>
#include <QCandlestickSet>
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
    emit pointerMoved(mapToScene(event->position().toPoint()));
    QChartView::mouseMoveEvent(event);
}

void CrosshairChartView::leaveEvent(QEvent *event)
{
    emit pointerLeft();
    QChartView::leaveEvent(event);
}

namespace {
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

// Bars sit on the trading date at noon UTC, so a bar never drifts a day on
// the axis whatever the local zone.
qint64 dayMs(const QDate &d)
{
    return QDateTime(d, QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
}

QString compactVolume(qint64 v)
{
    if (v >= 1'000'000'000)
        return QString::number(double(v) / 1e9, 'f', 2) + QLatin1Char('B');
    if (v >= 1'000'000)
        return QString::number(double(v) / 1e6, 'f', 1) + QLatin1Char('M');
    return QLocale::c().toString(v);
}

const QColor kUp(0x2e, 0x9e, 0x4f);
const QColor kDown(0xd0, 0x3b, 0x3b);
} // namespace

ChartPanel::ChartPanel(QSqlDatabase db, SelectionModel *selection, QWidget *parent)
    : Panel(parent)
    , m_db(std::move(db))
    , m_selection(selection)
    , m_view(new CrosshairChartView(this))
    , m_title(new QLabel(this))
    , m_synthetic(new QLabel(tr("SYNTHETIC DEMO PRICES"), this))
    , m_readout(new QLabel(this))
    , m_rangeButtons(new QButtonGroup(this))
{
    setObjectName(QStringLiteral("chartPanel"));
    m_stack = new EmptyStateStack(m_view, this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_synthetic->setObjectName(QStringLiteral("syntheticLabel"));
    m_synthetic->setStyleSheet(QStringLiteral(
        "QLabel { color: white; background: #c0392b; font-weight: bold; padding: 2px 6px; border-radius: 3px; }"));
    m_synthetic->setToolTip(tr("These prices are generated for the demo workspace, not market data."));
    m_synthetic->hide();
    m_readout->setObjectName(QStringLiteral("chartReadout"));
    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_readout->setFont(mono);

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
    // On its own line, and cut rather than widen the dock when narrow.
    m_readout->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(header);
    layout->addWidget(m_readout);
    layout->addWidget(m_stack, 1);

    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMouseTracking(true);
    buildChart();

    connect(m_rangeButtons, &QButtonGroup::idClicked, this, [this](int id) { setRange(Range(id)); });
    connect(m_selection, &SelectionModel::tickerChanged, this, &ChartPanel::reload);
    connect(m_selection, &SelectionModel::focusDateChanged, this, &ChartPanel::onFocusDateChanged);
    connect(m_view, &CrosshairChartView::pointerMoved, this, &ChartPanel::onPointerMoved);
    connect(m_view, &CrosshairChartView::pointerLeft, this, [this] { m_crosshair->hide(); });
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
    // Follow the system palette: a white chart in a dark window glares.
    m_chart->setTheme(prefersDarkTheme(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    m_chart->legend()->hide();
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_view->setChart(m_chart); // the view owns the chart

    m_axisX = new QDateTimeAxis(m_chart);
    m_axisX->setFormat(QStringLiteral("yyyy-MM-dd"));
    m_axisX->setTickCount(7);
    m_axisPrice = new QValueAxis(m_chart);
    m_axisPrice->setLabelFormat(QStringLiteral("%.0f"));
    m_axisVolume = new QValueAxis(m_chart);
    m_axisVolume->setVisible(false);
    m_axisScore = new QValueAxis(m_chart);
    m_axisScore->setTitleText(tr("Corporate score"));
    m_axisScore->setLinePenColor(QColor(0x8e, 0x44, 0xad));
    m_axisScore->setLabelsColor(QColor(0x8e, 0x44, 0xad));
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisPrice, Qt::AlignLeft);
    m_chart->addAxis(m_axisVolume, Qt::AlignLeft);
    m_chart->addAxis(m_axisScore, Qt::AlignRight);

    auto attach = [this](QAbstractSeries *series, QValueAxis *y) {
        m_chart->addSeries(series);
        series->attachAxis(m_axisX);
        series->attachAxis(y);
    };

    m_volume = new QCandlestickSeries(m_chart);
    m_volume->setName(tr("Volume"));
    // Volume as zero-based candles: the only bar shape Qt Charts places on a
    // date axis. Open/close order picks the colour of the day's direction.
    m_volume->setIncreasingColor(QColor(kUp.red(), kUp.green(), kUp.blue(), 90));
    m_volume->setDecreasingColor(QColor(kDown.red(), kDown.green(), kDown.blue(), 90));
    m_volume->setBodyOutlineVisible(false);
    m_volume->setCapsVisible(false);
    m_volume->setBodyWidth(0.8);
    attach(m_volume, m_axisVolume);

    m_candles = new QCandlestickSeries(m_chart);
    m_candles->setName(tr("Price"));
    m_candles->setIncreasingColor(kUp);
    m_candles->setDecreasingColor(kDown);
    m_candles->setBodyWidth(0.7);
    m_candles->setPen(QPen(QColor(0x55, 0x55, 0x55), 1));
    attach(m_candles, m_axisPrice);

    m_score = new QLineSeries(m_chart);
    m_score->setName(tr("Corporate score"));
    m_score->setPen(QPen(QColor(0x8e, 0x44, 0xad), 2));
    m_score->setPointsVisible(true);
    attach(m_score, m_axisScore);

    m_focus = new QLineSeries(m_chart);
    m_focus->setPen(QPen(QColor(0xe6, 0x7e, 0x22), 2, Qt::DashLine));
    attach(m_focus, m_axisPrice);

    m_events = new QScatterSeries(m_chart);
    m_events->setName(tr("Events"));
    m_events->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
    m_events->setMarkerSize(14);
    m_events->setColor(QColor(0xf3, 0x9c, 0x12));
    m_events->setBorderColor(QColor(0x7f, 0x4f, 0x00));
    attach(m_events, m_axisPrice);
    connect(m_events, &QScatterSeries::hovered, this, [this](const QPointF &point, bool state) {
        if (!state) {
            QToolTip::hideText();
            return;
        }
        const QStringList lines = m_eventText.value(qint64(point.x()));
        QToolTip::showText(QCursor::pos(), lines.join(QLatin1Char('\n')), m_view);
    });

    m_crosshair = new QGraphicsLineItem(m_chart);
    m_crosshair->setPen(QPen(QColor(0x7f, 0x8c, 0x8d), 1, Qt::DotLine));
    m_crosshair->setZValue(100);
    m_crosshair->hide();
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
    m_scores.clear();
    m_eventText.clear();
    m_candles->clear();
    m_volume->clear();
    m_events->clear();
    m_score->clear();
    m_focus->clear();
    m_synthetic->hide();
    m_readout->clear();
    m_title->setText(ticker);
    if (ticker.isEmpty()) {
        m_stack->showMessage(tr("Select a ticker in the watchlist to see its chart."));
        return;
    }
    QuoteStore quotes(m_db);
    auto last = quotes.latest(ticker, 1);
    if (!last) {
        m_stack->showMessage(tr("Cannot read prices: %1").arg(last.errorMessage()));
        return;
    }
    if (last->isEmpty()) {
        m_stack->showMessage(tr("No prices stored for %1 yet.\nAdd a price feed for it in Settings.").arg(ticker));
        return;
    }
    const QDate lastDate = last->first().tradingDate;
    auto bars = quotes.bars(ticker, rangeStart(m_range, lastDate), lastDate);
    if (!bars || bars->isEmpty()) {
        m_stack->showMessage(bars ? tr("No prices in this range.") : bars.errorMessage());
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
    for (const QuoteBar &b : std::as_const(m_bars)) {
        const double open = b.open > 0 ? b.open : b.close;
        const double high = b.high > 0 ? b.high : std::max(open, b.close);
        const double low = b.low > 0 ? b.low : std::min(open, b.close);
        const qreal t = qreal(dayMs(b.tradingDate));
        candleSets << new QCandlestickSet(open, high, low, b.close, t);
        const bool up = b.close >= open;
        volumeSets << new QCandlestickSet(up ? 0 : double(b.volume), double(b.volume), 0, up ? double(b.volume) : 0, t);
        lo = std::min(lo, low);
        hi = std::max(hi, high);
        maxVolume = std::max(maxVolume, b.volume);
        synthetic = synthetic || isSyntheticSource(b.source);
    }
    m_candles->append(candleSets);
    m_volume->append(volumeSets);
    m_synthetic->setVisible(synthetic);

    const double span = std::max(hi - lo, hi * 0.01);
    // The bottom quarter of the plot holds the volume bars, so the price axis
    // starts below the lowest price and the volume axis tops out at 4x.
    m_axisPrice->setRange(lo - span * 0.35, hi + span * 0.08);
    m_axisVolume->setRange(0, double(maxVolume) * 4.0);
    const qint64 firstMs = dayMs(m_bars.first().tradingDate);
    const qint64 lastMs = dayMs(m_bars.last().tradingDate);
    const qint64 pad = std::max<qint64>((lastMs - firstMs) / 80, 86'400'000);
    m_axisX->setRange(fromStoreTime(firstMs - pad), fromStoreTime(lastMs + pad));
    // Ticks fall at even intervals, not on month starts: the label gives the
    // tick's own day so an event marker reads against the right date.
    m_axisX->setFormat(
        m_range == Range::M1 || m_range == Range::M3 ? QStringLiteral("MMM d") : QStringLiteral("d MMM yy"));

    // Event markers on the first bar on or after the event's date.
    if (auto events = EventReader(m_db).events(ticker, 2000)) {
        for (const EventRow &e : std::as_const(*events)) {
            const QDate d = e.firstDay();
            if (!d.isValid() || d < m_bars.first().tradingDate || d > m_bars.last().tradingDate)
                continue;
            const int i = barIndexNear(dayMs(d));
            const QuoteBar &b = m_bars.at(i);
            const qint64 x = dayMs(b.tradingDate);
            QString line = QStringLiteral("%1  %2: %3").arg(e.eventDate, e.kind, e.title);
            if (const QString amount = e.amountText(); !amount.isEmpty())
                line += QStringLiteral(" (%1)").arg(amount);
            line += tr(" · %n source(s)", nullptr, e.sourceCount);
            if (!m_eventText.contains(x))
                m_events->append(qreal(x), std::max(b.high, b.close) + span * 0.05);
            m_eventText[x] << line;
        }
    }

    // The corporate score on its own axis, when scoring has produced one.
    if (auto scores = CorporateScoreReader(m_db).series(ticker)) {
        const qint64 from = firstMs - 86'400'000;
        const qint64 to = lastMs + 86'400'000;
        double smin = 0;
        double smax = 0;
        for (const CorporateScorePoint &p : std::as_const(*scores)) {
            if (p.asOfUtc < from || p.asOfUtc > to)
                continue;
            m_scores << p;
            m_score->append(qreal(p.asOfUtc), p.score);
            smin = std::min(smin, p.score);
            smax = std::max(smax, p.score);
        }
        const bool unitScale = smin >= -1.0 && smax <= 1.0;
        if (unitScale)
            m_axisScore->setRange(-1.0, 1.0);
        else
            m_axisScore->setRange(std::min(0.0, smin), std::max(100.0, smax));
        m_axisScore->setLabelFormat(unitScale ? QStringLiteral("%+.1f") : QStringLiteral("%.0f"));
    }
    m_axisScore->setVisible(!m_scores.isEmpty());
    m_axisScore->setTitleText(
        m_scores.isEmpty() ? QString() : tr("Corporate score (%1)").arg(m_scores.first().horizon));
    showReadoutAt(fromStoreTime(lastMs));
    showFocusDate();
}

void ChartPanel::showFocusDate()
{
    m_focus->clear();
    const QDate d = m_selection->focusDate();
    if (!d.isValid() || m_bars.isEmpty())
        return;
    if (d < m_bars.first().tradingDate)
        return;
    const qint64 x = dayMs(d);
    m_focus->append(qreal(x), m_axisPrice->min());
    m_focus->append(qreal(x), m_axisPrice->max());
    showReadoutAt(fromStoreTime(x));
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

int ChartPanel::barIndexNear(qint64 ms) const
{
    // First bar at or after `ms`, else the last one.
    auto it = std::lower_bound(m_bars.cbegin(), m_bars.cend(), ms,
        [](const QuoteBar &b, qint64 t) { return dayMs(b.tradingDate) < t - 43'200'000; });
    if (it == m_bars.cend())
        return int(m_bars.size()) - 1;
    return int(it - m_bars.cbegin());
}

void ChartPanel::showReadoutAt(const QDateTime &when)
{
    if (m_bars.isEmpty())
        return;
    const QuoteBar &b = m_bars.at(barIndexNear(when.toMSecsSinceEpoch()));
    QString text = QStringLiteral("%1  O %2  H %3  L %4  C %5  V %6")
                       .arg(b.tradingDate.toString(Qt::ISODate))
                       .arg(b.open, 0, 'f', 2)
                       .arg(b.high, 0, 'f', 2)
                       .arg(b.low, 0, 'f', 2)
                       .arg(b.close, 0, 'f', 2)
                       .arg(compactVolume(b.volume));
    // The score in force on that day: the newest one not after the bar.
    const qint64 barEnd = dayMs(b.tradingDate) + 43'200'000;
    const CorporateScorePoint *score = nullptr;
    for (const CorporateScorePoint &p : std::as_const(m_scores)) {
        if (p.asOfUtc <= barEnd)
            score = &p;
    }
    if (score)
        text += QStringLiteral("  Score %1").arg(formatCorporateScore(score->score, score->label));
    m_readout->setText(text);
}

void ChartPanel::onPointerMoved(const QPointF &scenePos)
{
    if (m_bars.isEmpty())
        return;
    const QRectF plot = m_chart->plotArea();
    const QPointF inChart = m_chart->mapFromScene(scenePos);
    if (!plot.contains(inChart)) {
        m_crosshair->hide();
        return;
    }
    const QPointF value = m_chart->mapToValue(inChart, m_candles);
    showReadoutAt(fromStoreTime(qint64(value.x())));
    m_crosshair->setLine(inChart.x(), plot.top(), inChart.x(), plot.bottom());
    m_crosshair->show();
}

int ChartPanel::candleCount() const
{
    return m_candles->count();
}

int ChartPanel::eventMarkerCount() const
{
    return m_events->count();
}

int ChartPanel::scorePointCount() const
{
    return m_score->count();
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
