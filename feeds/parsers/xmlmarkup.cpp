#include "feeds/parsers/xmlmarkup.h"

#include "feeds/parsers/htmlelements.h"

namespace tw {

QString readElementMarkup(QXmlStreamReader &xml, MarkupText text)
{
    if (!xml.isStartElement())
        return {};
    QString result;
    int depth = 0;
    while (!xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::StartElement:
            if (isHtmlElementName(xml.name())) {
                result += QLatin1Char('<');
                result += xml.name();
                result += QLatin1Char('>');
            }
            ++depth;
            break;
        case QXmlStreamReader::EndElement:
            if (depth-- == 0)
                return result;
            if (isHtmlElementName(xml.name())) {
                result += QLatin1String("</");
                result += xml.name();
                result += QLatin1Char('>');
            }
            break;
        case QXmlStreamReader::Characters:
            if (text == MarkupText::AsSource) {
                result += xml.text();
            } else {
                for (const QChar c : xml.text()) {
                    if (c == QLatin1Char('&'))
                        result += QLatin1String("&amp;");
                    else if (c == QLatin1Char('<'))
                        result += QLatin1String("&lt;");
                    else if (c == QLatin1Char('>'))
                        result += QLatin1String("&gt;");
                    else
                        result += c;
                }
            }
            break;
        default:
            break;
        }
    }
    return result;
}

} // namespace tw
