#pragma once

#include "models/backtest/signalfigures.h"
#include "ui/panels/panel.h"

#include <QPointer>
#include <QSqlDatabase>
#include <QThread>

class QComboBox;
class QLabel;
class QLineEdit;

namespace tw {

class CarChart;
class EmptyStateStack;
class IcChart;
class LabelReturnChart;
class SelectionModel;

// "Does the score work?" for the selected ticker (or the whole watchlist)
// over a date range: the point-in-time backtest's IC by forward window, the
// mean forward return by score label and the event study's CAR curves by
// kind. A few tickers are computed at once; many on a worker thread with its
// own connection, so the window never waits on a desk-sized watchlist.
class SignalPanel : public Panel {
    Q_OBJECT

public:
    SignalPanel(QSqlDatabase db, SelectionModel *selection, QWidget *parent = nullptr);
    ~SignalPanel() override;

    enum class Scope { SelectedTicker, Watchlist };
    void setScope(Scope scope);
    // Years back from the newest price (0: everything stored).
    void setRangeYears(int years);

    // What is drawn, or why nothing is (for tests and the window).
    const SignalFigures &figures() const { return m_figures; }
    QString emptyMessage() const;
    bool isComputing() const { return m_worker != nullptr; }
    IcChart *icChart() const { return m_ic; }
    CarChart *carChart() const { return m_car; }
    LabelReturnChart *labelChart() const { return m_labels; }

    Result<ExportQuery> exportQuery() const override;
    QString exportName() const override;

    // More tickers than this are computed off the GUI thread.
    static constexpr int kInlineTickers = 10;

public slots:
    // Computes again for the current selection; a docked panel hidden behind
    // another tab only notes that it is stale and computes when shown.
    void reload() override;

signals:
    void computed();

protected:
    void showEvent(QShowEvent *event) override;

private:
    bool waitsUntilShown() const;
    SignalRequest request() const;
    void show(const SignalFigures &figures);
    void showLabelWindow();
    void showCarSentiment();

    QComboBox *m_scope;
    QComboBox *m_range;
    QComboBox *m_horizon;
    QLineEdit *m_benchmark;
    QComboBox *m_forward;
    QComboBox *m_sentiment;
    QLabel *m_banner;
    QLabel *m_footer;
    IcChart *m_ic;
    CarChart *m_car;
    LabelReturnChart *m_labels;
    EmptyStateStack *m_stack;
    SignalFigures m_figures;
    QThread *m_worker = nullptr;
    quint64 m_generation = 0;
    bool m_reloadPending = false;
    bool m_stale = false;   // a reload was put off while hidden
};

} // namespace tw
