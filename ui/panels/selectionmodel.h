#pragma once

#include <QDate>
#include <QObject>
#include <QString>

namespace tw {

// What the analyst is looking at, shared by every panel: the current ticker
// (chosen in the watchlist), the open article and a date of interest (chosen
// on the timeline). Panels listen instead of talking to each other.
class SelectionModel : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    const QString &ticker() const { return m_ticker; }
    qint64 articleId() const { return m_articleId; }
    const QDate &focusDate() const { return m_focusDate; }

public slots:
    void setTicker(const QString &ticker);
    void setArticle(qint64 articleId);
    void setFocusDate(const QDate &date);

signals:
    void tickerChanged(const QString &ticker);
    void articleChanged(qint64 articleId);
    void focusDateChanged(const QDate &date);

private:
    QString m_ticker;
    qint64 m_articleId = 0;
    QDate m_focusDate;
};

} // namespace tw
