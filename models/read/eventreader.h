#pragma once

#include "models/core/result.h"
#include "models/store/filingstore.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace tw {

struct EventRow {
    qint64 id = 0;
    QString ticker;
    QString eventDate; // as stored: "2026-04-08", "2026-04" or "2025"
    QString precision; // day, month, quarter, year
    QString kind;
    QString title;
    QString metric;
    QString basis; // "guidance", "actual", ...
    std::optional<double> amountLow;
    std::optional<double> amountHigh;
    QString currency;
    QString unit;
    QString period;
    double confidence = 0;
    int sourceCount = 0;
    // The company's own filing of it, when one reports it: "8-K 2025-12-19".
    QString filing;

    // The first day the stored date covers ("2026-04" -> 2026-04-01).
    QDate firstDay() const;
    // "$115–135 billion", "$72 billion", or empty.
    QString amountText() const;
    // An amount of this event in billions, whether stored as 115 with unit
    // "billion" or as 115000000000 with no unit.
    double inBillions(double amount) const;
};

struct EventSourceArticle {
    qint64 articleId = 0;
    qint64 publishedUtc = 0;
    QString source;
    QString title;
};

// Extracted events (rows written by event extraction) for the timeline, the
// chart markers and the capex panel.
class EventReader {
public:
    explicit EventReader(QSqlDatabase db);

    // Newest first; every ticker when `ticker` is empty.
    Result<QList<EventRow>> events(const QString &ticker, int limit = 500) const;
    Result<QList<EventSourceArticle>> sources(qint64 eventId) const;
    // The filings that report it: the company's own word.
    Result<QList<FilingSource>> filings(qint64 eventId) const;
    // Capital-expenditure figures (guidance and actuals), oldest period first.
    Result<QList<EventRow>> capex(const QString &ticker) const;

private:
    Result<QList<EventRow>> select(
        const QString &where, const QVariantList &binds, const QString &order, int limit) const;

    QSqlDatabase m_db;
};

} // namespace tw
