#pragma once

#include "models/backtest/backtest.h"
#include "models/backtest/eventstudy.h"

#include <QWidget>

namespace tw {

// The Signal panel's three figures, painted directly: a handful of bars and
// curves with error bars and bands, which QtCharts draws only with effort.
// Each keeps a copy of what it draws, so a test can read it back.
class SignalChart : public QWidget {
    Q_OBJECT

public:
    explicit SignalChart(QString title, QWidget *parent = nullptr);
    QSize minimumSizeHint() const override { return {220, 150}; }
    const QString &title() const { return m_title; }
    // Shown in the plot area instead of the figure ("No events dated to a day").
    void setPlaceholder(const QString &text);
    const QString &placeholder() const { return m_placeholder; }

protected:
    void setTitle(const QString &title);
    void paintEvent(QPaintEvent *event) override;
    // Draws the figure inside `plot` (the area left after title and margins).
    virtual void paintFigure(QPainter &p, const QRectF &plot) = 0;
    virtual bool hasFigure() const = 0;

    // Vertical value axis with a few round ticks; returns value -> y.
    struct Scale {
        double lo = 0, hi = 1;
        QRectF plot;
        double y(double v) const { return plot.bottom() - (v - lo) / (hi - lo) * plot.height(); }
    };
    Scale valueAxis(QPainter &p, QRectF &plot, double lo, double hi, bool percent) const;
    // The room right of the title, for a legend that would otherwise sit on
    // the figure (valid while painting).
    const QRectF &titleSpare() const { return m_titleSpare; }
    QColor muted() const;
    QColor ink() const;

private:
    QString m_title;
    QString m_placeholder;
    QRectF m_titleSpare;
};

// The IC of the score's level and of its change, per forward window, as bars
// with their 95% error bars.
class IcChart : public SignalChart {
    Q_OBJECT

public:
    explicit IcChart(QWidget *parent = nullptr);
    void setWindows(const QList<WindowStats> &windows);
    const QList<WindowStats> &windows() const { return m_windows; }

protected:
    void paintFigure(QPainter &p, const QRectF &plot) override;
    bool hasFigure() const override { return !m_windows.isEmpty(); }

private:
    QList<WindowStats> m_windows;
};

// Cumulative abnormal return curves by event kind, each with its 95% band;
// with more than kMaxBands curves the bands would hide one another, so each
// curve's band is drawn as a bar at the window's last day instead.
class CarChart : public SignalChart {
    Q_OBJECT

public:
    explicit CarChart(QWidget *parent = nullptr);
    void setCurves(const QList<CarCurve> &curves, int firstDay, int lastDay);
    const QList<CarCurve> &curves() const { return m_curves; }
    bool drawsBands() const { return m_curves.size() <= kMaxBands; }
    static QColor kindColor(EventKind kind);
    static constexpr int kMaxBands = 3;

protected:
    void paintFigure(QPainter &p, const QRectF &plot) override;
    bool hasFigure() const override { return !m_curves.isEmpty(); }

private:
    QList<CarCurve> m_curves;
    int m_first = -5, m_last = 10;
};

// Mean forward return after each score label, with its band and N. The axis
// follows the five score labels: a few "insufficient news" sessions with a
// wide band would otherwise squash them, so that bar is clipped at the axis
// (its value written under it, as every bar's is).
class LabelReturnChart : public SignalChart {
    Q_OBJECT

public:
    explicit LabelReturnChart(QWidget *parent = nullptr);
    void setReturns(const QList<LabelReturn> &returns, int days);
    const QList<LabelReturn> &returns() const { return m_returns; }

protected:
    void paintFigure(QPainter &p, const QRectF &plot) override;
    bool hasFigure() const override { return !m_returns.isEmpty(); }

private:
    QList<LabelReturn> m_returns;
    int m_days = 1;
};

} // namespace tw
