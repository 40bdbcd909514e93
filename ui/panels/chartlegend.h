#pragma once

#include <QImage>
#include <QList>
#include <QString>
#include <QWidget>

namespace tw {

// The chart's one legend: a wrapping row of marks with their meaning (the
// event kinds drawn, the score line, what a gap in it means) and a link to
// the Help page. Painted rather than built of labels so it wraps in a
// narrow dock.
class ChartLegend : public QWidget {
    Q_OBJECT

public:
    struct Entry {
        QImage mark;     // drawn at its device-independent size
        QString text;
        QString toolTip;
    };

    explicit ChartLegend(QWidget *parent = nullptr);

    void setEntries(const QList<Entry> &entries);
    QStringList texts() const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void helpRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    // Where each entry (and, last, the help link) goes at `width`.
    QList<QRect> layoutFor(int width) const;
    QString helpText() const;

    QList<Entry> m_entries;
};

} // namespace tw
