#include "feeds/parsers/atomparser.h"

#include "feeds/parsers/mediarss.h"
#include "feeds/parsers/strictxmlreader.h"
#include "feeds/parsers/textnormalizer.h"
#include "feeds/parsers/xmlbase.h"
#include "feeds/parsers/xmlfeedreading.h"
#include "feeds/parsers/xmlitemrecovery.h"
#include "feeds/parsers/xmlmarkup.h"

#include <QHash>
#include <QXmlStreamReader>

namespace tw {

namespace {
const QString kAtomNs = QStringLiteral("http://www.w3.org/2005/Atom");
const QString kAtom03Ns = QStringLiteral("http://purl.org/atom/ns#");

enum class TextType { Text, Html, Xhtml, Base64 };

TextType textTypeOf(const QString &type)
{
    if (type == QLatin1String("html") || type == QLatin1String("text/html"))
        return TextType::Html;
    if (type == QLatin1String("xhtml") || type == QLatin1String("application/xhtml+xml"))
        return TextType::Xhtml;
    // RFC 4287 4.1.3.3: any other media type that is neither text nor XML is base64.
    if (type.contains(QLatin1Char('/')) && !type.startsWith(QLatin1String("text/")) && !type.endsWith(QLatin1String("xml")))
        return TextType::Base64;
    return TextType::Text;
}

// A text construct as plain text: `text` as written, `html` read as HTML
// (markup written unescaped inside it too), `xhtml` as the XHTML it holds
// (its <script> and <style> dropped with their content). Atom 0.3's
// mode="base64" is decoded first.
template <typename Xml>
QString readTextConstruct(Xml &xml)
{
    const auto attributes = xml.attributes();
    const TextType type = textTypeOf(attributes.value(QLatin1String("type")).toString().toLower());
    if (type == TextType::Base64 || attributes.value(QLatin1String("mode")) == QLatin1String("base64")) {
        const QByteArray bytes = QByteArray::fromBase64(xml.readElementText(Xml::IncludeChildElements).toLatin1());
        const QString decoded = QString::fromUtf8(bytes);
        return type == TextType::Html || type == TextType::Xhtml ? plainTextFromHtml(decoded)
                                                                 : normalizedPlainText(decoded).simplified();
    }
    switch (type) {
    case TextType::Html: return plainTextFromHtml(readElementMarkup(xml, MarkupText::AsSource));
    case TextType::Xhtml: return plainTextFromHtml(readElementMarkup(xml, MarkupText::Escaped));
    case TextType::Text:
    case TextType::Base64: break;
    }
    return normalizedPlainText(xml.readElementText(Xml::IncludeChildElements)).simplified();
}

// EDGAR: <content type="text/xml"><accession-number>...</accession-number>
// <filing-type>8-K</filing-type><items-desc>items 2.02 and 9.01</items-desc>...
template <typename Xml>
QHash<QString, QString> readXmlFields(Xml &xml)
{
    QHash<QString, QString> fields;
    while (xml.readNextStartElement()) {
        const QString name = xml.name().toString();
        // Nested groups (EDGAR's <items>) flatten into one text.
        fields.insert(name, xml.readElementText(Xml::IncludeChildElements).simplified());
    }
    return fields;
}

QString describeFiling(const QHash<QString, QString> &f)
{
    QStringList parts;
    const QString type = f.value(QStringLiteral("filing-type"));
    const QString form = f.value(QStringLiteral("form-name"));
    if (!type.isEmpty())
        parts << (form.isEmpty() ? QStringLiteral("Form %1").arg(type) : QStringLiteral("Form %1 (%2)").arg(type, form));
    if (const QString d = f.value(QStringLiteral("filing-date")); !d.isEmpty())
        parts << QStringLiteral("filed %1").arg(d);
    if (const QString a = f.value(QStringLiteral("accession-number")); !a.isEmpty())
        parts << QStringLiteral("accession number %1").arg(a);
    if (const QString items = f.value(QStringLiteral("items-desc")); !items.isEmpty())
        parts << items;
    return parts.join(QStringLiteral(", "));
}

class AtomReader : public XmlFeedReader<AtomReader> {
public:
    static constexpr const char *kName = "Atom";
    using XmlFeedReader::XmlFeedReader;

private:
    friend class XmlFeedReader<AtomReader>;

    template <typename Xml>
    bool isAtom(const Xml &xml) const
    {
        const auto ns = xml.namespaceUri();
        return ns == kAtomNs || ns == kAtom03Ns || ns.isEmpty() || (!m_rootNs.isEmpty() && ns == m_rootNs);
    }

    template <typename Xml>
    void readDocument(Xml &xml)
    {
        // Atom's drafts each had a namespace of their own
        // (http://purl.org/atom/ns#draft-ietf-atompub-format-08, ...): a
        // <feed> root's namespace is Atom's, whatever it is.
        m_rootNs = xml.namespaceUri().toString();
        if (xml.name() != QLatin1String("feed") || !isAtom(xml)) {
            m_rootError = QStringLiteral("Not an Atom document (root element <%1>)").arg(xml.qualifiedName().toString());
            return;
        }
        m_sawRoot = true;
        const QUrl base = xmlBaseOf(xml, m_feedUrl);
        while (xml.readNextStartElement()) {
            const auto name = xml.name();
            if (!isAtom(xml)) {
                xml.skipCurrentElement();
            } else if (name == QLatin1String("entry")) {
                readEntry(xml, base);
            } else if (name == QLatin1String("title") && m_feed.title.isEmpty()) {
                m_feed.title = readTextConstruct(xml);
            } else if (name == QLatin1String("link")) {
                const auto rel = xml.attributes().value(QLatin1String("rel"));
                if ((rel.isEmpty() || rel == QLatin1String("alternate")) && m_feed.link.isEmpty())
                    m_feed.link = resolvedLink(xmlBaseOf(xml, base), xml.attributes().value(QLatin1String("href")).toString());
                xml.skipCurrentElement();
            } else {
                xml.skipCurrentElement();
            }
        }
    }

    template <typename Xml>
    void readEntry(Xml &xml, const QUrl &parentBase)
    {
        beginItem();
        const QUrl base = xmlBaseOf(xml, parentBase);
        Article item;
        QDateTime updated;
        QString rawDate;
        QString content;
        QString formType;
        QHash<QString, QString> filing;
        MediaText media;
        while (xml.readNextStartElement()) {
            const auto name = xml.name();
            const QUrl elementBase = xmlBaseOf(xml, base);
            if (xml.namespaceUri() == mediaRssNamespace()) {
                readMediaElement(xml, &media);
            } else if (!isAtom(xml)) {
                xml.skipCurrentElement();
            } else if (name == QLatin1String("id")) {
                item.guid = xml.readElementText().trimmed();
            } else if (name == QLatin1String("title")) {
                item.title = readTextConstruct(xml);
            } else if (name == QLatin1String("link")) {
                const auto rel = xml.attributes().value(QLatin1String("rel"));
                if ((rel.isEmpty() || rel == QLatin1String("alternate")) && item.url.isEmpty()) {
                    const QString href = xml.attributes().value(QLatin1String("href")).toString();
                    // Some Atom 0.3 generators wrote the link as the element's text.
                    item.url = resolvedLink(elementBase, href.isEmpty() ? xml.readElementText() : href);
                    if (!href.isEmpty())
                        xml.skipCurrentElement();
                } else {
                    xml.skipCurrentElement();
                }
            } else if (name == QLatin1String("published") || name == QLatin1String("issued")) {
                const QString raw = xml.readElementText();
                item.published = parseFeedDate(raw);
                rawDate = raw;
            } else if (name == QLatin1String("updated") || name == QLatin1String("modified")) {
                const QString raw = xml.readElementText();
                updated = parseFeedDate(raw);
                if (rawDate.isEmpty())
                    rawDate = raw;
            } else if (name == QLatin1String("summary")) {
                item.summary = readTextConstruct(xml);
            } else if (name == QLatin1String("content")) {
                const QString type = xml.attributes().value(QLatin1String("type")).toString().toLower();
                if (type.endsWith(QLatin1String("xml")) && textTypeOf(type) != TextType::Xhtml)
                    filing = readXmlFields(xml);
                else
                    content = readTextConstruct(xml);
            } else if (name == QLatin1String("author")) {
                readAuthor(xml, &item);
            } else if (name == QLatin1String("category")) {
                if (formType.isEmpty())
                    formType = xml.attributes().value(QLatin1String("term")).toString();
                xml.skipCurrentElement();
            } else if (name == QLatin1String("source")) {
                readSource(xml, &item);
            } else {
                xml.skipCurrentElement();
            }
        }
        if (xml.hasError())
            return;
        endItem();
        if (!item.published.isValid())
            item.published = updated;
        if (!item.published.isValid() && !rawDate.trimmed().isEmpty())
            m_feed.warnings << QStringLiteral("entry %1: unreadable date \"%2\" (fetch time used)")
                                   .arg(m_itemNumber)
                                   .arg(rawDate.trimmed().left(60));
        if (!filing.isEmpty()) {
            if (!filing.contains(QStringLiteral("filing-type")) && !formType.isEmpty())
                filing.insert(QStringLiteral("filing-type"), formType);
            item.body = describeFiling(filing);
            if (item.url.isEmpty())
                item.url = resolvedLink(base, filing.value(QStringLiteral("filing-href")));
            item.title = item.title.simplified();
        } else if (!content.isEmpty()) {
            item.body = content;
        }
        if (item.title.isEmpty())
            item.title = media.title;
        if (item.summary.isEmpty())
            item.summary = media.description;
        if (item.summary.isEmpty())
            item.summary = excerpt(item.body);
        if (item.title.isEmpty() && item.summary.isEmpty() && item.url.isEmpty()) {
            m_feed.skipped << QStringLiteral("entry %1: no title, link or summary").arg(m_itemNumber);
            return;
        }
        m_feed.articles << item;
    }

    template <typename Xml>
    static void readAuthor(Xml &xml, Article *item)
    {
        while (xml.readNextStartElement()) {
            if (xml.name() == QLatin1String("name") && item->author.isEmpty())
                item->author = xml.readElementText().simplified();
            else
                xml.skipCurrentElement();
        }
    }

    // An aggregated entry names the feed it came from: that is its publisher.
    template <typename Xml>
    static void readSource(Xml &xml, Article *item)
    {
        while (xml.readNextStartElement()) {
            if (xml.name() == QLatin1String("title") && item->source.isEmpty())
                item->source = readTextConstruct(xml);
            else
                xml.skipCurrentElement();
        }
    }
};
} // namespace

Result<ParsedFeed> AtomParser::parse(const DocumentText &document, const QUrl &feedUrl, const QDateTime &fetchedUtc,
                                     XmlReading reading)
{
    return readXmlFeed<AtomReader>(document, feedUrl, fetchedUtc, reading, QStringLiteral("entry"));
}

Result<ParsedFeed> AtomParser::parse(const QByteArray &document, const QUrl &feedUrl, const QDateTime &fetchedUtc,
                                     XmlReading reading)
{
    return parse(decodeDocument(document), feedUrl, fetchedUtc, reading);
}

} // namespace tw
