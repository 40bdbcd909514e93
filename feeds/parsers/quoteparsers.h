#pragma once

#include "models/core/result.h"
#include "feeds/parsers/parsedquotes.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QStringView>
#include <QTimeZone>

namespace tw {

// Daily bars from the three price providers. A daily bar's trading date is the
// exchange-local date and its timestamp the exchange-local midnight in UTC,
// whatever the system zone, so bars from different providers for the same day
// are the same row in the store.

// Stooq /q/d/l/?s=meta.us&i=d: "Date,Open,High,Low,Close,Volume" CSV. Stooq
// names no zone: the caller passes the exchange's.
class StooqCsvParser {
public:
    static bool recognizes(QStringView firstLine);
    static Result<ParsedQuotes> parse(const QString &text, const QString &ticker, const QTimeZone &exchangeZone);
    static Result<ParsedQuotes> parse(const QByteArray &body, const QString &ticker, const QTimeZone &exchangeZone);
};

// Yahoo /v8/finance/chart/META?interval=1d: timestamps (the session open, UTC
// seconds) with parallel open/high/low/close/volume arrays, nulls for missing
// bars, the zone in meta.exchangeTimezoneName (meta.gmtoffset as fallback).
// Intraday charts (interval=1m ... 1h) make one daily bar per session from
// the bars in its regular hours; weekly or monthly ones are refused.
class YahooChartParser {
public:
    static bool recognizes(const QJsonDocument &json);
    static Result<ParsedQuotes> parse(const QJsonDocument &json, const QString &ticker);
    static Result<ParsedQuotes> parse(const QByteArray &body, const QString &ticker);
};

// Alpha Vantage TIME_SERIES_DAILY: "Time Series (Daily)" keyed by date,
// "1. open" ... "5. volume" as strings; the zone in "Meta Data"/"5. Time Zone".
class AlphaVantageDailyParser {
public:
    static bool recognizes(const QJsonDocument &json);
    static Result<ParsedQuotes> parse(const QJsonDocument &json, const QString &ticker);
    static Result<ParsedQuotes> parse(const QByteArray &body, const QString &ticker);
};

} // namespace tw
