#pragma once

#include "models/domain/quote.h"
#include "ui/panels/panel.h"
#include "models/read/corporatescorereader.h"
#include "models/read/eventreader.h"

#include <QChartView>
#include <QDate>
#include <QHash>
#include <QSqlDatabase>
#include <QWidget>

class QButtonGroup;
class QCandlestickSeries;
class QCategoryAxis;
class QDateTimeAxis;
class QGraphicsLineItem;
class QLabel;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace tw {

class ChartLegend;
class EmptyStateStack;
class SelectionModel;

// A chart view that reports where the pointer is and where it was pressed,
// in scene coordinates, so the panel can draw a crosshair and find markers.
class CrosshairChartView : public QChartView {
    Q_OBJECT

public:
    using QChartView::QChartView;

signals:
    void pointerMoved(const QPointF &scenePos, const QPoint &globalPos);
    void pointerPressed(const QPointF &scenePos);
    void pointerLeft();

protected:
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
};

// One event drawn on the chart: a lettered, coloured mark of its kind above
// the bar of its date (several on one day stack upwards).
struct ChartEventMarker {
    qint64 eventId = 0;
    QDate date;          // the event's first day
    int barIndex = 0;    // the bar it sits on
    double y = 0;        // on the price axis
    EventRow event;
};

// Price chart of the current ticker: daily candles on trading days only
// (no weekend gaps), volume along the bottom, the corporate score on a
// second axis with gaps where there is not enough news, event markers by
// kind with a legend, a crosshair read-out, and the selected event's date
// as a dashed line. Synthetic (demo) prices carry a visible label.
class ChartPanel : public Panel {
    Q_OBJECT

public:
    enum class Range { M1, M3, M6, Y1, Y5, All };

    ChartPanel(QSqlDatabase db, SelectionModel *selection, QWidget *parent = nullptr);

    Range range() const { return m_range; }
    void setRange(Range range);
    // What is drawn, for tests and the status bar.
    int candleCount() const;
    int eventMarkerCount() const;        // events drawn (one mark each)
    int scorePointCount() const;         // days with a score drawn
    int scoreGapCount() const;           // breaks in the score line
    QList<QDate> scoreDays() const;      // the trading days that have a score point
    bool showsSyntheticLabel() const;
    QString readout() const;
    QString emptyMessage() const;
    const QList<ChartEventMarker> &markers() const { return m_markers; }
    // Where marker `i` is drawn, in the chart view's viewport coordinates.
    QPoint markerPosition(int i) const;
    // The tooltip text of marker `i` (what hovering it shows).
    QString markerToolTip(int i) const;
    // Where bar `i` is centred, in viewport x coordinates.
    int barX(int i) const;
    // The price axis: tick spacing and the tick values shown (round numbers).
    double priceTickInterval() const { return m_priceTick; }
    QList<double> priceTicks() const;
    // The date axis labels, left to right.
    QStringList timeAxisLabels() const;
    bool focusLineShown() const;
    QStringList legendTexts() const;
    // The read-out for the bar nearest to `when` (as the crosshair shows it).
    void showReadoutAt(const QDateTime &when);

    // The bars drawn: the ticker's daily quotes over the chosen range.
    Result<ExportQuery> exportQuery() const override;
    QString exportName() const override;

public slots:
    void reload() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildChart();
    void applyColors();
    void populate();
    void placeEvents(const QString &ticker, double span);
    void placeScores(const QString &ticker);
    void updateTimeAxis();
    void updateLegend();
    void showFocusDate();
    void onFocusDateChanged(const QDate &date);
    void onPointerMoved(const QPointF &scenePos, const QPoint &globalPos);
    void onPointerPressed(const QPointF &scenePos);
    int markerAt(const QPointF &scenePos) const;
    int barIndexOfDate(const QDate &date) const;
    void showReadoutAtBar(int index);

    Range m_range = Range::Y1;

    EmptyStateStack *m_stack;
    CrosshairChartView *m_view;
    QLabel *m_title;
    QLabel *m_synthetic;
    QLabel *m_readout;
    ChartLegend *m_legend;
    QButtonGroup *m_rangeButtons;

    QChart *m_chart = nullptr;
    QCandlestickSeries *m_candles = nullptr;
    QCandlestickSeries *m_volume = nullptr;
    QList<QLineSeries *> m_scoreSegments;
    QHash<QString, QScatterSeries *> m_eventSeries;   // by kind
    QLineSeries *m_focus = nullptr;
    QCategoryAxis *m_axisX = nullptr;      // labelled, in bar indices
    QDateTimeAxis *m_axisTime = nullptr;   // hidden, carries the series
    QValueAxis *m_axisPrice = nullptr;
    QValueAxis *m_axisVolume = nullptr;
    QValueAxis *m_axisScore = nullptr;
    QGraphicsLineItem *m_crosshair = nullptr;
    int m_timeLabelCapacity = 0;
    double m_priceTick = 0;

    QList<QuoteBar> m_bars;
    QString m_scoreHorizon;
    QList<std::optional<DailyCorporateScore>> m_barScores;   // per bar
    QList<ChartEventMarker> m_markers;
    mutable QHash<qint64, QString> m_sourceText;            // event id -> "3 sources: A, B, C"
    int m_hovered = -1;
};

} // namespace tw
