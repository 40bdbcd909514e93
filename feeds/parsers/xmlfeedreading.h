#pragma once

#include "models/core/result.h"
#include "feeds/parsers/articlefinisher.h"
#include "feeds/parsers/documenttext.h"
#include "feeds/parsers/parsedfeed.h"
#include "feeds/parsers/xmlitemrecovery.h"
#include "feeds/parsers/xmlprolog.h"
#include "feeds/parsers/xmlrepair.h"
#include "feeds/parsers/strictxmlreader.h"

#include <QDateTime>
#include <QUrl>
#include <QXmlStreamReader>

namespace tw {

// What RssReader and AtomReader share (`Format` derives from it): the feed
// being read, the strict and the Qt pass over a text, and where a pass stands
// for broken-item recovery. The format reads the document from its root
// element in `readDocument(xml)`, for either reader; `Format::kName` ("RSS",
// "Atom") names it in "Not an … document".
template <typename Format>
class XmlFeedReader {
public:
    XmlFeedReader(const QUrl &feedUrl, const QDateTime &fetched) : m_feedUrl(feedUrl), m_fetched(fetched) {}

    // The strict reader's one pass; false when it declined the document
    // (this reader is then discarded and QXmlStreamReader reads it afresh).
    bool readStrictly(const QString &text)
    {
        StrictXmlReader xml(text);
        if (xml.readNextStartElement())
            static_cast<Format *>(this)->readDocument(xml);
        m_feed.readStrictly = !xml.hasError();
        return m_feed.readStrictly;
    }

    // One pass over (possibly resumed) document text; state survives resumes.
    XmlPassOutcome readPass(const QString &text, QXmlStreamEntityResolver *entities)
    {
        QXmlStreamReader xml(text);
        xml.setEntityResolver(entities);
        m_itemsInPass = 0;
        m_inItem = false;
        if (xml.readNextStartElement())
            static_cast<Format *>(this)->readDocument(xml);
        XmlPassOutcome outcome;
        outcome.wellFormed = !xml.hasError();
        if (xml.hasError()) {
            outcome.broken = m_sawRoot;   // else nothing to resume: the caller reports rootError()
            outcome.error = xml.errorString();
            outcome.line = xml.lineNumber();
            outcome.brokenItemInPass = m_inItem ? m_itemsInPass : 0;
            outcome.brokenItemNumber = m_itemNumber;
            outcome.itemsInPass = m_itemsInPass;
            outcome.offset = xml.characterOffset();
        }
        if (!m_sawRoot && m_rootError.isEmpty())
            m_rootError = xml.hasError()
                              ? QStringLiteral("Not an %1 document: %2").arg(QLatin1String(Format::kName), xml.errorString())
                              : QStringLiteral("Not an %1 document (empty)").arg(QLatin1String(Format::kName));
        return outcome;
    }

    ParsedFeed &feed() { return m_feed; }
    const QString &rootError() const { return m_rootError; }
    bool sawRoot() const { return m_sawRoot; }

    void finish()
    {
        for (Article &a : m_feed.articles)
            a = finishArticle(std::move(a), m_fetched, m_feed.title);
    }

protected:
    // An item (RSS) or entry (Atom) starts and ends; one that never ends is
    // where a pass broke.
    void beginItem()
    {
        ++m_itemsInPass;
        ++m_itemNumber;
        m_inItem = true;
    }
    void endItem() { m_inItem = false; }

    QUrl m_feedUrl;
    QDateTime m_fetched;
    ParsedFeed m_feed;
    QString m_rootError;
    QString m_rootNs;
    bool m_sawRoot = false;
    int m_itemNumber = 0;   // over the whole document, for skip reasons

private:
    bool m_inItem = false;
    int m_itemsInPass = 0;
};

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
