#include "feeds/parsers/newsdocumentparser.h"

#include "feeds/parsers/articlefinisher.h"

namespace tw {

Result<NewsDocumentParser::Outcome> NewsDocumentParser::parse(const SniffResult &sniffed, const QUrl &feedUrl,
                                                              const QDateTime &fetchedUtc)
{
    if (!sniffed.ok())
        return fail(sniffed.message);
    const DocumentFormatInfo &format = documentFormatInfo(sniffed.format);
    if (format.content != DocumentContent::News)
        return fail(QStringLiteral("not news: the body is %1 data").arg(QLatin1String(format.id)));
    Result<ParsedFeed> parsed = format.readNews(NewsInput{sniffed.document, sniffed.json, feedUrl, fetchedUtc});
    if (!parsed)
        return parsed.error();
    if (!sniffed.damage.isEmpty()) {
        parsed->damage = sniffed.damage;
        parsed->lostContent = true;
        parsed->warnings.prepend(QStringLiteral("%1 %2 recovered from a damaged document (%3)")
                                     .arg(parsed->articles.size())
                                     .arg(parsed->articles.size() == 1 ? QStringLiteral("item") : QStringLiteral("items"), sniffed.damage));
    }
    if (const QString warning = fetchTimeForFutureDates(parsed->articles, fetchedUtc); !warning.isEmpty())
        parsed->warnings << warning;
    // Nothing recovered from a document that had items, or lost content to
    // damage (a download cut short): an error, so that the feed turns red
    // instead of reporting success.
    if (parsed->articles.isEmpty() && (!parsed->skipped.isEmpty() || parsed->lostContent))
        return fail(QStringLiteral("0 items: %1").arg(!parsed->skipped.isEmpty() ? parsed->skipped.first() : parsed->damage));
    return Outcome{std::move(*parsed), sniffed.format};
}

Result<NewsDocumentParser::Outcome> NewsDocumentParser::parse(const QByteArray &document, const QUrl &feedUrl,
                                                              const QDateTime &fetchedUtc, QStringView contentType)
{
    return parse(FeedSniffer::sniff(document, contentType), feedUrl, fetchedUtc);
}

} // namespace tw
