#include "ui/panels/selectionmodel.h"

namespace tw {

void SelectionModel::setTicker(const QString &ticker)
{
    if (ticker == m_ticker)
        return;
    // An event belongs to one company: choosing another ends its selection.
    if (m_eventId != 0 || m_focusDate.isValid())
        clearEvent();
    m_ticker = ticker;
    emit tickerChanged(m_ticker);
}

void SelectionModel::setArticle(qint64 articleId)
{
    if (articleId == m_articleId)
        return;
    m_articleId = articleId;
    emit articleChanged(m_articleId);
}

void SelectionModel::setFocusDate(const QDate &date)
{
    // Emitted even when unchanged: clicking the same event again should bring
    // the chart back to it after the analyst scrolled away.
    m_focusDate = date;
    emit focusDateChanged(m_focusDate);
}

void SelectionModel::setEvent(qint64 eventId, const QDate &date)
{
    const bool changed = eventId != m_eventId;
    m_eventId = eventId;
    if (changed)
        emit eventChanged(m_eventId);
    setFocusDate(date);
}

} // namespace tw
