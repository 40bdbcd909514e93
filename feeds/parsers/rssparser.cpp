#include "feeds/parsers/rssparser.h"

#include "feeds/parsers/mediarss.h"
#include "feeds/parsers/strictxmlreader.h"
#include "feeds/parsers/textnormalizer.h"
#include "feeds/parsers/xmlbase.h"
#include "feeds/parsers/xmlfeedreading.h"
#include "feeds/parsers/xmlitemrecovery.h"
#include "feeds/parsers/xmlmarkup.h"

#include <QXmlStreamReader>

namespace tw {

namespace {
const QString kRss1Ns = QStringLiteral("http://purl.org/rss/1.0/");
const QString kRss090Ns = QStringLiteral("http://my.netscape.com/rdf/simple/0.9/");
const QString kRdfNs = QStringLiteral("http://www.w3.org/1999/02/22-rdf-syntax-ns#");
const QString kDcNs = QStringLiteral("http://purl.org/dc/elements/1.1/");
const QString kContentNs = QStringLiteral("http://purl.org/rss/1.0/modules/content/");
const QString kXhtmlNs = QStringLiteral("http://www.w3.org/1999/xhtml");
const QString kItunesNs = QStringLiteral("http://www.itunes.com/dtds/podcast-1.0.dtd");   // also written with capitals

class RssReader : public XmlFeedReader<RssReader> {
public:
    static constexpr const char *kName = "RSS";
    using XmlFeedReader::XmlFeedReader;

private:
    friend class XmlFeedReader<RssReader>;

    template <typename Xml>
    void readDocument(Xml &xml)
    {
        const bool rss2 = xml.name() == QLatin1String("rss");
        const bool rdf = xml.name() == QLatin1String("RDF") && xml.namespaceUri() == kRdfNs;
        if (!rss2 && !rdf) {
            m_rootError = QStringLiteral("Not an RSS document (root element <%1>)").arg(xml.qualifiedName().toString());
            return;
        }
        m_sawRoot = true;
        if (rss2)
            m_rootNs = xml.namespaceUri().toString();
        const QUrl base = xmlBaseOf(xml, m_feedUrl);
        while (xml.readNextStartElement()) {
            if (xml.name() == QLatin1String("channel"))
                readChannel(xml, xmlBaseOf(xml, base));
            else if (xml.name() == QLatin1String("item"))   // RSS 1.0: items are the channel's siblings
                readItem(xml, base);
            else
                xml.skipCurrentElement();
        }
    }

    template <typename Xml>
    void readChannel(Xml &xml, const QUrl &base)
    {
        while (xml.readNextStartElement()) {
            const auto name = xml.name();
            const bool core = isCore(xml);
            if (name == QLatin1String("item")) {
                readItem(xml, base);
            } else if (core && name == QLatin1String("title") && m_feed.title.isEmpty()) {
                m_feed.title = plainTextFromTextOrHtml(readElementMarkup(xml, MarkupText::AsSource));
            } else if (xml.namespaceUri() == kDcNs && name == QLatin1String("title") && m_feed.title.isEmpty()) {
                m_feed.title = plainTextFromTextOrHtml(readElementMarkup(xml, MarkupText::AsSource));
            } else if (core && name == QLatin1String("link") && m_feed.link.isEmpty()) {
                const QUrl linkBase = xmlBaseOf(xml, base);
                m_feed.link = resolvedLink(linkBase, xml.readElementText(Xml::IncludeChildElements));
            } else {
                xml.skipCurrentElement();
            }
        }
    }

    // RSS's own elements: in no namespace, RSS 1.0's or 0.90's, or the one a
    // feed declared as its default on the root (userland's RSS 2 namespace).
    template <typename Xml>
    bool isCore(const Xml &xml) const
    {
        const auto ns = xml.namespaceUri();
        return ns.isEmpty() || ns == kRss1Ns || ns == kRss090Ns || (!m_rootNs.isEmpty() && ns == m_rootNs);
    }

    template <typename Xml>
    static QString text(Xml &xml)
    {
        return xml.readElementText(Xml::IncludeChildElements);
    }

    // An element whose text is HTML (RSS's description, content:encoded),
    // with any HTML written unescaped inside it read as markup too.
    template <typename Xml>
    static QString html(Xml &xml)
    {
        return plainTextFromHtml(readElementMarkup(xml, MarkupText::AsSource));
    }

    template <typename Xml>
    void readItem(Xml &xml, const QUrl &parentBase)
    {
        beginItem();
        const QUrl base = xmlBaseOf(xml, parentBase);
        Article item;
        QString about = xml.attributes().value(kRdfNs, QStringLiteral("about")).toString();
        bool guidIsPermaLink = true;
        QDateTime dcDate;
        QString rawDate;
        QString dcCreator;
        QString dcTitle;
        QString dcDescription;
        QString itunesSummary;
        MediaText media;
        while (xml.readNextStartElement()) {
            const auto name = xml.name();
            const auto ns = xml.namespaceUri();
            const QUrl elementBase = xmlBaseOf(xml, base);
            if (isCore(xml)) {
                if (name == QLatin1String("title")) {
                    item.title = plainTextFromTextOrHtml(readElementMarkup(xml, MarkupText::AsSource));
                } else if (name == QLatin1String("link")) {
                    item.url = resolvedLink(elementBase, text(xml));
                } else if (name == QLatin1String("guid")) {
                    guidIsPermaLink = xml.attributes().value(QLatin1String("isPermaLink")).compare(QLatin1String("false"), Qt::CaseInsensitive) != 0;
                    item.guid = text(xml).trimmed();
                } else if (name == QLatin1String("description") || name == QLatin1String("summary")) {
                    // Both given (a few generators): the first is the summary, the other the body.
                    const QString text = html(xml);
                    if (item.summary.isEmpty())
                        item.summary = text;
                    else if (item.body.isEmpty())
                        item.body = text;
                } else if ((name == QLatin1String("fullitem") || name == QLatin1String("body")) && item.body.isEmpty()) {
                    // Radio UserLand's full text, and a <body> without its XHTML namespace
                    item.body = html(xml);
                } else if (name == QLatin1String("pubDate")) {
                    rawDate = text(xml);
                    item.published = parseFeedDate(rawDate);
                } else if (name == QLatin1String("author")) {
                    item.author = text(xml).trimmed();
                } else if (name == QLatin1String("source")) {
                    item.sourceUrl = resolvedLink(elementBase, xml.attributes().value(QLatin1String("url")).toString());
                    item.source = plainTextFromTextOrHtml(text(xml));
                } else {
                    xml.skipCurrentElement();
                }
            } else if (ns == kContentNs && name == QLatin1String("encoded")) {
                item.body = html(xml);
            } else if (ns == kXhtmlNs && name == QLatin1String("body") && item.body.isEmpty()) {
                item.body = plainTextFromHtml(readElementMarkup(xml, MarkupText::Escaped));
            } else if (ns == kDcNs && name == QLatin1String("date")) {
                const QString raw = text(xml);
                dcDate = parseFeedDate(raw);
                if (rawDate.isEmpty())
                    rawDate = raw;
            } else if (ns == kDcNs && name == QLatin1String("title")) {
                dcTitle = plainTextFromTextOrHtml(readElementMarkup(xml, MarkupText::AsSource));
            } else if (ns == kDcNs && name == QLatin1String("description")) {
                dcDescription = html(xml);
            } else if (ns == kDcNs && name == QLatin1String("creator")) {
                dcCreator = plainTextFromHtml(text(xml));
            } else if (ns.compare(kItunesNs, Qt::CaseInsensitive) == 0 && name == QLatin1String("summary")) {
                itunesSummary = plainTextFromTextOrHtml(text(xml));
            } else if (ns == mediaRssNamespace()) {
                readMediaElement(xml, &media);
            } else if (name == QLatin1String("tickers") && ns.contains(QLatin1String("nasdaq"))) {
                // Nasdaq: <nasdaq:tickers>META,GOOGL</nasdaq:tickers>
                for (const QString &t : text(xml).split(QLatin1Char(','), Qt::SkipEmptyParts))
                    if (const QString s = t.trimmed().toUpper(); !s.isEmpty() && !item.providerTickers.contains(s))
                        item.providerTickers << s;
            } else {
                xml.skipCurrentElement();
            }
        }
        if (xml.hasError())
            return;   // the pass reports it; the item is dropped by recovery
        endItem();
        if (!item.published.isValid())
            item.published = dcDate;
        if (!item.published.isValid() && !rawDate.trimmed().isEmpty())
            m_feed.warnings << QStringLiteral("item %1: unreadable date \"%2\" (fetch time used)")
                                   .arg(m_itemNumber)
                                   .arg(rawDate.trimmed().left(60));
        if (item.author.isEmpty())
            item.author = dcCreator;
        if (item.guid.isEmpty())
            item.guid = about;
        // RSS 2.0: a guid is the item's link unless it says isPermaLink="false".
        if (item.url.isEmpty() && guidIsPermaLink && (item.guid.startsWith(QLatin1String("http://"))
                                                      || item.guid.startsWith(QLatin1String("https://"))))
            item.url = item.guid;
        if (item.title.isEmpty())
            item.title = !dcTitle.isEmpty() ? dcTitle : media.title;
        if (item.summary.isEmpty())
            item.summary = dcDescription;
        if (item.summary.isEmpty())
            item.summary = itunesSummary;
        if (item.summary.isEmpty())
            item.summary = media.description;
        if (item.summary.isEmpty() && !item.body.isEmpty())
            item.summary = excerpt(item.body);
        item.title = withoutPublisherSuffix(item.title, item.source);
        if (item.title.isEmpty() && item.summary.isEmpty() && item.url.isEmpty()) {
            m_feed.skipped << QStringLiteral("item %1: no title, link or description").arg(m_itemNumber);
            return;
        }
        m_feed.articles << item;
    }
};
} // namespace

Result<ParsedFeed> RssParser::parse(const DocumentText &document, const QUrl &feedUrl, const QDateTime &fetchedUtc,
                                    XmlReading reading)
{
    return readXmlFeed<RssReader>(document, feedUrl, fetchedUtc, reading, QStringLiteral("item"));
}

Result<ParsedFeed> RssParser::parse(const QByteArray &document, const QUrl &feedUrl, const QDateTime &fetchedUtc,
                                    XmlReading reading)
{
    return parse(decodeDocument(document), feedUrl, fetchedUtc, reading);
}

} // namespace tw
