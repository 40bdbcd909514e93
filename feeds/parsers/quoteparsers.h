#pragma once

#include "models/core/result.h"
#include "feeds/parsers/feedsniffer.h"
#include "feeds/parsers/parsedquotes.h"

#include <QByteArray>
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
    static Result<ParsedQuotes> parse(const QByteArray &body, const QString &ticker, const QTimeZone &exchangeZone);
};

// Yahoo /v8/finance/chart/META?interval=1d: timestamps (the session open, UTC
// seconds) with parallel open/high/low/close/volume arrays, nulls for missing
// bars, the zone in meta.exchangeTimezoneName (meta.gmtoffset as fallback).
class YahooChartParser {
public:
    static Result<ParsedQuotes> parse(const QByteArray &body, const QString &ticker);
};

// Alpha Vantage TIME_SERIES_DAILY: "Time Series (Daily)" keyed by date,
// "1. open" ... "5. volume" as strings; the zone in "Meta Data"/"5. Time Zone".
class AlphaVantageDailyParser {
public:
    static Result<ParsedQuotes> parse(const QByteArray &body, const QString &ticker);
};

// Sniffs the body and picks the parser; a provider's error body (Stooq "No
// data", an Alpha Vantage note, Yahoo's chart.error, an HTML page) is an
// error naming the cause. `expected` (Unknown = any) rejects the wrong shape.
class QuoteDocumentParser {
public:
    static Result<ParsedQuotes> parse(const QByteArray &body, const QString &ticker,
                                      const QTimeZone &exchangeZone = QTimeZone("America/New_York"),
                                      DocumentFormat expected = DocumentFormat::Unknown);
};

} // namespace tw
