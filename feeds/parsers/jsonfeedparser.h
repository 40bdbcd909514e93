#pragma once

#include "models/core/result.h"
#include "feeds/parsers/parsedfeed.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonDocument>
#include <QUrl>

namespace tw {

// JSON Feed 1.0 and 1.1 (jsonfeed.org). JSON has no streaming reader in Qt;
// the document is parsed whole, which is fine for feed-sized bodies (the
// fetcher caps them).
class JsonFeedParser {
public:
    static bool recognizes(const QJsonDocument &json);
    static Result<ParsedFeed> parse(const QJsonDocument &json, const QUrl &feedUrl, const QDateTime &fetchedUtc);
    // Parses the bytes first (tests, fuzzers; the sniffer has parsed a fetched body already).
    static Result<ParsedFeed> parse(const QByteArray &document, const QUrl &feedUrl, const QDateTime &fetchedUtc);
};

} // namespace tw
