#pragma once

#include "models/core/result.h"
#include "feeds/parsers/feedsniffer.h"
#include "feeds/parsers/parsedfeed.h"

#include <QByteArray>
#include <QDateTime>
#include <QUrl>

namespace tw {

// Any news body: sniffed first, then read by the parser for its format. A
// body that is not news (a price series, an error or consent page, a
// provider's rate-limit note) is an error naming the real cause.
class NewsDocumentParser {
public:
    struct Outcome {
        ParsedFeed feed;
        DocumentFormat format = DocumentFormat::Unknown;
    };
    static Result<Outcome> parse(const QByteArray &document, const QUrl &feedUrl, const QDateTime &fetchedUtc);
};

} // namespace tw
