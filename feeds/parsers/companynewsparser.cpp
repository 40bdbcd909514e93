#include "feeds/parsers/companynewsparser.h"

#include "feeds/parsers/articlefinisher.h"
#include "feeds/parsers/jsonbody.h"
#include "feeds/parsers/safenumber.h"
#include "feeds/parsers/textnormalizer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tw {


bool FinnhubNewsParser::recognizes(const QJsonDocument &json)
{
    if (!json.isArray())
        return false;
    const QJsonArray a = json.array();
    return a.isEmpty() || a.first().toObject().contains(QLatin1String("headline"));
}

Result<ParsedFeed> FinnhubNewsParser::parse(const QByteArray &document, const QDateTime &fetchedUtc)
{
    return parseJsonBody<FinnhubNewsParser>(document, QStringLiteral("Finnhub company-news"), fetchedUtc);
}

Result<ParsedFeed> FinnhubNewsParser::parse(const QJsonDocument &json, const QDateTime &fetchedUtc)
{
    if (!json.isArray())
        return fail(QStringLiteral("Not Finnhub company-news JSON (expected an array)"));
    ParsedFeed feed;
    feed.title = QStringLiteral("Finnhub company news");
    int number = 0;
    for (const QJsonValue &value : json.array()) {
        ++number;
        const QJsonObject o = value.toObject();
        Article a;
        a.title = plainTextFromTextOrHtml(o.value(QLatin1String("headline")).toString());
        a.url = o.value(QLatin1String("url")).toString().trimmed();
        a.summary = plainTextFromHtml(o.value(QLatin1String("summary")).toString());
        a.source = o.value(QLatin1String("source")).toString().trimmed();
        const qint64 seconds = toInt64OrZero(o.value(QLatin1String("datetime")).toDouble());
        if (seconds > 0 && seconds < 100000000000LL)
            a.published = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
        if (const QJsonValue id = o.value(QLatin1String("id")); id.isDouble())
            a.guid = QStringLiteral("finnhub:%1").arg(toInt64OrZero(id.toDouble()));
        for (const QString &t : o.value(QLatin1String("related")).toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
            a.providerTickers << t.trimmed().toUpper();
        if (a.title.isEmpty() && a.url.isEmpty()) {
            feed.skipped << QStringLiteral("item %1: no headline or url").arg(number);
            continue;
        }
        // Finnhub ids are per item, but the same story also arrives by RSS:
        // the URL is the identity the rest of the store shares.
        if (!a.url.isEmpty())
            a.guid = a.url;
        feed.articles << finishArticle(a, fetchedUtc, feed.title);
    }
    return feed;
}

bool AlphaVantageNewsParser::recognizes(const QJsonDocument &json)
{
    return json.isObject() && json.object().value(QLatin1String("feed")).isArray();
}

Result<ParsedFeed> AlphaVantageNewsParser::parse(const QByteArray &document, const QDateTime &fetchedUtc)
{
    return parseJsonBody<AlphaVantageNewsParser>(document, QStringLiteral("Alpha Vantage NEWS_SENTIMENT"), fetchedUtc);
}

Result<ParsedFeed> AlphaVantageNewsParser::parse(const QJsonDocument &json, const QDateTime &fetchedUtc)
{
    const QJsonObject root = json.object();
    if (!root.value(QLatin1String("feed")).isArray())
        return fail(QStringLiteral("Not Alpha Vantage NEWS_SENTIMENT JSON (no feed array)"));
    ParsedFeed feed;
    feed.title = QStringLiteral("Alpha Vantage news");
    int number = 0;
    for (const QJsonValue &value : root.value(QLatin1String("feed")).toArray()) {
        ++number;
        const QJsonObject o = value.toObject();
        Article a;
        a.title = plainTextFromTextOrHtml(o.value(QLatin1String("title")).toString());
        a.url = o.value(QLatin1String("url")).toString().trimmed();
        a.summary = plainTextFromHtml(o.value(QLatin1String("summary")).toString());
        a.source = o.value(QLatin1String("source")).toString().trimmed();
        const QJsonArray authors = o.value(QLatin1String("authors")).toArray();
        if (!authors.isEmpty())
            a.author = authors.first().toString();
        // "20260408T170500": UTC per the API documentation.
        a.published = QDateTime::fromString(o.value(QLatin1String("time_published")).toString(),
                                            QStringLiteral("yyyyMMdd'T'HHmmss"));
        if (a.published.isValid())
            a.published = QDateTime(a.published.date(), a.published.time(), Qt::UTC);
        if (auto score = jsonNumber(o.value(QLatin1String("overall_sentiment_score"))))
            a.providerSentiment << ProviderSentiment{QStringLiteral("alphavantage"), QString(), score,
                                                     o.value(QLatin1String("overall_sentiment_label")).toString(),
                                                     std::nullopt};
        for (const QJsonValue &tv : o.value(QLatin1String("ticker_sentiment")).toArray()) {
            const QJsonObject t = tv.toObject();
            const QString ticker = t.value(QLatin1String("ticker")).toString().toUpper();
            if (ticker.isEmpty())
                continue;
            a.providerTickers << ticker;
            a.providerSentiment << ProviderSentiment{QStringLiteral("alphavantage"), ticker,
                                                     jsonNumber(t.value(QLatin1String("ticker_sentiment_score"))),
                                                     t.value(QLatin1String("ticker_sentiment_label")).toString(),
                                                     jsonNumber(t.value(QLatin1String("relevance_score")))};
        }
        if (a.title.isEmpty() && a.url.isEmpty()) {
            feed.skipped << QStringLiteral("item %1: no title or url").arg(number);
            continue;
        }
        feed.articles << finishArticle(a, fetchedUtc, feed.title);
    }
    return feed;
}

} // namespace tw
