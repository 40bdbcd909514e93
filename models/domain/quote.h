#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace tw {

// One OHLCV bar. For daily bars `timestamp` is the start of the trading day in
// the exchange's time zone, expressed in UTC, and `tradingDate` is that
// exchange-local date, so no system locale or zone can shift a bar by a day.
struct QuoteBar {
    QString ticker;
    QString interval = QStringLiteral("1d");
    QDateTime timestamp;        // UTC
    QDate tradingDate;          // exchange-local
    double open = 0;
    double high = 0;
    double low = 0;
    double close = 0;
    qint64 volume = 0;
    QString source;             // "yahoo", "stooq", "alphavantage", "demo" (synthetic)
};

// One daily close as a study reads it (QuoteStore::dailyCloses): far smaller
// than a QuoteBar, so ten years of five hundred tickers fit in a few tens of
// megabytes.
struct DailyClose {
    QDate date;               // exchange-local trading date
    double close = 0;
    bool synthetic = false;   // source "demo"
};

inline bool isSyntheticSource(const QString &source) { return source == QLatin1String("demo"); }

} // namespace tw
