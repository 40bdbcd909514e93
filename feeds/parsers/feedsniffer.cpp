#include "feeds/parsers/feedsniffer.h"

#include "feeds/parsers/documenttext.h"
#include "feeds/parsers/textnormalizer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QXmlStreamReader>

namespace tw {

namespace {
constexpr qsizetype kHeadChars = 4096;

SniffResult problem(DocumentFormat format, ProviderProblem kind, QString message)
{
    return SniffResult{format, kind, std::move(message)};
}

QString shortened(const QString &text, int max = 200)
{
    const QString s = text.simplified();
    return s.size() > max ? s.left(max - 1) + QChar(0x2026) : s;
}

SniffResult sniffHtml(const QString &text)
{
    static const QRegularExpression titleRe(QStringLiteral("<title[^>]*>(.*?)</title>"),
                                            QRegularExpression::CaseInsensitiveOption
                                                | QRegularExpression::DotMatchesEverythingOption);
    const QString title = plainTextFromHtml(titleRe.match(text).captured(1)).simplified();
    const QString lower = text.left(64 * 1024).toLower();
    const QString named = title.isEmpty() ? QString() : QStringLiteral(" (\"%1\")").arg(shortened(title, 100));
    if (lower.contains(QLatin1String("consent.yahoo.com")) || lower.contains(QLatin1String("consent.google"))
        || lower.contains(QLatin1String("before you continue")) || lower.contains(QLatin1String("cookie consent")))
        return problem(DocumentFormat::Html, ProviderProblem::Blocked,
                       QStringLiteral("blocked by a cookie-consent page%1 instead of data").arg(named));
    if (lower.contains(QLatin1String("request rate threshold exceeded"))
        || lower.contains(QLatin1String("too many requests")) || lower.contains(QLatin1String("rate limit")))
        return problem(DocumentFormat::Html, ProviderProblem::RateLimited,
                       QStringLiteral("rate-limited: the server answered with an HTML page%1").arg(named));
    if (lower.contains(QLatin1String("captcha")) || lower.contains(QLatin1String("unusual traffic"))
        || lower.contains(QLatin1String("access denied")) || lower.contains(QLatin1String("are you a robot"))
        || lower.contains(QLatin1String("undeclared automated tool")))
        return problem(DocumentFormat::Html, ProviderProblem::Blocked,
                       QStringLiteral("blocked: the server answered with a bot-check page%1").arg(named));
    return problem(DocumentFormat::Html, ProviderProblem::NotAFeed,
                   QStringLiteral("not a feed: the server answered with an HTML page%1").arg(named));
}

// Alpha Vantage says everything with HTTP 200 and one key.
std::optional<SniffResult> sniffAlphaVantageMessage(const QJsonObject &o)
{
    if (const QString note = o.value(QLatin1String("Note")).toString(); !note.isEmpty())
        return problem(DocumentFormat::OtherJson, ProviderProblem::RateLimited,
                       QStringLiteral("rate-limited by Alpha Vantage: %1").arg(shortened(note)));
    if (const QString info = o.value(QLatin1String("Information")).toString(); !info.isEmpty()) {
        const QString lower = info.toLower();
        const bool limit = lower.contains(QLatin1String("rate limit")) || lower.contains(QLatin1String("requests per"));
        const bool premium = lower.contains(QLatin1String("premium"));
        return problem(DocumentFormat::OtherJson,
                       limit ? ProviderProblem::RateLimited : ProviderProblem::BadKey,
                       QStringLiteral("%1 by Alpha Vantage: %2")
                           .arg(limit ? QStringLiteral("rate-limited")
                                      : premium ? QStringLiteral("refused (premium endpoint or key)")
                                                : QStringLiteral("refused (API key)"),
                                shortened(info)));
    }
    if (const QString error = o.value(QLatin1String("Error Message")).toString(); !error.isEmpty()) {
        const bool key = error.toLower().contains(QLatin1String("apikey"));
        return problem(DocumentFormat::OtherJson, key ? ProviderProblem::BadKey : ProviderProblem::UnknownSymbol,
                       QStringLiteral("%1 (Alpha Vantage: %2)")
                           .arg(key ? QStringLiteral("bad or missing API key")
                                    : QStringLiteral("unknown symbol or invalid call"),
                                shortened(error)));
    }
    return std::nullopt;
}

SniffResult sniffJson(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (json.isNull())
        return problem(DocumentFormat::OtherJson, ProviderProblem::NotAFeed,
                       QStringLiteral("not a feed: broken JSON (%1 at offset %2)").arg(error.errorString()).arg(error.offset));
    if (json.isArray()) {
        const QJsonArray a = json.array();
        if (a.isEmpty() || a.first().toObject().contains(QLatin1String("headline")))
            return {DocumentFormat::FinnhubNews, ProviderProblem::None, {}};
        return problem(DocumentFormat::OtherJson, ProviderProblem::NotAFeed,
                       QStringLiteral("not a feed: a JSON array of unknown shape"));
    }
    const QJsonObject o = json.object();
    if (o.value(QLatin1String("version")).toString().startsWith(QLatin1String("https://jsonfeed.org/version/")))
        return {DocumentFormat::JsonFeed, ProviderProblem::None, {}};
    if (auto av = sniffAlphaVantageMessage(o))
        return *av;
    if (o.contains(QLatin1String("chart"))) {
        const QJsonObject chart = o.value(QLatin1String("chart")).toObject();
        const QJsonValue err = chart.value(QLatin1String("error"));
        if (err.isObject()) {
            const QString code = err.toObject().value(QLatin1String("code")).toString();
            const QString description = err.toObject().value(QLatin1String("description")).toString();
            const bool unknown = code == QLatin1String("Not Found") || description.contains(QLatin1String("delisted"))
                              || description.contains(QLatin1String("No data found"));
            return problem(DocumentFormat::YahooChart,
                           unknown ? ProviderProblem::UnknownSymbol : ProviderProblem::ProviderError,
                           QStringLiteral("%1 (Yahoo chart: %2: %3)")
                               .arg(unknown ? QStringLiteral("unknown symbol") : QStringLiteral("provider error"),
                                    code, shortened(description)));
        }
        return {DocumentFormat::YahooChart, ProviderProblem::None, {}};
    }
    // Yahoo answers an expired cookie/crumb with {"finance":{"error":{...}}}.
    if (const QJsonObject fin = o.value(QLatin1String("finance")).toObject(); fin.value(QLatin1String("error")).isObject()) {
        const QJsonObject e = fin.value(QLatin1String("error")).toObject();
        return problem(DocumentFormat::OtherJson, ProviderProblem::BadKey,
                       QStringLiteral("refused by Yahoo (%1: %2); a fresh cookie and crumb are needed")
                           .arg(e.value(QLatin1String("code")).toString(),
                                shortened(e.value(QLatin1String("description")).toString())));
    }
    if (o.value(QLatin1String("Time Series (Daily)")).isObject())
        return {DocumentFormat::AlphaVantageDaily, ProviderProblem::None, {}};
    if (o.value(QLatin1String("feed")).isArray() && o.contains(QLatin1String("sentiment_score_definition")))
        return {DocumentFormat::AlphaVantageNews, ProviderProblem::None, {}};
    if (o.value(QLatin1String("feed")).isArray())
        return {DocumentFormat::AlphaVantageNews, ProviderProblem::None, {}};
    // Finnhub: {"error":"Invalid API key"} / {"error":"API limit reached. ..."}
    if (const QString e = o.value(QLatin1String("error")).toString(); !e.isEmpty()) {
        const QString lower = e.toLower();
        const ProviderProblem kind = lower.contains(QLatin1String("limit")) ? ProviderProblem::RateLimited
                                   : lower.contains(QLatin1String("key")) || lower.contains(QLatin1String("access"))
                                       ? ProviderProblem::BadKey
                                       : ProviderProblem::ProviderError;
        return problem(DocumentFormat::OtherJson, kind,
                       QStringLiteral("%1 (provider said: %2)")
                           .arg(kind == ProviderProblem::RateLimited ? QStringLiteral("rate-limited")
                                : kind == ProviderProblem::BadKey    ? QStringLiteral("bad or missing API key")
                                                                     : QStringLiteral("provider error"),
                                shortened(e)));
    }
    return problem(DocumentFormat::OtherJson, ProviderProblem::NotAFeed,
                   QStringLiteral("not a feed: JSON without a known shape (keys: %1)")
                       .arg(shortened(o.keys().mid(0, 5).join(QStringLiteral(", ")))));
}

SniffResult sniffXml(const QString &text)
{
    QXmlStreamReader xml(text.left(kHeadChars * 4));
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isDTD() && xml.text().toString().toLower().contains(QLatin1String("html")))
            return sniffHtml(text);
        if (xml.isStartElement()) {
            const auto name = xml.name();
            const auto ns = xml.namespaceUri();
            if (name == QLatin1String("rss"))
                return {DocumentFormat::Rss, ProviderProblem::None, {}};
            if (name == QLatin1String("RDF"))
                return {DocumentFormat::Rdf, ProviderProblem::None, {}};
            if (name == QLatin1String("feed"))
                return {DocumentFormat::Atom, ProviderProblem::None, {}};
            if (name.compare(QLatin1String("html"), Qt::CaseInsensitive) == 0)
                return sniffHtml(text);
            return problem(DocumentFormat::OtherXml, ProviderProblem::NotAFeed,
                           QStringLiteral("not a feed: an XML document with root element <%1>%2")
                               .arg(xml.qualifiedName().toString(),
                                    ns.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(ns.toString())));
        }
    }
    // Not well-formed before the first element: tag soup is HTML.
    if (text.left(kHeadChars).contains(QLatin1String("<html"), Qt::CaseInsensitive)
        || text.left(kHeadChars).contains(QLatin1String("<!doctype html"), Qt::CaseInsensitive))
        return sniffHtml(text);
    return problem(DocumentFormat::OtherXml, ProviderProblem::NotAFeed,
                   QStringLiteral("not a feed: unreadable markup (%1)").arg(xml.errorString()));
}

SniffResult sniffText(const QString &text)
{
    const QString head = text.left(kHeadChars);
    const QString firstLine = head.section(QLatin1Char('\n'), 0, 0).trimmed();
    if (firstLine.startsWith(QLatin1String("Date,Open,High,Low,Close"), Qt::CaseInsensitive)
        || firstLine.startsWith(QLatin1String("Data,Otwarcie"), Qt::CaseInsensitive))
        return {DocumentFormat::StooqCsv, ProviderProblem::None, {}};
    const QString lower = head.toLower();
    if (lower.startsWith(QLatin1String("no data")))
        return problem(DocumentFormat::StooqCsv, ProviderProblem::UnknownSymbol,
                       QStringLiteral("unknown symbol (Stooq answered \"No data\")"));
    if (lower.contains(QLatin1String("exceeded the daily hits limit")))
        return problem(DocumentFormat::StooqCsv, ProviderProblem::RateLimited,
                       QStringLiteral("rate-limited by Stooq: %1").arg(shortened(head)));
    if (lower.contains(QLatin1String("apikey")) || lower.contains(QLatin1String("api key")))
        return problem(DocumentFormat::StooqCsv, ProviderProblem::BadKey,
                       QStringLiteral("refused (API key): %1").arg(shortened(head)));
    return problem(DocumentFormat::Unknown, ProviderProblem::NotAFeed,
                   QStringLiteral("not a feed: unrecognised text starting \"%1\"").arg(shortened(head, 80)));
}
} // namespace

QString documentFormatId(DocumentFormat format)
{
    switch (format) {
    case DocumentFormat::Unknown: return QStringLiteral("unknown");
    case DocumentFormat::Rss: return QStringLiteral("rss");
    case DocumentFormat::Rdf: return QStringLiteral("rss1-rdf");
    case DocumentFormat::Atom: return QStringLiteral("atom");
    case DocumentFormat::JsonFeed: return QStringLiteral("jsonfeed");
    case DocumentFormat::FinnhubNews: return QStringLiteral("finnhub-news");
    case DocumentFormat::AlphaVantageNews: return QStringLiteral("alphavantage-news");
    case DocumentFormat::StooqCsv: return QStringLiteral("stooq");
    case DocumentFormat::YahooChart: return QStringLiteral("yahoo-chart");
    case DocumentFormat::AlphaVantageDaily: return QStringLiteral("alphavantage-daily");
    case DocumentFormat::Html: return QStringLiteral("html");
    case DocumentFormat::OtherJson: return QStringLiteral("json");
    case DocumentFormat::OtherXml: return QStringLiteral("xml");
    case DocumentFormat::Empty: return QStringLiteral("empty");
    }
    return QStringLiteral("unknown");
}

QString providerProblemId(ProviderProblem p)
{
    switch (p) {
    case ProviderProblem::None: return QStringLiteral("none");
    case ProviderProblem::RateLimited: return QStringLiteral("rate-limited");
    case ProviderProblem::BadKey: return QStringLiteral("bad-key");
    case ProviderProblem::UnknownSymbol: return QStringLiteral("unknown-symbol");
    case ProviderProblem::Blocked: return QStringLiteral("blocked");
    case ProviderProblem::ProviderError: return QStringLiteral("provider-error");
    case ProviderProblem::NotAFeed: return QStringLiteral("not-a-feed");
    }
    return QStringLiteral("none");
}

SniffResult FeedSniffer::sniff(const QByteArray &body)
{
    // Decoded whole: JSON can only be judged once it parses.
    const QString text = decodeDocument(body).text;
    qsizetype start = 0;
    while (start < text.size() && text.at(start).isSpace())
        ++start;
    if (start == text.size())
        return problem(DocumentFormat::Empty, ProviderProblem::NotAFeed, QStringLiteral("empty body"));
    const QChar first = text.at(start);
    if (first == QLatin1Char('<'))
        return sniffXml(text.mid(start));
    if (first == QLatin1Char('{') || first == QLatin1Char('['))
        return sniffJson(text.mid(start));
    return sniffText(text.mid(start));
}

} // namespace tw
