#include "feeds/parsers/feedsniffer.h"

#include "feeds/parsers/jsonrecovery.h"
#include "feeds/parsers/textnormalizer.h"
#include "feeds/parsers/xmlprolog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace tw {

namespace {
constexpr qsizetype kHeadChars = 4096;

SniffResult problem(DocumentFormat format, ProviderProblem kind, QString message)
{
    SniffResult r;
    r.format = format;
    r.problem = kind;
    r.message = std::move(message);
    return r;
}

SniffResult recognised(DocumentFormat format)
{
    SniffResult r;
    r.format = format;
    return r;
}

QString shortened(const QString &text, int max = 200)
{
    const QString s = text.simplified();
    return s.size() > max ? s.left(max - 1) + QChar(0x2026) : s;
}

// The feed a web page names in its head (<link rel="alternate"
// type="application/rss+xml" href="...">), as given: relative or not.
QString advertisedFeed(const QString &text)
{
    static const QRegularExpression linkRe(QStringLiteral("<link\\b[^>]*>"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression attributeRe(QStringLiteral("([a-zA-Z-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))"));
    static const QRegularExpression feedTypeRe(QStringLiteral("^application/(rss\\+xml|atom\\+xml|rdf\\+xml|feed\\+json|json)$"),
                                               QRegularExpression::CaseInsensitiveOption);
    for (auto link = linkRe.globalMatch(text.left(64 * 1024)); link.hasNext();) {
        QString rel;
        QString type;
        QString href;
        for (auto a = attributeRe.globalMatch(link.next().captured(0)); a.hasNext();) {
            const auto m = a.next();
            const QString name = m.captured(1).toLower();
            const QString value = m.captured(2) + m.captured(3) + m.captured(4);
            if (name == QLatin1String("rel"))
                rel = value.toLower();
            else if (name == QLatin1String("type"))
                type = value.trimmed();
            else if (name == QLatin1String("href"))
                href = plainTextFromHtml(value).trimmed();
        }
        if (rel.split(QLatin1Char(' '), Qt::SkipEmptyParts).contains(QLatin1String("alternate"))
            && feedTypeRe.match(type).hasMatch() && !href.isEmpty())
            return href;
    }
    return {};
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
    SniffResult page = problem(DocumentFormat::Html, ProviderProblem::NotAFeed,
                               QStringLiteral("not a feed: the server answered with an HTML page%1").arg(named));
    page.advertisedFeed = advertisedFeed(text);
    return page;
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

// Provider messages first (they come with HTTP 200 and a JSON body), then
// the shapes of the JSON formats in the table.
SniffResult sniffJson(const QJsonDocument &json, const QJsonParseError &error)
{
    if (json.isNull())
        return problem(DocumentFormat::OtherJson, ProviderProblem::NotAFeed,
                       QStringLiteral("not a feed: broken JSON (%1 at offset %2)").arg(error.errorString()).arg(error.offset));
    if (json.isObject()) {
        const QJsonObject o = json.object();
        if (auto av = sniffAlphaVantageMessage(o))
            return *av;
        const QJsonValue chartError = o.value(QLatin1String("chart")).toObject().value(QLatin1String("error"));
        if (chartError.isObject()) {
            const QString code = chartError.toObject().value(QLatin1String("code")).toString();
            const QString description = chartError.toObject().value(QLatin1String("description")).toString();
            const bool unknown = code == QLatin1String("Not Found") || description.contains(QLatin1String("delisted"))
                              || description.contains(QLatin1String("No data found"));
            return problem(DocumentFormat::YahooChart,
                           unknown ? ProviderProblem::UnknownSymbol : ProviderProblem::ProviderError,
                           QStringLiteral("%1 (Yahoo chart: %2: %3)")
                               .arg(unknown ? QStringLiteral("unknown symbol") : QStringLiteral("provider error"),
                                    code, shortened(description)));
        }
        // Yahoo answers an expired cookie/crumb with {"finance":{"error":{...}}}.
        if (const QJsonObject fin = o.value(QLatin1String("finance")).toObject(); fin.value(QLatin1String("error")).isObject()) {
            const QJsonObject e = fin.value(QLatin1String("error")).toObject();
            return problem(DocumentFormat::OtherJson, ProviderProblem::BadKey,
                           QStringLiteral("refused by Yahoo (%1: %2); a fresh cookie and crumb are needed")
                               .arg(e.value(QLatin1String("code")).toString(),
                                    shortened(e.value(QLatin1String("description")).toString())));
        }
    }
    for (const DocumentFormatInfo &f : kDocumentFormats)
        if (f.jsonShape && f.jsonShape(json))
            return recognised(f.format);
    if (json.isArray())
        return problem(DocumentFormat::OtherJson, ProviderProblem::NotAFeed,
                       QStringLiteral("not a feed: a JSON array of unknown shape"));
    const QJsonObject o = json.object();
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

// The root element names the format; read from the prolog by hand, so that a
// document broken further on (an undeclared entity, a bare '&') is still
// recognised and handed to the parser that recovers it.
SniffResult sniffXml(QStringView text)
{
    const XmlProlog prolog = readXmlProlog(text);
    // The root decides; an HTML DOCTYPE a CMS left on an RSS document does not.
    for (const DocumentFormatInfo &f : kDocumentFormats)
        if (f.xmlRoot && prolog.rootName == QLatin1String(f.xmlRoot))
            return recognised(f.format);
    if (prolog.doctype.contains(QLatin1String("html"), Qt::CaseInsensitive))
        return sniffHtml(text.toString());
    if (!prolog.rootName.isEmpty()) {
        if (prolog.rootName.compare(QLatin1String("html"), Qt::CaseInsensitive) == 0)
            return sniffHtml(text.toString());
        return problem(DocumentFormat::OtherXml, ProviderProblem::NotAFeed,
                       QStringLiteral("not a feed: an XML document with root element <%1>%2")
                           .arg(prolog.rootQualifiedName,
                                prolog.rootNamespace.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(prolog.rootNamespace)));
    }
    // No element: tag soup is HTML.
    const QStringView head = text.left(kHeadChars);
    if (head.contains(QLatin1String("<html"), Qt::CaseInsensitive) || head.contains(QLatin1String("<!doctype html"), Qt::CaseInsensitive))
        return sniffHtml(text.toString());
    return problem(DocumentFormat::OtherXml, ProviderProblem::NotAFeed,
                   QStringLiteral("not a feed: unreadable markup (%1)").arg(prolog.error));
}

SniffResult sniffText(const QString &text)
{
    const QString head = text.left(kHeadChars);
    const QString firstLine = head.section(QLatin1Char('\n'), 0, 0).trimmed();
    for (const DocumentFormatInfo &f : kDocumentFormats)
        if (f.textShape && f.textShape(firstLine))
            return recognised(f.format);
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

// Text before the XML: a PHP notice or a stray line the server printed
// before the document. Skipped when a prolog or a feed root follows soon.
qsizetype xmlStartAfterJunk(QStringView text)
{
    const QStringView head = text.left(kHeadChars);
    qsizetype best = -1;
    for (const QLatin1String start : {QLatin1String("<?xml"), QLatin1String("<rss"), QLatin1String("<feed"),
                                      QLatin1String("<rdf:RDF"), QLatin1String("<RDF")}) {
        const qsizetype at = head.indexOf(start);
        if (at > 0 && (best < 0 || at < best))
            best = at;
    }
    return best;
}
} // namespace

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

SniffResult FeedSniffer::sniff(const QByteArray &body, QStringView contentType)
{
    DocumentText document = decodeDocument(body, contentType);
    const QString &text = document.text;
    qsizetype start = 0;
    while (start < text.size() && (text.at(start).isSpace() || text.at(start) == QChar(0xFEFF)))
        ++start;
    SniffResult result;
    if (start == text.size()) {
        result = problem(DocumentFormat::Empty, ProviderProblem::NotAFeed, QStringLiteral("empty body"));
    } else if (const QChar first = text.at(start); first == QLatin1Char('<')) {
        result = sniffXml(QStringView(text).sliced(start));
        // PHP prints its errors as HTML ("<br />\n<b>Warning</b>: ...") before
        // the document: a later XML declaration is the document.
        const qsizetype declaration = QStringView(text).sliced(start).left(kHeadChars).indexOf(QLatin1String("<?xml"));
        if (documentFormatInfo(result.format).content == DocumentContent::NotData && declaration > 0) {
            SniffResult later = sniffXml(QStringView(text).sliced(start + declaration));
            if (later.ok()) {
                document.warnings << QStringLiteral("%1 characters of text before the XML document ignored (\"%2\")")
                                         .arg(declaration)
                                         .arg(shortened(text.mid(start, declaration), 60));
                start += declaration;
                result = std::move(later);
            }
        }
    } else if (first == QLatin1Char('{') || first == QLatin1Char('[')) {
        QJsonParseError error;
        // JSON is UTF-8 by RFC 8259; the decoded text is re-encoded, as decoding repaired it.
        QJsonDocument json = QJsonDocument::fromJson(QStringView(text).sliced(start).toUtf8(), &error);
        result = sniffJson(json, error);
        // Cut short: the complete items are read, as from an XML document cut short.
        if (json.isNull()) {
            if (const auto whole = jsonCutToLastCompleteItem(QStringView(text).sliced(start))) {
                QJsonParseError wholeError;
                QJsonDocument recovered = QJsonDocument::fromJson(whole->toUtf8(), &wholeError);
                if (SniffResult read = sniffJson(recovered, wholeError); read.ok()) {
                    result = std::move(read);
                    result.damage = QStringLiteral("document cut short after %1 characters; the item it was cut short in dropped")
                                        .arg(text.size() - start);
                    json = std::move(recovered);
                }
            }
        }
        result.json = std::move(json);
    } else if (const qsizetype xml = xmlStartAfterJunk(QStringView(text).sliced(start)); xml > 0) {
        result = sniffXml(QStringView(text).sliced(start + xml));
        if (result.ok()) {
            document.warnings << QStringLiteral("%1 characters of text before the XML document ignored (\"%2\")")
                                     .arg(xml)
                                     .arg(shortened(text.mid(start, xml), 60));
            start += xml;
        }
    } else {
        result = sniffText(text.mid(start));
    }
    if (start > 0)
        document.text.remove(0, start);
    result.document = std::move(document);
    return result;
}

} // namespace tw
