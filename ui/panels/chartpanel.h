#pragma once

#include "models/domain/quote.h"
#include "ui/panels/panel.h"
#include "models/read/corporatescorereader.h"
#include "models/read/eventreader.h"

#include <QChartView>
#include <QDate>
#include <QSqlDatabase>
#include <QWidget>

class QButtonGroup;
class QCandlestickSeries;
class QDateTimeAxis;
class QGraphicsLineItem;
class QLabel;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace tw {

class EmptyStateStack;
class SelectionModel;

// A chart view that reports where the pointer is, in chart coordinates, so
// the panel can draw a crosshair and read the bar under it.
class CrosshairChartView : public QChartView {
    Q_OBJECT

public:
    using QChartView::QChartView;

signals:
    void pointerMoved(const QPointF &scenePos);
    void pointerLeft();

protected:
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
};

// Price chart of the current ticker: candles, volume bars along the bottom,
// the corporate score on a second axis, markers on event dates, and a
// crosshair read-out. Synthetic (demo) prices carry a visible label.
class ChartPanel : public Panel {
    Q_OBJECT

public:
    enum class Range { M1, M3, M6, Y1, Y5, All };

    ChartPanel(QSqlDatabase db, SelectionModel *selection, QWidget *parent = nullptr);

    Range range() const { return m_range; }
    void setRange(Range range);
    // What is drawn, for tests and the status bar.
    int candleCount() const;
    int eventMarkerCount() const;
    int scorePointCount() const;
    bool showsSyntheticLabel() const;
    QString readout() const;
    QString emptyMessage() const;
    // The read-out for the bar nearest to `when` (as the crosshair shows it).
    void showReadoutAt(const QDateTime &when);

    // The bars drawn: the ticker's daily quotes over the chosen range.
    Result<ExportQuery> exportQuery() const override;
    QString exportName() const override;

public slots:
    void reload() override;

private:
    void buildChart();
    void populate();
    void showFocusDate();
    void onFocusDateChanged(const QDate &date);
    void onPointerMoved(const QPointF &scenePos);
    int barIndexNear(qint64 ms) const;

    QSqlDatabase m_db;
    SelectionModel *m_selection;
    Range m_range = Range::Y1;

    EmptyStateStack *m_stack;
    CrosshairChartView *m_view;
    QLabel *m_title;
    QLabel *m_synthetic;
    QLabel *m_readout;
    QButtonGroup *m_rangeButtons;

    QChart *m_chart = nullptr;
    QCandlestickSeries *m_candles = nullptr;
    QCandlestickSeries *m_volume = nullptr;
    QScatterSeries *m_events = nullptr;
    QLineSeries *m_score = nullptr;
    QLineSeries *m_focus = nullptr;
    QDateTimeAxis *m_axisX = nullptr;
    QValueAxis *m_axisPrice = nullptr;
    QValueAxis *m_axisVolume = nullptr;
    QValueAxis *m_axisScore = nullptr;
    QGraphicsLineItem *m_crosshair = nullptr;

    QList<QuoteBar> m_bars;
    QList<CorporateScorePoint> m_scores;
    QHash<qint64, QStringList> m_eventText; // marker x (ms) -> event lines
};

} // namespace tw
