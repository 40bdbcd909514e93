#pragma once

#include <QByteArray>
#include <QString>

namespace tw {

// What a body turned out to be, read from its first bytes and shape rather
// than from the URL or Content-Type (providers answer failures with HTTP 200
// and an HTML or JSON body).
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

// Why a body that is not data is not data: what the user can do about it
// differs (wait, fix the key, fix the symbol, open the site in a browser).
enum class ProviderProblem { None, RateLimited, BadKey, UnknownSymbol, Blocked, ProviderError, NotAFeed };

struct SniffResult {
    DocumentFormat format = DocumentFormat::Unknown;
    ProviderProblem problem = ProviderProblem::None;
    QString message;    // for a problem: the cause in words, with the provider's own text where it has one
    bool ok() const { return problem == ProviderProblem::None; }
};

QString documentFormatId(DocumentFormat format);
QString providerProblemId(ProviderProblem problem);

class FeedSniffer {
public:
    static SniffResult sniff(const QByteArray &body);
};

} // namespace tw
