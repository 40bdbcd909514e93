#pragma once

#include "models/core/result.h"
#include "feeds/parsers/documenttext.h"
#include "feeds/parsers/parsedfeed.h"

#include <QByteArray>
#include <QDateTime>
#include <QUrl>

namespace tw {

// Atom 1.0 (RFC 4287), streamed. Text constructs (text, html, xhtml) become
// plain text; links resolve against xml:base and the feed URL; the entry's
// alternate link is its URL and its id its guid. SEC EDGAR's company feeds put
// the filing inside <content type="text/xml">: its form type, accession number,
// filing date and items become the summary, so the filing reads like news.
class AtomParser {
public:
    static Result<ParsedFeed> parse(const DocumentText &document, const QUrl &feedUrl, const QDateTime &fetchedUtc,
                                    XmlReading reading = XmlReading::StrictFirst);
    // Decodes the bytes first (tests, fuzzers; the sniffer has decoded a fetched body already).
    static Result<ParsedFeed> parse(const QByteArray &document, const QUrl &feedUrl, const QDateTime &fetchedUtc,
                                    XmlReading reading = XmlReading::StrictFirst);
};

} // namespace tw
