#pragma once

#include "models/domain/article.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace tw {

// Which XML reader an XML feed parser used (see StrictXmlReader).
enum class XmlReading {
    StrictFirst,   // the strict reader, then QXmlStreamReader when it declines (the default)
    QtOnly,        // QXmlStreamReader alone: the reference the strict reader is checked against
};

// What a news parser makes of one document: the items it could read and, for
// each item it had to skip, why. A parser never touches network or store.
struct ParsedFeed {
    QString title;
    QString link;
    QList<Article> articles;
    QStringList skipped;    // "item 3: no title, link or description"
    QStringList warnings;   // about what was kept, for the feed's status: encoding repaired, unreadable dates, damage
    QString damage;         // what made the document ill-formed, when it was ("3 bare '&' kept as text; ..."); else empty
    bool lostContent = false;   // the damage cost content: items dropped as malformed, or the document cut short
    bool readStrictly = false;   // XML feeds: the strict reader read it, QXmlStreamReader was not needed
};

} // namespace tw
