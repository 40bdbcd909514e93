#pragma once

#include "models/core/result.h"
#include "feeds/parsers/documenttext.h"
#include "feeds/parsers/parsedfeed.h"

#include <QByteArray>
#include <QDateTime>
#include <QUrl>

namespace tw {

// RSS 2.0 and RSS 1.0 (RDF), streamed with QXmlStreamReader: both share the
// item vocabulary (title, link, description) and the same extension modules
// (content:encoded, dc:date, dc:creator), so one reader serves both. A
// document that is not RSS is an error; a broken item is skipped with its
// reason and the rest are kept.
class RssParser {
public:
    static Result<ParsedFeed> parse(const DocumentText &document, const QUrl &feedUrl, const QDateTime &fetchedUtc,
                                    XmlReading reading = XmlReading::StrictFirst);
    // Decodes the bytes first (tests, fuzzers; the sniffer has decoded a fetched body already).
    static Result<ParsedFeed> parse(const QByteArray &document, const QUrl &feedUrl, const QDateTime &fetchedUtc,
                                    XmlReading reading = XmlReading::StrictFirst);
};

} // namespace tw
