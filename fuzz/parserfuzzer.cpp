// One libFuzzer entry point, compiled once per parser (TW_FUZZ_<name>).
#include "parsers/atomparser.h"
#include "parsers/companynewsparser.h"
#include "parsers/feedsniffer.h"
#include "parsers/jsonfeedparser.h"
#include "parsers/newsdocumentparser.h"
#include "parsers/quoteparsers.h"
#include "parsers/rssparser.h"
#include "parsers/textnormalizer.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const QUrl base(QStringLiteral("https://fuzz.example.com/feeds/feed.xml"));
    const QDateTime fetched(QDate(2026, 4, 8), QTime(12, 0), Qt::UTC);
#if defined(TW_FUZZ_rss)
    (void)tw::RssParser::parse(body, base, fetched);
#elif defined(TW_FUZZ_atom)
    (void)tw::AtomParser::parse(body, base, fetched);
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
    (void)tw::parseFeedDate(text);
#endif
    return 0;
}
