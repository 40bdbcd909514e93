// One libFuzzer entry point, compiled once per parser (TW_FUZZ_<name>).
#include "feeds/parsers/atomparser.h"
#include "feeds/parsers/companyfactsparser.h"
#include "feeds/parsers/companynewsparser.h"
#include "feeds/parsers/feedsniffer.h"
#include "feeds/parsers/jsonfeedparser.h"
#include "feeds/parsers/newsdocumentparser.h"
#include "feeds/parsers/quotedocumentparser.h"
#include "feeds/parsers/quoteparsers.h"
#include "feeds/parsers/rssparser.h"
#include "feeds/parsers/secfilingdocumentparser.h"
#include "feeds/parsers/secfilingfeedparser.h"
#include "feeds/parsers/secformat.h"
#include "feeds/parsers/secsubmissionsparser.h"
#include "feeds/parsers/textnormalizer.h"
#include "feeds/parsers/xmlrepair.h"
#include "parsedfeeddiff.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const QUrl base(QStringLiteral("https://fuzz.example.com/feeds/feed.xml"));
    const QDateTime fetched(QDate(2026, 4, 8), QTime(12, 0), Qt::UTC);
#if defined(TW_FUZZ_rss) || defined(TW_FUZZ_atom)
    using Parse = tw::Result<tw::ParsedFeed> (*)(const QByteArray &, const QUrl &, const QDateTime &, tw::XmlReading);
#if defined(TW_FUZZ_rss)
    const Parse parse = &tw::RssParser::parse;
#else
    const Parse parse = &tw::AtomParser::parse;
#endif
    // Differential: where the strict reader reads a document, it must give
    // what QXmlStreamReader gives.
    const auto fast = parse(body, base, fetched, tw::XmlReading::StrictFirst);
    const auto reference = parse(body, base, fetched, tw::XmlReading::QtOnly);
    if (fast.ok() != reference.ok()) {
        std::fprintf(stderr, "strict and Qt readers disagree on success: %s\n",
                     qPrintable(fast.ok() ? reference.errorMessage() : fast.errorMessage()));
        std::abort();
    }
    if (fast.ok() && fast->readStrictly) {
        if (const QString d = twtest::parsedFeedDifference(*fast, *reference); !d.isEmpty()) {
            std::fprintf(stderr, "strict and Qt readers disagree: %s\n", qPrintable(d));
            std::abort();
        }
    }
#elif defined(TW_FUZZ_jsonfeed)
    (void)tw::JsonFeedParser::parse(body, base, fetched);
#elif defined(TW_FUZZ_companynews)
    (void)tw::FinnhubNewsParser::parse(body, fetched);
    (void)tw::AlphaVantageNewsParser::parse(body, fetched);
#elif defined(TW_FUZZ_sniffer)
    (void)tw::FeedSniffer::sniff(body);
    (void)tw::NewsDocumentParser::parse(body, base, fetched);
#elif defined(TW_FUZZ_quotes)
    (void)tw::StooqCsvParser::parse(body, QStringLiteral("META"), QTimeZone("America/New_York"));
    (void)tw::YahooChartParser::parse(body, QString());
    (void)tw::AlphaVantageDailyParser::parse(body, QString());
#elif defined(TW_FUZZ_html)
    const QString text = QString::fromUtf8(body);
    (void)tw::plainTextFromHtml(text);
    (void)tw::plainTextFromTextOrHtml(text);
    (void)tw::parseFeedDate(text);
    (void)tw::repairXml(text);
    (void)tw::decodeDocument(body, QStringLiteral("text/xml; charset=windows-1251"));
#elif defined(TW_FUZZ_secfeed)
    (void)tw::sniffSecFormat(body);
    (void)tw::SecFilingFeedParser::parse(body);
    (void)tw::SecSubmissionsParser::parse(body);
#elif defined(TW_FUZZ_secfiling)
    (void)tw::SecFilingDocumentParser::parse(body, QStringLiteral("0001628280-25-058337.txt"));
    (void)tw::SecFilingDocumentParser::parse(body);
#elif defined(TW_FUZZ_companyfacts)
    (void)tw::CompanyFactsParser::parse(body, {QStringLiteral("us-gaap:PaymentsToAcquirePropertyPlantAndEquipment"),
                                               QStringLiteral("us-gaap:Revenues"), QStringLiteral("dei:EntityCommonStockSharesOutstanding")});
#endif
    return 0;
}
