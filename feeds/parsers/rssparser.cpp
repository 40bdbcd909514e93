#include "parsers/rssparser.h"

#include "parsers/textnormalizer.h"

#include <QXmlStreamReader>

namespace tw {

namespace {
Article finishItem(Article item, const QUrl &feedUrl, const QDateTime &fetched)
{
    item.fetched = fetched;
    if (!item.published.isValid()) {
        item.published = fetched;
        item.publishedEstimated = true;
    }
    if (!item.url.isEmpty())
        item.url = feedUrl.resolved(QUrl(item.url)).toString();
    if (item.guid.isEmpty())
        item.guid = item.url;
    if (item.guid.isEmpty())
        item.guid = QStringLiteral("sha1:") + contentFingerprint(item.title, item.summary);
    return item;
}
} // namespace

Result<ParsedFeed> RssParser::parse(const QByteArray &document, const QUrl &feedUrl, const QDateTime &fetchedUtc)
{
    QXmlStreamReader xml(document);
    ParsedFeed feed;
    bool sawRss = false;
    bool inItem = false;
    int itemIndex = 0;
    Article item;

    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (!sawRss) {
                if (name != QLatin1String("rss"))
                    return fail(QStringLiteral("Not an RSS document (root element <%1>)").arg(name.toString()));
                sawRss = true;
                continue;
            }
            if (name == QLatin1String("item")) {
                inItem = true;
                ++itemIndex;
                item = Article{};
                continue;
            }
            const bool plain = xml.namespaceUri().isEmpty();
            if (!inItem) {
                if (plain && name == QLatin1String("title") && feed.title.isEmpty())
                    feed.title = plainTextFromHtml(xml.readElementText(QXmlStreamReader::IncludeChildElements));
                else if (plain && name == QLatin1String("link") && feed.link.isEmpty())
                    feed.link = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
                continue;
            }
            if (!plain)
                continue;
            if (name == QLatin1String("title"))
                item.title = plainTextFromHtml(xml.readElementText(QXmlStreamReader::IncludeChildElements));
            else if (name == QLatin1String("link"))
                item.url = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
            else if (name == QLatin1String("guid"))
                item.guid = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
            else if (name == QLatin1String("description"))
                item.summary = plainTextFromHtml(xml.readElementText(QXmlStreamReader::IncludeChildElements));
            else if (name == QLatin1String("pubDate"))
                item.published = parseRfc822Date(xml.readElementText(QXmlStreamReader::IncludeChildElements));
            else if (name == QLatin1String("author"))
                item.author = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
            else if (name == QLatin1String("source")) {
                item.sourceUrl = xml.attributes().value(QLatin1String("url")).toString();
                item.source = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("item")) {
            inItem = false;
            if (item.title.isEmpty() && item.summary.isEmpty() && item.url.isEmpty()) {
                feed.skipped << QStringLiteral("item %1: no title, link or description").arg(itemIndex);
                continue;
            }
            if (item.source.isEmpty())
                item.source = feed.title;
            feed.articles << finishItem(item, feedUrl, fetchedUtc);
        }
    }
    if (xml.hasError() && !sawRss)
        return fail(QStringLiteral("Not an RSS document: %1").arg(xml.errorString()));
    if (xml.hasError())
        feed.skipped << QStringLiteral("document cut short at line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    if (!sawRss)
        return fail(QStringLiteral("Not an RSS document (empty)"));
    return feed;
}

} // namespace tw
