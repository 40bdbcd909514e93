#pragma once

#include <QString>
#include <QStringList>

#include <functional>

namespace tw {

// What one streaming pass over a feed document reports back: whether the XML
// broke, and if so whether inside an item (and which one of this pass).
struct XmlPassOutcome {
    bool wellFormed = true;     // QXmlStreamReader reported no error at all
    bool broken = false;
    QString error;
    qint64 line = 0;
    int brokenItemInPass = 0;   // 1-based ordinal of the item being read when it broke; 0 outside items
    int brokenItemNumber = 0;   // the same item counted over the whole document, for the skip reason
    int itemsInPass = 0;        // items started in this pass
    qint64 offset = 0;          // where the reader stopped, in characters
};

// One malformed item (an unescaped '&', a stray tag) makes the whole document
// ill-formed for an XML reader. Rather than lose every later item, the broken
// item is cut out and reading resumes after its end tag with the document's
// head (root and channel start tags, so namespaces stay declared) put back.
// `pass` reads one text and returns its outcome; `recordSkip` hears why
// something was dropped. `itemElement` is "item" (RSS) or "entry" (Atom).
void readWithItemRecovery(const QString &text, const QString &itemElement,
                          const std::function<XmlPassOutcome(const QString &)> &pass,
                          const std::function<void(const QString &)> &recordSkip);

} // namespace tw
