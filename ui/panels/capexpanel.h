#pragma once

#include "ui/panels/panel.h"
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
    double midpoint() const { return (low + high) / 2.0; }
};

// Capital-expenditure guidance and actuals by year, as horizontal range bars
// with the midpoint, each labelled beside its bar, and the change of each
// figure against the one before it.
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

    static QList<CapexFigure> toFigures(const QList<EventRow> &events);

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
    struct FigureLabel {
        QGraphicsSimpleTextItem *item;   // owned by the chart
        int row;                         // bar category
        double value;                    // where its bar ends
        bool guidance;
    };

    void draw();
    void placeLabels();

    QSqlDatabase m_db;
    SelectionModel *m_selection;
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
