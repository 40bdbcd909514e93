#pragma once

#include "feeds/parsers/strictxmlreader.h"

#include <QString>
#include <QXmlStreamReader>

namespace tw {

// An element's content as markup, the same from either reader: child elements
// HTML names as bare tags (<p>, </p>, by local name, no attributes; others,
// such as SVG's, leave only their text), text as the source
// of HTML (MarkupText::AsSource: an RSS description or title, where the text
// is HTML and child elements are HTML written unescaped) or escaped
// (MarkupText::Escaped: Atom's XHTML, where the text is text). The result is
// for plainTextFromHtml, which then sees <br>, </p> and <script> as a browser
// would, instead of the run-together text readElementText gives.
QString readElementMarkup(QXmlStreamReader &xml, MarkupText text);

inline QString readElementMarkup(StrictXmlReader &xml, MarkupText text)
{
    return xml.readElementMarkup(text);
}

} // namespace tw
