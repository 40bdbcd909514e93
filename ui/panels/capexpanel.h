#pragma once

#include "ui/panels/panel.h"
#include "models/filings/reportedfigures.h"
#include "models/read/eventreader.h"

#include <QSqlDatabase>
#include <QWidget>

class QAbstractBarSeries;
class QChart;
class QChartView;
class QGraphicsSimpleTextItem;
class QScatterSeries;
class QTableWidget;
class QValueAxis;

namespace tw {

class EmptyStateStack;
class SelectionModel;

// One figure of the capex history: a year's guidance range or reported actual.
struct CapexFigure {
    int year = 0;
    bool guidance = false;
    double low = 0; // billions
    double high = 0; // billions
    QString date; // when it was reported
    // An actual from the company's filing ("10-K filed 2025-02-05") rather
    // than a figure the news quoted; the news's figure for the year beside it.
    bool reported = false;
    QString source;
    std::optional<double> newsFigure;   // billions
    // The actual against the year's last guided range:
    // "guided 91-93, reported 91.447: inside the range".
    QString verdict;
    double midpoint() const { return (low + high) / 2.0; }
};

// Capital-expenditure guidance and actuals by year, as horizontal range bars
// with the midpoint, each labelled beside its bar, and the change of each
// figure against the one before it. An actual the company reported in a 10-K
// stands in for the news's figure (both are listed), and a year guided and
// reported says whether the result landed below, inside or above the last
// guided range.
class CapexPanel : public Panel {
    Q_OBJECT

public:
    CapexPanel(QSqlDatabase db, SelectionModel *selection, QWidget *parent = nullptr);

    // The figures drawn: per year the newest guidance and the newest actual.
    const QList<CapexFigure> &figures() const { return m_figures; }
    QTableWidget *table() const { return m_table; }
    QString emptyMessage() const;

    // Every capex figure reported for the ticker, revisions included: the
    // history behind the newest-per-year figures drawn.
    Result<ExportQuery> exportQuery() const override;
    QString exportName() const override;

    // Per year the newest guidance and the actual: the company's 10-K figure
    // when `reported` has the year, else the news's.
    static QList<CapexFigure> toFigures(const QList<EventRow> &events, const QList<ReportedFigure> &reported = {});

    // Geometry in the chart's scene, for tests: the figure labels, the bars
    // and midpoint marks, and the chart itself.
    QList<QRectF> labelRects() const;
    QStringList labelTexts() const;
    QList<QRectF> figureRects() const;
    QRectF chartRect() const;

public slots:
    void reload() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    static constexpr int kChartYears = 4;   // years the chart shows, up to the newest
    struct FigureLabel {
        QGraphicsSimpleTextItem *item;   // owned by the chart
        int row;                         // bar category
        double value;                    // where its bar ends
        bool guidance;
    };

    void draw();
    void placeLabels();

    QChartView *m_view;
    QTableWidget *m_table;
    EmptyStateStack *m_stack;
    QList<CapexFigure> m_figures;
    QList<FigureLabel> m_labels;
    QScatterSeries *m_midSeries = nullptr;
    QValueAxis *m_valueAxis = nullptr;
    QAbstractBarSeries *m_barSeries = nullptr;
    double m_top = 0;        // the largest figure, billions
    bool m_placing = false;
};

} // namespace tw
