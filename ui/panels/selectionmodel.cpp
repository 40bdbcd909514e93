#include "ui/panels/selectionmodel.h"

namespace tw {

void SelectionModel::setTicker(const QString &ticker)
{
    if (ticker == m_ticker)
        return;
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

} // namespace tw
