#pragma once

#include "models/core/result.h"
#include "feeds/parsers/feedsniffer.h"
#include "feeds/parsers/parsedfeed.h"

#include <QByteArray>
#include <QDateTime>
#include <QUrl>

namespace tw {

// Any news body: sniffed once (decoded once), then read by the one parser its
// format names in kDocumentFormats. A body that is not news (a price series,
// an error or consent page, a provider's rate-limit note) is an error naming
// the real cause, and so is a document from which no item could be recovered
// ("0 items: <why>"). A feed that simply has no items is no error.
class NewsDocumentParser {
public:
    struct Outcome {
        ParsedFeed feed;
        DocumentFormat format = DocumentFormat::Unknown;
    };
    static Result<Outcome> parse(const SniffResult &sniffed, const QUrl &feedUrl, const QDateTime &fetchedUtc);
    static Result<Outcome> parse(const QByteArray &document, const QUrl &feedUrl, const QDateTime &fetchedUtc,
                                 QStringView contentType = {});
};

} // namespace tw
