#pragma once

#include "models/core/result.h"
#include "feeds/parsers/feedsniffer.h"
#include "feeds/parsers/parsedquotes.h"

#include <QByteArray>
#include <QTimeZone>

namespace tw {

// Any price body: sniffed once, then read by the parser its format names in
// kDocumentFormats; a provider's error body (Stooq "No data", an Alpha
// Vantage note, Yahoo's chart.error, an HTML page) is an error naming the
// cause. `expected` (nullopt = any) rejects the wrong shape.
class QuoteDocumentParser {
public:
    static Result<ParsedQuotes> parse(const SniffResult &sniffed, const QString &ticker, const QTimeZone &exchangeZone,
                                      std::optional<DocumentFormat> expected = std::nullopt);
    static Result<ParsedQuotes> parse(const QByteArray &body, const QString &ticker,
                                      const QTimeZone &exchangeZone = QTimeZone("America/New_York"),
                                      std::optional<DocumentFormat> expected = std::nullopt);
};

} // namespace tw
