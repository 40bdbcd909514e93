#pragma once

#include "ui/panels/panel.h"
#include "models/read/eventreader.h"

#include <QSqlDatabase>
#include <QWidget>

class QChart;
class QChartView;
class QTableWidget;

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

// Capital-expenditure guidance and actuals by year, as range bars with the
// midpoint, and the change of each figure against the one before it.
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

public slots:
    void reload() override;

private:
    void draw();

    QSqlDatabase m_db;
    SelectionModel *m_selection;
    QChartView *m_view;
    QTableWidget *m_table;
    EmptyStateStack *m_stack;
    QList<CapexFigure> m_figures;
};

} // namespace tw
