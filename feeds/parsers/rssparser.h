#pragma once

#include "core/result.h"
#include "parsers/parsedfeed.h"

#include <QByteArray>
#include <QDateTime>
#include <QUrl>

namespace tw {

// RSS 2.0, streamed with QXmlStreamReader. A document that is not RSS is an
// error; a broken item is skipped with its reason and the rest are kept.
class RssParser {
public:
    static Result<ParsedFeed> parse(const QByteArray &document, const QUrl &feedUrl, const QDateTime &fetchedUtc);
};

} // namespace tw
