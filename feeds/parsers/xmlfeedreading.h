#pragma once

#include "models/core/result.h"
#include "feeds/parsers/documenttext.h"
#include "feeds/parsers/parsedfeed.h"
#include "feeds/parsers/xmlitemrecovery.h"
#include "feeds/parsers/xmlprolog.h"
#include "feeds/parsers/xmlrepair.h"

#include <QDateTime>
#include <QUrl>

namespace tw {

// How RssParser and AtomParser read a document with their reader (`Reader`:
// readStrictly, readPass, sawRoot, rootError, finish, feed), cheapest first:
//  1. the strict XML reader, which reads well-formed feeds fast;
//  2. QXmlStreamReader on the text as it is, HTML's entities resolved as it
//     goes (a feed whose only fault is &nbsp; needs nothing more);
//  3. when that reports an error: the text repaired (xmlrepair.h) and read
//     again, with broken-item recovery (`itemElement`: "item" or "entry")
//     for whatever damage the repair could not undo.
template <typename Reader>
Result<ParsedFeed> readXmlFeed(const DocumentText &decoded, const QUrl &feedUrl, const QDateTime &fetchedUtc,
                               XmlReading reading, const QString &itemElement)
{
    auto result = [&](Reader &reader, const QStringList &damage, bool lostContent) -> Result<ParsedFeed> {
        if (!reader.sawRoot())
            return fail(reader.rootError());
        reader.finish();
        ParsedFeed &feed = reader.feed();
        feed.lostContent = lostContent;
        if (!damage.isEmpty()) {
            feed.damage = damage.join(QStringLiteral("; "));
            feed.warnings << QStringLiteral("%1 %2 recovered from a damaged document (%3)")
                                 .arg(feed.articles.size())
                                 .arg(feed.articles.size() == 1 ? itemElement : itemElement + QLatin1Char('s'))
                                 .arg(feed.damage);
        }
        feed.warnings = decoded.warnings + feed.warnings;
        return std::move(feed);
    };
    if (reading == XmlReading::StrictFirst) {
        Reader strict(feedUrl, fetchedUtc);
        if (strict.readStrictly(decoded.text))
            return result(strict, {}, false);
    }
    // Entities a DTD may declare (an RSS 0.91 DOCTYPE names Netscape's, which
    // has HTML's) are no damage; undeclared ones in a document without one are.
    auto entityDamage = [&](const HtmlEntityResolver &entities) {
        if (entities.resolved() == 0 || !readXmlProlog(decoded.text).doctype.isEmpty())
            return QStringList();
        return QStringList{QStringLiteral("%1 HTML entities the document does not declare (%2) read as characters")
                               .arg(entities.resolved())
                               .arg(entities.examples().join(QStringLiteral(", ")))};
    };
    {
        HtmlEntityResolver entities;
        Reader reader(feedUrl, fetchedUtc);
        if (reader.readPass(decoded.text, &entities).wellFormed)
            return result(reader, entityDamage(entities), false);
    }
    HtmlEntityResolver entities;
    const XmlRepair repaired = repairXml(decoded.text, itemElement);
    Reader reader(feedUrl, fetchedUtc);
    QStringList broken;
    readWithItemRecovery(
        repaired.text, itemElement, [&](const QString &text) { return reader.readPass(text, &entities); },
        [&](const QString &reason) {
            reader.feed().skipped << reason;
            broken << reason;
        });
    if (repaired.itemsCutShort > 0)   // the repair dropped it; it counts as skipped like any other
        reader.feed().skipped << QStringLiteral("%1 %2: the document ends inside it")
                                     .arg(itemElement)
                                     .arg(reader.feed().articles.size() + reader.feed().skipped.size() + 1);
    return result(reader, entityDamage(entities) + repaired.repairs + broken, repaired.cutShort || !broken.isEmpty());
}

} // namespace tw
