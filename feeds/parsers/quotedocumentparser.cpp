#include "feeds/parsers/quotedocumentparser.h"

namespace tw {

Result<ParsedQuotes> QuoteDocumentParser::parse(const SniffResult &sniffed, const QString &ticker,
                                                const QTimeZone &exchangeZone, std::optional<DocumentFormat> expected)
{
    if (!sniffed.ok())
        return fail(sniffed.message);
    if (expected && sniffed.format != *expected)
        return fail(QStringLiteral("expected %1 data, the body is %2")
                        .arg(documentFormatId(*expected), documentFormatId(sniffed.format)));
    const DocumentFormatInfo &format = documentFormatInfo(sniffed.format);
    if (format.content != DocumentContent::Prices)
        return fail(QStringLiteral("not price data: the body is %1").arg(QLatin1String(format.id)));
    return format.readQuotes(QuoteInput{sniffed.document, sniffed.json, ticker, exchangeZone});
}

Result<ParsedQuotes> QuoteDocumentParser::parse(const QByteArray &body, const QString &ticker,
                                                const QTimeZone &exchangeZone, std::optional<DocumentFormat> expected)
{
    return parse(FeedSniffer::sniff(body), ticker, exchangeZone, expected);
}

} // namespace tw
