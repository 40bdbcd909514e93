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

Result<ParsedFeed> JsonFeedParser::parse(const QByteArray &document, const QUrl &feedUrl, const QDateTime &fetchedUtc)
{
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(decodeDocument(document).text.toUtf8(), &error);
    if (json.isNull())
        return fail(QStringLiteral("Not a JSON Feed: %1 at offset %2").arg(error.errorString()).arg(error.offset));
    const QJsonObject root = json.object();
    if (!root.value(QLatin1String("version")).toString().startsWith(QLatin1String("https://jsonfeed.org/version/")))
        return fail(QStringLiteral("Not a JSON Feed (no jsonfeed.org version)"));
    ParsedFeed feed;
    feed.title = root.value(QLatin1String("title")).toString().simplified();
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
        a.title = plainTextFromHtml(o.value(QLatin1String("title")).toString());
        a.summary = plainTextFromHtml(o.value(QLatin1String("summary")).toString());
        const QString html = o.value(QLatin1String("content_html")).toString();
        a.body = html.isEmpty() ? o.value(QLatin1String("content_text")).toString().trimmed() : plainTextFromHtml(html);
        if (a.summary.isEmpty())
            a.summary = a.body.left(600);
        a.author = firstAuthor(o);
        if (a.author.isEmpty())
            a.author = feedAuthor;
        const QString published = o.value(QLatin1String("date_published")).toString();
        a.published = parseRfc3339Date(published.isEmpty() ? o.value(QLatin1String("date_modified")).toString() : published);
        if (a.title.isEmpty() && a.summary.isEmpty() && a.url.isEmpty()) {
            feed.skipped << QStringLiteral("item %1: no title, url or content").arg(number);
            continue;
        }
        feed.articles << finishArticle(a, fetchedUtc, feed.title);
    }
    return feed;
}

} // namespace tw
