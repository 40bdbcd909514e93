#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>
#include <QXmlStreamEntityResolver>

namespace tw {

// What a feed's text needs before an XML reader will take it, done the way
// feedparser's loose reading does it, on the text (no third XML parser:
// QXmlStreamReader reads the result):
//  - HTML's named entities (&nbsp; &rsquo; &eacute; ... the full HTML list)
//    become character references, unless the document's DTD declares them;
//    an unknown one and a bare '&' ("?a=1&b=2", "AT&T") become text;
//  - a '<' that starts no tag ("revenue < forecast") becomes text;
//  - characters XML forbids (control characters, U+FFFE) are dropped;
//  - tags are made well-formed: attribute values quoted, valueless
//    attributes given one, duplicates dropped, <br> <hr> <img> <wbr> closed;
//    an end tag closes what was left open inside its element, a stray end
//    tag is dropped, and a document cut short is closed at its end, without
//    the item (`itemElement`: "item", "entry") it was cut short in;
//  - an element or attribute prefix no xmlns declares is declared (the
//    well-known feed modules by their URI);
//  - text before the root element and a second XML declaration are dropped.
// A well-formed document comes out unchanged.
struct XmlRepair {
    QString text;
    QStringList repairs;         // what was done, for the feed's status: "2 bare '&' escaped"
    bool cutShort = false;       // the text ended inside markup or with more than the root element open: content is lost
    int itemsCutShort = 0;       // items the text ended inside, dropped
    bool damaged() const { return !repairs.isEmpty(); }
};

XmlRepair repairXml(QStringView text, const QString &itemElement = {});

// HTML's named entities for QXmlStreamReader, which calls it for every entity
// the document does not declare (&nbsp; &rsquo; ...): the commonest breakage
// of all is then no breakage, and needs no repair pass. Counts what it read.
class HtmlEntityResolver : public QXmlStreamEntityResolver {
public:
    QString resolveUndeclaredEntity(const QString &name) override;
    int resolved() const { return m_resolved; }
    QStringList examples() const { return m_examples; }

private:
    int m_resolved = 0;
    QStringList m_examples;
};

// The URI feed readers assume for a well-known prefix used without a
// declaration ("dc", "content", "media", ...); empty when unknown.
QString wellKnownNamespace(QStringView prefix);

} // namespace tw
