#pragma once

#include "models/core/result.h"
#include "models/domain/quote.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace tw {

// Price bars, one row per (ticker, interval, timestamp): the same bar stored
// twice is one row, and a corrected bar replaces the old values.
class QuoteStore {
public:
    explicit QuoteStore(QSqlDatabase db);

    // Returns true when the row was inserted or its values changed.
    Result<bool> upsert(const QuoteBar &bar);
    // Bars for `ticker` between two exchange-local dates (inclusive), oldest first.
    Result<QList<QuoteBar>> bars(const QString &ticker, const QDate &from, const QDate &to,
                                 const QString &interval = QStringLiteral("1d")) const;
    // Every daily bar of `ticker` as a study reads it (date, close, whether
    // synthetic), oldest first: the daily bars of bars() over all dates,
    // without the rest of each bar. On SQLite it reads on the driver's own
    // handle, with no QVariant per value (a backtest reads millions).
    Result<QList<DailyClose>> dailyCloses(const QString &ticker) const;
    // The most recent `n` bars, oldest first.
    Result<QList<QuoteBar>> latest(const QString &ticker, int n, const QString &interval = QStringLiteral("1d")) const;
    Result<qint64> count() const;

private:
    QSqlDatabase m_db;
    QSqlQuery m_upsert;
};

} // namespace tw
