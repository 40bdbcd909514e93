#include "feeds/parsers/newsdocumentparser.h"

#include "feeds/parsers/atomparser.h"
#include "feeds/parsers/companynewsparser.h"
#include "feeds/parsers/jsonfeedparser.h"
#include "feeds/parsers/rssparser.h"

namespace tw {

Result<NewsDocumentParser::Outcome> NewsDocumentParser::parse(const QByteArray &document, const QUrl &feedUrl,
                                                              const QDateTime &fetchedUtc)
{
    const SniffResult sniffed = FeedSniffer::sniff(document);
    if (!sniffed.ok())
        return fail(sniffed.message);
    Result<ParsedFeed> parsed = fail(QString());
    switch (sniffed.format) {
    case DocumentFormat::Rss:
    case DocumentFormat::Rdf: parsed = RssParser::parse(document, feedUrl, fetchedUtc); break;
    case DocumentFormat::Atom: parsed = AtomParser::parse(document, feedUrl, fetchedUtc); break;
    case DocumentFormat::JsonFeed: parsed = JsonFeedParser::parse(document, feedUrl, fetchedUtc); break;
    case DocumentFormat::FinnhubNews: parsed = FinnhubNewsParser::parse(document, fetchedUtc); break;
    case DocumentFormat::AlphaVantageNews: parsed = AlphaVantageNewsParser::parse(document, fetchedUtc); break;
    default:
        return fail(QStringLiteral("not news: the body is %1 data").arg(documentFormatId(sniffed.format)));
    }
    if (!parsed)
        return parsed.error();
    return Outcome{std::move(*parsed), sniffed.format};
}

} // namespace tw
