#pragma once

#include "models/core/result.h"
#include "feeds/parsers/documenttext.h"
#include "feeds/parsers/parsedfeed.h"
#include "feeds/parsers/xmlitemrecovery.h"
#include "feeds/parsers/xmlrepair.h"

#include <QDateTime>
#include <QUrl>

namespace tw {

// How RssParser and AtomParser read a document with their reader (`Reader`:
// readStrictly, readPass, sawRoot, rootError, finish, feed). First the strict
// XML reader, which reads well-formed feeds fast. When it declines, the text
// is repaired (xmlrepair.h: HTML entities, bare '&', stray '<', control
// characters, unclosed tags, a download cut short) and a fresh reader on
// QXmlStreamReader reads it, with broken-item recovery (`itemElement`: "item"
// or "entry") for whatever damage the repair could not undo.
template <typename Reader>
Result<ParsedFeed> readXmlFeed(const DocumentText &decoded, const QUrl &feedUrl, const QDateTime &fetchedUtc,
                               XmlReading reading, const QString &itemElement)
{
    auto result = [&](Reader &reader) -> Result<ParsedFeed> {
        if (!reader.sawRoot())
            return fail(reader.rootError());
        reader.finish();
        ParsedFeed &feed = reader.feed();
        feed.warnings = decoded.warnings + feed.warnings;
        return std::move(feed);
    };
    if (reading == XmlReading::StrictFirst) {
        Reader strict(feedUrl, fetchedUtc);
        if (strict.readStrictly(decoded.text))
            return result(strict);
    }
    const XmlRepair repaired = repairXml(decoded.text);
    Reader reader(feedUrl, fetchedUtc);
    QStringList broken;
    readWithItemRecovery(
        repaired.text, itemElement, [&](const QString &text) { return reader.readPass(text); },
        [&](const QString &reason) {
            reader.feed().skipped << reason;
            broken << reason;
        });
    QStringList damage = repaired.repairs;
    damage += broken;
    reader.feed().lostContent = repaired.cutShort || !broken.isEmpty();
    if (!damage.isEmpty()) {
        reader.feed().damage = damage.join(QStringLiteral("; "));
        reader.feed().warnings << QStringLiteral("%1 %2 recovered from a damaged document (%3)")
                                      .arg(reader.feed().articles.size())
                                      .arg(reader.feed().articles.size() == 1 ? itemElement : itemElement + QLatin1Char('s'))
                                      .arg(reader.feed().damage);
    }
    return result(reader);
}

} // namespace tw
