#include "ui/panels/signalcharts.h"

#include "ui/panels/badge.h"
#include "models/events/eventtypes.h"
#include "models/scoring/corporatescorer.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace tw {

namespace {

QString percent(double v, int decimals = 1)
{
    return QString::number(v * 100, 'f', decimals) + QLatin1Char('%');
}

// A round step for about `count` ticks over `span`.
double niceStep(double span, int count)
{
    const double raw = span / std::max(count, 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (raw <= m * magnitude)
            return m * magnitude;
    return 10 * magnitude;
}

double finiteOr(double v, double fallback) { return std::isfinite(v) ? v : fallback; }

} // namespace

SignalChart::SignalChart(QString title, QWidget *parent) : QWidget(parent), m_title(std::move(title))
{
    setMinimumSize(220, 150);
}

void SignalChart::setTitle(const QString &title)
{
    m_title = title;
    update();
}

void SignalChart::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    update();
}

QColor SignalChart::muted() const
{
    return palette().color(QPalette::PlaceholderText);
}

QColor SignalChart::ink() const
{
    return palette().color(QPalette::WindowText);
}

void SignalChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().color(QPalette::Base));
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(ink());
    const QRectF titleBox(8, 4, width() - 16, p.fontMetrics().height() + 2);
    p.drawText(titleBox, Qt::AlignLeft | Qt::AlignVCenter, m_title);
    const double titleEnd = titleBox.left() + p.fontMetrics().horizontalAdvance(m_title) + 16;
    m_titleSpare = QRectF(titleEnd, titleBox.top(), std::max(0.0, titleBox.right() - titleEnd), titleBox.height());
    p.setFont(font());
    QRectF plot(8, titleBox.bottom() + 6, width() - 16, height() - titleBox.bottom() - 12);
    if (!hasFigure() || !m_placeholder.isEmpty()) {
        p.setPen(muted());
        p.drawText(plot, Qt::AlignCenter | Qt::TextWordWrap,
                   m_placeholder.isEmpty() ? tr("Nothing to show") : m_placeholder);
        return;
    }
    paintFigure(p, plot);
}

SignalChart::Scale SignalChart::valueAxis(QPainter &p, QRectF &plot, double lo, double hi, bool isPercent) const
{
    lo = std::min(lo, 0.0);
    hi = std::max(hi, 0.0);
    if (hi - lo < 1e-9) {
        lo -= 0.01;
        hi += 0.01;
    }
    const double step = niceStep(hi - lo, 4);
    lo = std::floor(lo / step) * step;
    hi = std::ceil(hi / step) * step;
    const QFontMetrics fm = p.fontMetrics();
    auto label = [&](double v) { return isPercent ? percent(v, step * 100 < 1 ? 1 : 0) : QString::number(v, 'f', 2); };
    int labelWidth = 0;
    for (double v = lo; v <= hi + step / 2; v += step)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(label(v)));
    plot.setLeft(plot.left() + labelWidth + 6);
    plot.setBottom(plot.bottom() - fm.height() * 2 - 4);   // room for category labels
    Scale s{lo, hi, plot};
    QColor grid = muted();
    grid.setAlpha(60);
    for (double v = lo; v <= hi + step / 2; v += step) {
        const double y = s.y(v);
        p.setPen(QPen(std::abs(v) < step / 2 ? muted() : grid, 1));
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(muted());
        p.drawText(QRectF(0, y - fm.height() / 2.0, plot.left() - 4, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                   label(std::abs(v) < step / 2 ? 0.0 : v));
    }
    return s;
}

IcChart::IcChart(QWidget *parent) : SignalChart(tr("Information coefficient by forward window (95% bars)"), parent)
{
    setObjectName(QStringLiteral("icChart"));
}

void IcChart::setWindows(const QList<WindowStats> &windows)
{
    m_windows = windows;
    update();
}

void IcChart::paintFigure(QPainter &p, const QRectF &area)
{
    double lo = 0, hi = 0;
    for (const WindowStats &w : m_windows)
        for (const CorrelationEstimate *e : {&w.level, &w.change})
            if (e->valid()) {
                lo = std::min(lo, finiteOr(e->low95(), e->value));
                hi = std::max(hi, finiteOr(e->high95(), e->value));
            }
    QRectF plot = area;
    const Scale s = valueAxis(p, plot, lo, hi, false);
    const QColor levelColor = palette().color(QPalette::Highlight);
    QColor changeColor = levelColor;
    changeColor.setAlpha(110);
    const double group = plot.width() / std::max<qsizetype>(m_windows.size(), 1);
    const double bar = std::min(group / 3.2, 46.0);
    const QFontMetrics fm = p.fontMetrics();
    for (qsizetype i = 0; i < m_windows.size(); ++i) {
        const WindowStats &w = m_windows[i];
        const double centre = plot.left() + group * (double(i) + 0.5);
        int k = 0;
        for (const CorrelationEstimate *e : {&w.level, &w.change}) {
            const double x = centre + (k == 0 ? -bar - 2 : 2);
            ++k;
            if (!e->valid())
                continue;
            const QRectF r = QRectF(QPointF(x, s.y(std::max(e->value, 0.0))), QPointF(x + bar, s.y(std::min(e->value, 0.0))));
            p.fillRect(r, k == 1 ? levelColor : changeColor);
            if (std::isfinite(e->standardError)) {
                const double mid = x + bar / 2;
                p.setPen(QPen(ink(), 1.2));
                p.drawLine(QPointF(mid, s.y(e->low95())), QPointF(mid, s.y(e->high95())));
                p.drawLine(QPointF(mid - 5, s.y(e->low95())), QPointF(mid + 5, s.y(e->low95())));
                p.drawLine(QPointF(mid - 5, s.y(e->high95())), QPointF(mid + 5, s.y(e->high95())));
            }
        }
        p.setPen(ink());
        const QString caption = QStringLiteral("%1d  IC %2  t %3")
                                    .arg(w.days)
                                    .arg(w.level.valid() ? QString::number(w.level.value, 'f', 3) : QStringLiteral("n/a"))
                                    .arg(w.level.valid() ? QString::number(w.level.t(), 'f', 1) : QStringLiteral("n/a"));
        p.drawText(QRectF(centre - group / 2, plot.bottom() + 2, group, fm.height()), Qt::AlignCenter, caption);
        p.setPen(muted());
        p.drawText(QRectF(centre - group / 2, plot.bottom() + 2 + fm.height(), group, fm.height()), Qt::AlignCenter,
                   tr("N %1").arg(w.level.n));
    }
    // Legend, top right: beside the title when it fits there, off the bars.
    const QString levelText = tr("level"), changeText = tr("change");
    const double legendWidth = fm.horizontalAdvance(levelText + changeText) + 40;
    const bool besideTitle = titleSpare().width() >= legendWidth;
    const double top = besideTitle ? titleSpare().center().y() - 6 : plot.top() + 2;
    double x = (besideTitle ? titleSpare().right() : plot.right()) - legendWidth;
    for (const auto &[color, text] : {std::pair{levelColor, levelText}, std::pair{changeColor, changeText}}) {
        p.fillRect(QRectF(x, top, 10, 10), color);
        p.setPen(ink());
        p.drawText(QPointF(x + 13, top + 9), text);
        x += fm.horizontalAdvance(text) + 22;
    }
}

CarChart::CarChart(QWidget *parent) : SignalChart(tr("Cumulative abnormal return around events (95% bands)"), parent)
{
    setObjectName(QStringLiteral("carChart"));
}

QColor CarChart::kindColor(EventKind kind)
{
    // The kind's colour from the event-kind table, as the chart's markers and
    // the timeline show it, so one kind reads the same everywhere.
    const unsigned rgb = describeEventKind(kind).rgb;
    return QColor(int((rgb >> 16) & 0xff), int((rgb >> 8) & 0xff), int(rgb & 0xff));
}

void CarChart::setCurves(const QList<CarCurve> &curves, int firstDay, int lastDay)
{
    m_curves.clear();
    for (const CarCurve &c : curves)
        if (c.n > 0 && !c.points.isEmpty())
            m_curves << c;
    m_first = firstDay;
    m_last = lastDay;
    setTitle(drawsBands() ? tr("Cumulative abnormal return around events (95% bands)")
                          : tr("Cumulative abnormal return around events (95% bars at day %1)")
                                .arg(m_last > 0 ? QStringLiteral("+%1").arg(m_last) : QString::number(m_last)));
}

void CarChart::paintFigure(QPainter &p, const QRectF &area)
{
    // The axis follows the curves; bands widen it at most to three times
    // their reach. A kind with two or three events has a band wide enough
    // (Student's t on 1-2 degrees of freedom) to flatten every curve, so it
    // is clipped at the plot's edge instead.
    double lo = 0, hi = 0, bandLo = 0, bandHi = 0;
    for (const CarCurve &c : m_curves)
        for (const CarPoint &pt : c.points) {
            lo = std::min(lo, pt.mean);
            hi = std::max(hi, pt.mean);
            if (c.n > 1 && (drawsBands() || &pt == &c.points.last())) {
                bandLo = std::min(bandLo, finiteOr(pt.low, pt.mean));
                bandHi = std::max(bandHi, finiteOr(pt.high, pt.mean));
            }
        }
    const double reach = std::max(hi - lo, 0.01);
    lo = std::max(std::min(bandLo, lo), lo - 2 * reach);
    hi = std::min(std::max(bandHi, hi), hi + 2 * reach);
    const QFontMetrics fm = p.fontMetrics();
    // Legend at the right: kind (sentiment), N, the CAR at the window's end
    // and, when the bands are bars, that CAR's band.
    auto kindName = [](const CarCurve &c) -> QString {
        return eventKindId(c.kind) + (c.sentiment == QLatin1String("all") ? QString() : QStringLiteral(" ") + c.sentiment);
    };
    QStringList legend;
    for (const CarCurve &c : m_curves) {
        const CarPoint &end = c.points.last();
        QString text = QStringLiteral("%1  N %2  %3").arg(kindName(c)).arg(c.n).arg(percent(end.mean));
        if (!drawsBands() && c.n > 1 && std::isfinite(end.low))
            text += QStringLiteral("  [%1, %2]").arg(percent(end.low), percent(end.high));
        legend << text;
    }
    int legendWidth = 0;
    for (const QString &text : std::as_const(legend))
        legendWidth = std::max(legendWidth, fm.horizontalAdvance(text));
    QRectF plot = area;
    plot.setRight(plot.right() - std::min<double>(legendWidth + 34, area.width() / 2));
    const Scale s = valueAxis(p, plot, lo, hi, true);
    const double span = std::max(m_last - m_first, 1);
    // With bars, a little room after the last day to set them side by side.
    const double barRoom = drawsBands() ? 0 : std::min(8.0 * double(m_curves.size()) + 8, plot.width() / 6);
    const double dayWidth = plot.width() - barRoom;
    auto xOf = [&](int day) { return plot.left() + (day - m_first) / span * dayWidth; };
    // Day axis, with day 0 marked.
    for (int d = m_first; d <= m_last; ++d) {
        if (d % 5 != 0 && d != m_first && d != m_last)
            continue;
        p.setPen(muted());
        p.drawText(QRectF(xOf(d) - 20, plot.bottom() + 2, 40, fm.height()), Qt::AlignCenter,
                   d > 0 ? QStringLiteral("+%1").arg(d) : QString::number(d));
    }
    p.drawText(QRectF(plot.left(), plot.bottom() + 2 + fm.height(), dayWidth, fm.height()), Qt::AlignCenter,
               tr("sessions from the event (day 0)"));
    p.setPen(QPen(muted(), 1, Qt::DashLine));
    p.drawLine(QPointF(xOf(0), plot.top()), QPointF(xOf(0), plot.bottom()));

    double legendY = plot.top() + 2;
    for (qsizetype i = 0; i < m_curves.size(); ++i) {
        const CarCurve &c = m_curves[i];
        const QColor color = kindColor(c.kind);
        QPolygonF line;
        for (const CarPoint &pt : c.points)
            line << QPointF(xOf(pt.day), s.y(pt.mean));
        p.save();
        p.setClipRect(plot);
        if (c.n > 1 && drawsBands()) {
            QColor band = color;
            band.setAlpha(45);
            QPainterPath area;
            for (const CarPoint &pt : c.points)
                if (area.isEmpty())
                    area.moveTo(xOf(pt.day), s.y(pt.high));
                else
                    area.lineTo(xOf(pt.day), s.y(pt.high));
            for (auto it = c.points.crbegin(); it != c.points.crend(); ++it)
                area.lineTo(xOf(it->day), s.y(it->low));
            area.closeSubpath();
            p.fillPath(area, band);
        }
        p.setPen(QPen(color, 2));
        p.drawPolyline(line);
        const CarPoint &end = c.points.last();
        if (c.n > 1 && !drawsBands() && std::isfinite(end.low)) {
            // The band at the last day as a bar, the kinds side by side.
            // An end beyond the axis (a kind with two or three events)
            // ends in an arrow at the edge instead of a cap.
            const double x = xOf(end.day) + 8 + 8 * double(i);
            const double yLow = std::min(s.y(end.low), plot.bottom()), yHigh = std::max(s.y(end.high), plot.top());
            p.setPen(QPen(color, 1.6));
            p.drawLine(QPointF(x, yLow), QPointF(x, yHigh));
            for (const auto &[y, clipped, dir] : {std::tuple{yLow, end.low < s.lo, 1.0}, std::tuple{yHigh, end.high > s.hi, -1.0}}) {
                if (clipped)
                    p.drawPolyline(QPolygonF{QPointF(x - 3, y - 5 * dir), QPointF(x, y), QPointF(x + 3, y - 5 * dir)});
                else
                    p.drawLine(QPointF(x - 3, y), QPointF(x + 3, y));
            }
            p.setPen(QPen(color, 1, Qt::DotLine));
            p.drawLine(QPointF(xOf(end.day), s.y(end.mean)), QPointF(x, s.y(end.mean)));
        }
        p.restore();
        p.fillRect(QRectF(plot.right() + 12, legendY + 3, 10, 10), color);
        p.setPen(ink());
        p.drawText(QPointF(plot.right() + 26, legendY + 12), legend[i]);
        legendY += fm.height() + 4;
    }
}

LabelReturnChart::LabelReturnChart(QWidget *parent)
    : SignalChart(tr("Mean forward return by score label"), parent)
{
    setObjectName(QStringLiteral("labelReturnChart"));
}

void LabelReturnChart::setReturns(const QList<LabelReturn> &returns, int days)
{
    m_returns = returns;
    m_days = days;
    update();
}

void LabelReturnChart::paintFigure(QPainter &p, const QRectF &area)
{
    const QString insufficient = insufficientNewsLabel();
    bool anyScoreLabel = false;
    for (const LabelReturn &l : m_returns)
        anyScoreLabel = anyScoreLabel || (l.label != insufficient && l.n > 0 && std::isfinite(l.mean));
    double lo = 0, hi = 0;
    for (const LabelReturn &l : m_returns) {
        if (l.n == 0 || !std::isfinite(l.mean) || (anyScoreLabel && l.label == insufficient))
            continue;
        const double half = finiteOr(l.halfWidth95, 0);
        lo = std::min(lo, l.mean - half);
        hi = std::max(hi, l.mean + half);
    }
    QRectF plot = area;
    const Scale s = valueAxis(p, plot, lo, hi, true);
    const QFontMetrics fm = p.fontMetrics();
    const double slot = plot.width() / std::max<qsizetype>(m_returns.size(), 1);
    const double bar = std::min(slot * 0.6, 60.0);
    const int decimals = s.hi - s.lo < 0.02 ? 2 : 1;
    for (qsizetype i = 0; i < m_returns.size(); ++i) {
        const LabelReturn &l = m_returns[i];
        const double centre = plot.left() + slot * (double(i) + 0.5);
        const bool shown = l.n > 0 && std::isfinite(l.mean);
        if (shown) {
            QColor color = sentimentColor(l.label);
            if (l.label.contains(QLatin1String("Somewhat")))
                color.setAlpha(150);
            p.save();
            p.setClipRect(plot.adjusted(0, -1, 0, 1));   // a bar off the axis is cut at its edge
            p.fillRect(QRectF(QPointF(centre - bar / 2, s.y(std::max(l.mean, 0.0))),
                              QPointF(centre + bar / 2, s.y(std::min(l.mean, 0.0)))),
                       color);
            if (std::isfinite(l.halfWidth95)) {
                p.setPen(QPen(ink(), 1.2));
                p.drawLine(QPointF(centre, s.y(l.mean - l.halfWidth95)), QPointF(centre, s.y(l.mean + l.halfWidth95)));
                p.drawLine(QPointF(centre - 5, s.y(l.mean - l.halfWidth95)),
                           QPointF(centre + 5, s.y(l.mean - l.halfWidth95)));
                p.drawLine(QPointF(centre - 5, s.y(l.mean + l.halfWidth95)),
                           QPointF(centre + 5, s.y(l.mean + l.halfWidth95)));
            }
            p.restore();
            if (l.mean < s.lo || l.mean > s.hi) {
                // Off the axis: a mark at the edge it leaves by.
                const double edge = l.mean < s.lo ? plot.bottom() : plot.top();
                const double dir = l.mean < s.lo ? 1 : -1;
                QPolygonF arrow{QPointF(centre - 6, edge - 7 * dir), QPointF(centre + 6, edge - 7 * dir),
                                QPointF(centre, edge)};
                p.setPen(Qt::NoPen);
                p.setBrush(ink());
                p.drawPolygon(arrow);
                p.setBrush(Qt::NoBrush);
            }
        }
        p.setPen(ink());
        const QString shortLabel = QString(l.label)
                                       .replace(QStringLiteral("Somewhat "), QStringLiteral("Smwt "))
                                       .replace(QStringLiteral("Insufficient news"), QStringLiteral("Insufficient"));
        p.drawText(QRectF(centre - slot / 2, plot.bottom() + 2, slot, fm.height()), Qt::AlignCenter,
                   fm.elidedText(shortLabel, Qt::ElideRight, int(slot)));
        p.setPen(muted());
        const QString value = shown ? (l.mean > 0 ? QStringLiteral("+") : QString()) + percent(l.mean, decimals)
                                    : QString();
        // The mean beside N when both fit; N always.
        const QString count = tr("N %1").arg(l.n);
        const QString detail = value.isEmpty() ? count : tr("%1  %2").arg(value, count);
        p.drawText(QRectF(centre - slot / 2, plot.bottom() + 2 + fm.height(), slot, fm.height()), Qt::AlignCenter,
                   fm.horizontalAdvance(detail) + 4 <= slot ? detail : count);
    }
    p.setPen(muted());
    const QString horizon = tr("%1-session return").arg(m_days);
    const bool besideTitle = titleSpare().width() >= fm.horizontalAdvance(horizon) + 4;
    p.drawText(besideTitle ? titleSpare() : QRectF(plot.left(), plot.top(), plot.width() - 4, fm.height()),
               Qt::AlignRight | Qt::AlignVCenter, horizon);
}

} // namespace tw
