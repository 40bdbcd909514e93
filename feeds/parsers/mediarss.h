#pragma once

#include "feeds/parsers/textnormalizer.h"

#include <QString>

namespace tw {

// Media RSS (search.yahoo.com/mrss), in RSS and Atom alike (YouTube's Atom
// feeds carry their descriptions only there): a title and description that
// stand in when the item has none of its own, read from <media:title>,
// <media:description> and the same inside <media:group>.
struct MediaText {
    QString title;
    QString description;
};

inline const QString &mediaRssNamespace()
{
    static const QString ns = QStringLiteral("http://search.yahoo.com/mrss/");
    return ns;
}

// At a start element in the Media RSS namespace; reads or skips it whole.
template <typename Xml>
void readMediaElement(Xml &xml, MediaText *media)
{
    const auto name = xml.name();
    if (name == QLatin1String("group")) {
        while (xml.readNextStartElement()) {
            if (xml.namespaceUri() == mediaRssNamespace())
                readMediaElement(xml, media);
            else
                xml.skipCurrentElement();
        }
    } else if (name == QLatin1String("title") && media->title.isEmpty()) {
        media->title = plainTextFromTextOrHtml(xml.readElementText(Xml::IncludeChildElements));
    } else if (name == QLatin1String("description") && media->description.isEmpty()) {
        media->description = plainTextFromTextOrHtml(xml.readElementText(Xml::IncludeChildElements));
    } else {
        xml.skipCurrentElement();
    }
}

} // namespace tw
