#pragma once

#include "models/core/result.h"
#include "models/domain/feed.h"
#include "feeds/parsers/atomparser.h"
#include "feeds/parsers/companynewsparser.h"
#include "feeds/parsers/documenttext.h"
#include "feeds/parsers/jsonfeedparser.h"
#include "feeds/parsers/parsedfeed.h"
#include "feeds/parsers/parsedquotes.h"
#include "feeds/parsers/quoteparsers.h"
#include "feeds/parsers/rssparser.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QStringView>
#include <QTimeZone>
#include <QUrl>

#include <array>
#include <cstddef>
#include <optional>

namespace tw {

// What a body turned out to be, read from its first bytes and shape rather
// than from the URL or Content-Type (providers answer failures with HTTP 200
// and an HTML or JSON body). Everything about a format lives in its row of
// kDocumentFormats: how the sniffer recognises it, which parser reads it and
// which kind of feed serves it. Adding a news format: an enumerator, its case
// in documentFormatRow (-Wswitch names it), its row, and its parser.
enum class DocumentFormat {
    Unknown,
    Rss,                // RSS 0.9x / 2.0
    Rdf,                // RSS 1.0
    Atom,
    JsonFeed,
    FinnhubNews,
    AlphaVantageNews,
    StooqCsv,
    YahooChart,
    AlphaVantageDaily,
    Html,               // never a feed: an error, consent or block page
    OtherJson,
    OtherXml,
    Empty,
};

enum class DocumentContent { News, Prices, NotData };

// What a parser gets: the body decoded once (and its JSON parsed once, for
// JSON formats) by the sniffer.
struct NewsInput {
    const DocumentText &document;
    const QJsonDocument &json;
    const QUrl &feedUrl;
    const QDateTime &fetchedUtc;
};
struct QuoteInput {
    const DocumentText &document;
    const QJsonDocument &json;
    const QString &ticker;
    const QTimeZone &exchangeZone;
};
using NewsReader = Result<ParsedFeed> (*)(const NewsInput &);
using QuoteReader = Result<ParsedQuotes> (*)(const QuoteInput &);

struct DocumentFormatInfo {
    DocumentFormat format;
    const char *id;                       // "rss", "yahoo-chart": in CLI output and messages
    const char *label;                    // for people: "RSS 2.0"
    DocumentContent content;
    std::optional<FeedKind> servedBy;     // the feed kind whose URLs serve it
    // How the sniffer knows it (one of the three, or none):
    const char *xmlRoot;                               // the root element's local name
    bool (*jsonShape)(const QJsonDocument &);          // a JSON body's shape
    bool (*textShape)(QStringView firstLine);          // a text body's first line
    NewsReader readNews;                  // for News
    QuoteReader readQuotes;               // for Prices
};

inline constexpr std::array<DocumentFormatInfo, 14> kDocumentFormats{{
    {DocumentFormat::Unknown, "unknown", "an unrecognised body", DocumentContent::NotData, std::nullopt, nullptr,
     nullptr, nullptr, nullptr, nullptr},
    {DocumentFormat::Rss, "rss", "RSS 2.0", DocumentContent::News, FeedKind::News, "rss", nullptr, nullptr,
     [](const NewsInput &in) { return RssParser::parse(in.document, in.feedUrl, in.fetchedUtc); }, nullptr},
    {DocumentFormat::Rdf, "rss1-rdf", "RSS 1.0 (RDF)", DocumentContent::News, FeedKind::News, "RDF", nullptr, nullptr,
     [](const NewsInput &in) { return RssParser::parse(in.document, in.feedUrl, in.fetchedUtc); }, nullptr},
    {DocumentFormat::Atom, "atom", "Atom", DocumentContent::News, FeedKind::News, "feed", nullptr, nullptr,
     [](const NewsInput &in) { return AtomParser::parse(in.document, in.feedUrl, in.fetchedUtc); }, nullptr},
    {DocumentFormat::JsonFeed, "jsonfeed", "JSON Feed", DocumentContent::News, FeedKind::News, nullptr,
     &JsonFeedParser::recognizes, nullptr,
     [](const NewsInput &in) { return JsonFeedParser::parse(in.json, in.feedUrl, in.fetchedUtc); }, nullptr},
    {DocumentFormat::FinnhubNews, "finnhub-news", "Finnhub company news", DocumentContent::News, FeedKind::FinnhubNews,
     nullptr, &FinnhubNewsParser::recognizes, nullptr,
     [](const NewsInput &in) { return FinnhubNewsParser::parse(in.json, in.fetchedUtc); }, nullptr},
    {DocumentFormat::AlphaVantageNews, "alphavantage-news", "Alpha Vantage news and sentiment", DocumentContent::News,
     FeedKind::AlphaVantageNews, nullptr, &AlphaVantageNewsParser::recognizes, nullptr,
     [](const NewsInput &in) { return AlphaVantageNewsParser::parse(in.json, in.fetchedUtc); }, nullptr},
    {DocumentFormat::StooqCsv, "stooq", "Stooq daily prices (CSV)", DocumentContent::Prices, FeedKind::Stooq, nullptr,
     nullptr, &StooqCsvParser::recognizes, nullptr,
     [](const QuoteInput &in) { return StooqCsvParser::parse(in.document.text, in.ticker, in.exchangeZone); }},
    {DocumentFormat::YahooChart, "yahoo-chart", "Yahoo daily prices (chart)", DocumentContent::Prices,
     FeedKind::YahooChart, nullptr, &YahooChartParser::recognizes, nullptr, nullptr,
     [](const QuoteInput &in) { return YahooChartParser::parse(in.json, in.ticker); }},
    {DocumentFormat::AlphaVantageDaily, "alphavantage-daily", "Alpha Vantage daily prices", DocumentContent::Prices,
     FeedKind::AlphaVantageDaily, nullptr, &AlphaVantageDailyParser::recognizes, nullptr, nullptr,
     [](const QuoteInput &in) { return AlphaVantageDailyParser::parse(in.json, in.ticker); }},
    {DocumentFormat::Html, "html", "an HTML page", DocumentContent::NotData, std::nullopt, nullptr, nullptr, nullptr,
     nullptr, nullptr},
    {DocumentFormat::OtherJson, "json", "JSON of another shape", DocumentContent::NotData, std::nullopt, nullptr, nullptr,
     nullptr, nullptr, nullptr},
    {DocumentFormat::OtherXml, "xml", "XML of another vocabulary", DocumentContent::NotData, std::nullopt, nullptr,
     nullptr, nullptr, nullptr, nullptr},
    {DocumentFormat::Empty, "empty", "an empty body", DocumentContent::NotData, std::nullopt, nullptr, nullptr, nullptr,
     nullptr, nullptr},
}};

constexpr std::size_t documentFormatRow(DocumentFormat format)
{
    switch (format) {
    case DocumentFormat::Unknown: return 0;
    case DocumentFormat::Rss: return 1;
    case DocumentFormat::Rdf: return 2;
    case DocumentFormat::Atom: return 3;
    case DocumentFormat::JsonFeed: return 4;
    case DocumentFormat::FinnhubNews: return 5;
    case DocumentFormat::AlphaVantageNews: return 6;
    case DocumentFormat::StooqCsv: return 7;
    case DocumentFormat::YahooChart: return 8;
    case DocumentFormat::AlphaVantageDaily: return 9;
    case DocumentFormat::Html: return 10;
    case DocumentFormat::OtherJson: return 11;
    case DocumentFormat::OtherXml: return 12;
    case DocumentFormat::Empty: return 13;
    }
    return 0;
}

constexpr const DocumentFormatInfo &documentFormatInfo(DocumentFormat format)
{
    return kDocumentFormats[documentFormatRow(format)];
}

constexpr bool documentFormatRowsInOrder()
{
    for (std::size_t i = 0; i < kDocumentFormats.size(); ++i) {
        const DocumentFormatInfo &f = kDocumentFormats[i];
        if (documentFormatRow(f.format) != i)
            return false;
        // A data format names its reader; a news or price format is served by a feed kind.
        if ((f.content == DocumentContent::News) != (f.readNews != nullptr)
            || (f.content == DocumentContent::Prices) != (f.readQuotes != nullptr)
            || (f.content != DocumentContent::NotData) != f.servedBy.has_value())
            return false;
    }
    return true;
}
static_assert(documentFormatRowsInOrder(), "kDocumentFormats must list every DocumentFormat once, in order, "
                                           "each data format with its reader and feed kind");

QString documentFormatId(DocumentFormat format);
QString documentFormatLabel(DocumentFormat format);

// The price format a price feed kind serves; nullopt for news kinds.
std::optional<DocumentFormat> priceFormatServedBy(FeedKind kind);

} // namespace tw
