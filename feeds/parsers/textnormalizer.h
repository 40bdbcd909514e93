#pragma once

#include "feeds/parsers/feeddates.h"   // dates were read here once; feeds/fetch still includes this header for them

#include <QString>

namespace tw {

// Feed text arrives as HTML fragments with entities; the store keeps plain
// text. Only real markup goes: a '<' starts a tag only when an HTML element
// name (or a namespaced one, "o:p") follows, so "revenue < forecast" and
// "Apple <AAPL.O> shares" stay as written; <script>/<style> go with their
// content; <br> and block ends become line breaks; every HTML entity is read
// (the full list of the HTML standard), character references in 0x80-0x9F as
// Windows-1252; C1 control characters become the Windows-1252 characters they
// stand for (other control characters are kept, to be made safe where they
// are shown); UTF-8 that was read as
// Windows-1252 and encoded again ("Ã©", "â€™") is read back; runs of blanks
// become one.
QString plainTextFromHtml(const QString &html);

// Text that may or may not be HTML (an RSS title, a JSON Feed title): read as
// HTML only when it looks like HTML as feedparser judges it (a close tag or
// an entity reference, and only HTML's elements and entities), else kept as
// written with its white space folded. "Apple <AAPL.O> shares rise 3%" stays.
QString plainTextFromTextOrHtml(const QString &text);

// Plain text: white space folded, control characters dropped, nothing else.
QString normalizedPlainText(const QString &text);

// A stable hex digest for items without guid or link.
QString contentFingerprint(const QString &title, const QString &summary);

} // namespace tw
