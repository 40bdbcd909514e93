#pragma once

#include "models/core/result.h"
#include "feeds/parsers/documenttext.h"
#include "feeds/parsers/parsedfeed.h"
#include "feeds/parsers/xmlitemrecovery.h"

#include <QByteArray>
#include <QDateTime>
#include <QUrl>

namespace tw {

// How RssParser and AtomParser read a document with their reader (`Reader`:
// readStrictly, readPass, sawRoot, rootError, finish, feed). First the strict
// XML reader; when it declines, a fresh reader on QXmlStreamReader with
// broken-item recovery (`itemElement`: "item" or "entry").
template <typename Reader>
Result<ParsedFeed> readXmlFeed(const QByteArray &document, const QUrl &feedUrl, const QDateTime &fetchedUtc,
                               XmlReading reading, const QString &itemElement)
{
    const DocumentText decoded = decodeDocument(document);
    auto result = [](Reader &reader) -> Result<ParsedFeed> {
        if (!reader.sawRoot())
            return fail(reader.rootError());
        reader.finish();
        return std::move(reader.feed());
    };
    if (reading == XmlReading::StrictFirst) {
        Reader strict(feedUrl, fetchedUtc);
        if (strict.readStrictly(decoded.text))
            return result(strict);
    }
    Reader reader(feedUrl, fetchedUtc);
    readWithItemRecovery(
        decoded.text, itemElement, [&](const QString &text) { return reader.readPass(text); },
        [&](const QString &reason) { reader.feed().skipped << reason; });
    return result(reader);
}

} // namespace tw
