#pragma once

#include <QDate>
#include <QObject>
#include <QString>

namespace tw {

// What the analyst is looking at, shared by every panel: the current ticker
// (chosen in the watchlist), the open article, and an event with its date
// (chosen on the timeline or a chart marker). Panels listen instead of
// talking to each other.
class SelectionModel : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    const QString &ticker() const { return m_ticker; }
    qint64 articleId() const { return m_articleId; }
    const QDate &focusDate() const { return m_focusDate; }
    // The selected event (0: none); its date is the focus date.
    qint64 eventId() const { return m_eventId; }

public slots:
    void setTicker(const QString &ticker);
    void setArticle(qint64 articleId);
    void setFocusDate(const QDate &date);
    // Selects an event and marks its date; setEvent(0, {}) clears both
    // (the chart's dashed line goes with the selection).
    void setEvent(qint64 eventId, const QDate &date);
    void clearEvent() { setEvent(0, QDate()); }

signals:
    void tickerChanged(const QString &ticker);
    void articleChanged(qint64 articleId);
    void focusDateChanged(const QDate &date);
    void eventChanged(qint64 eventId);

private:
    QString m_ticker;
    qint64 m_articleId = 0;
    QDate m_focusDate;
    qint64 m_eventId = 0;
};

} // namespace tw
