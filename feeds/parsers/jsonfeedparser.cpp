#include "feeds/parsers/jsonfeedparser.h"

#include "feeds/parsers/articlefinisher.h"
#include "feeds/parsers/documenttext.h"
#include "feeds/parsers/textnormalizer.h"
#include "feeds/parsers/xmlbase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tw {

namespace {
QString firstAuthor(const QJsonObject &item)
{
    const QJsonArray authors = item.value(QLatin1String("authors")).toArray();   // 1.1
    for (const QJsonValue &a : authors)
        if (const QString name = a.toObject().value(QLatin1String("name")).toString(); !name.isEmpty())
            return name;
    return item.value(QLatin1String("author")).toObject().value(QLatin1String("name")).toString();   // 1.0
}

QString idText(const QJsonValue &id)
{
    // The spec says string; some generators emit numbers.
    if (id.isString())
        return id.toString().trimmed();
    if (id.isDouble())
        return QString::number(id.toDouble(), 'g', 17);
    return QString();
}
} // namespace

bool JsonFeedParser::recognizes(const QJsonDocument &json)
{
    // Early generators wrote the version with http:.
    const QJsonObject root = json.object();
    const QString version = root.value(QLatin1String("version")).toString();
    if (json.isObject()
        && (version.startsWith(QLatin1String("https://jsonfeed.org/version/"))
            || version.startsWith(QLatin1String("http://jsonfeed.org/version/"))))
        return true;
    // Without its version (left out, or written after the items of a document
    // that was cut short): the items beside the feed's own addresses, which no
    // other format in the table has.
    return json.isObject() && root.value(QLatin1String("items")).isArray()
        && (root.value(QLatin1String("feed_url")).isString() || root.value(QLatin1String("home_page_url")).isString());
}

Result<ParsedFeed> JsonFeedParser::parse(const QByteArray &document, const QUrl &feedUrl, const QDateTime &fetchedUtc)
{
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(decodeDocument(document).text.toUtf8(), &error);
    if (json.isNull())
        return fail(QStringLiteral("Not a JSON Feed: %1 at offset %2").arg(error.errorString()).arg(error.offset));
    return parse(json, feedUrl, fetchedUtc);
}

Result<ParsedFeed> JsonFeedParser::parse(const QJsonDocument &json, const QUrl &feedUrl, const QDateTime &fetchedUtc)
{
    if (!recognizes(json))
        return fail(QStringLiteral("Not a JSON Feed (no jsonfeed.org version)"));
    const QJsonObject root = json.object();
    ParsedFeed feed;
    feed.title = plainTextFromTextOrHtml(root.value(QLatin1String("title")).toString());
    const QUrl base = feedUrl.resolved(QUrl(root.value(QLatin1String("feed_url")).toString()));
    feed.link = resolvedLink(base, root.value(QLatin1String("home_page_url")).toString());
    const QString feedAuthor = firstAuthor(root);

    const QJsonArray items = root.value(QLatin1String("items")).toArray();
    int number = 0;
    for (const QJsonValue &value : items) {
        ++number;
        if (!value.isObject()) {
            feed.skipped << QStringLiteral("item %1: not an object").arg(number);
            continue;
        }
        const QJsonObject o = value.toObject();
        Article a;
        a.guid = idText(o.value(QLatin1String("id")));
        a.url = resolvedLink(base, o.value(QLatin1String("url")).toString());
        if (a.url.isEmpty())
            a.url = resolvedLink(base, o.value(QLatin1String("external_url")).toString());
        a.title = plainTextFromTextOrHtml(o.value(QLatin1String("title")).toString());
        a.summary = plainTextFromTextOrHtml(o.value(QLatin1String("summary")).toString());
        const QString html = o.value(QLatin1String("content_html")).toString();
        a.body = html.isEmpty() ? normalizedPlainText(o.value(QLatin1String("content_text")).toString()) : plainTextFromHtml(html);
        if (a.summary.isEmpty())
            a.summary = excerpt(a.body);
        a.author = firstAuthor(o);
        if (a.author.isEmpty())
            a.author = feedAuthor;
        // RFC 3339 by the spec; generators also write RFC 822 and asctime.
        const QString published = o.value(QLatin1String("date_published")).toString();
        const QString raw = published.isEmpty() ? o.value(QLatin1String("date_modified")).toString() : published;
        a.published = parseFeedDate(raw);
        if (!a.published.isValid() && !raw.trimmed().isEmpty())
            feed.warnings << QStringLiteral("item %1: unreadable date \"%2\" (fetch time used)").arg(number).arg(raw.trimmed().left(60));
        if (a.title.isEmpty() && a.summary.isEmpty() && a.url.isEmpty()) {
            feed.skipped << QStringLiteral("item %1: no title, url or content").arg(number);
            continue;
        }
        feed.articles << finishArticle(a, fetchedUtc, feed.title);
    }
    return feed;
}

} // namespace tw
