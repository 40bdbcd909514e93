#include "feeds/parsers/secfilingfeedparser.h"

#include "feeds/parsers/documenttext.h"
#include "feeds/parsers/filingtext.h"
#include "feeds/parsers/textnormalizer.h"
#include "models/filings/currentreportitems.h"

#include <QHash>
#include <QRegularExpression>
#include <QUrl>
#include <QXmlStreamReader>

namespace tw {

namespace {

// One <entry> as read: its simple children, nested <content> children included.
struct RawEntry {
    QHash<QString, QString> fields;   // local name -> text ("accession-number", "title", ...)
    QString formTerm;                 // <category term="8-K"> labelled "form type"
    QString link;
    QString summaryHtml;
};

// How much the party an entry names is the company the filing is about.
int roleRank(const QString &role)
{
    const QString r = role.toLower();
    if (r == QLatin1String("filer"))
        return 0;
    if (r == QLatin1String("issuer") || r == QLatin1String("subject"))
        return 1;
    if (r == QLatin1String("filed by"))
        return 2;
    return 3;   // a reporting owner: a person, not the company
}

qint64 cikFromIndexUrl(const QString &url)
{
    static const QRegularExpression path(QStringLiteral("/edgar/data/(\\d{1,10})/"));
    const auto m = path.match(url);
    return m.hasMatch() ? m.captured(1).toLongLong() : 0;
}

void addItem(Filing &filing, const QString &number, const QString &title)
{
    for (const FilingItem &existing : std::as_const(filing.items)) {
        if (existing.number == number)
            return;
    }
    QString name = title.trimmed();
    if (name.isEmpty()) {
        if (const CurrentReportItem *known = currentReportItemFor(number, filing.filed))
            name = QString::fromLatin1(known->title);
    }
    filing.items << FilingItem{number, name, QString()};
}

// "Filed: 2025-12-12 AccNo: 0001493152-25-027595 Size: 24 MB" and
// "Item 8.01: Other Events" lines.
void readSummary(const QString &html, Filing &filing)
{
    static const QRegularExpression filed(QStringLiteral("\\bFiled:\\s*(\\d{4}-\\d{2}-\\d{2})"));
    static const QRegularExpression accession(QStringLiteral("\\bAccNo:\\s*(\\d{10}-\\d{2}-\\d{6})"));
    static const QRegularExpression item(QStringLiteral("^Item\\s+(\\d{1,2}(?:\\.\\d{2})?)\\s*:\\s*(.*)$"),
                                         QRegularExpression::CaseInsensitiveOption);
    for (const QString &line : filingTextLines(html)) {
        if (const auto m = filed.match(line); m.hasMatch() && !filing.filed.isValid())
            filing.filed = QDate::fromString(m.captured(1), Qt::ISODate);
        if (const auto m = accession.match(line); m.hasMatch() && filing.accession.isEmpty())
            filing.accession = m.captured(1);
        if (const auto m = item.match(line); m.hasMatch())
            addItem(filing, m.captured(1), m.captured(2));
    }
}

// "items 1.01, 3.02, 8.01and9.01", "items 2.02 and 9.01", "item 5.02".
void readItemsDescription(const QString &text, Filing &filing)
{
    static const QRegularExpression number(QStringLiteral("(?<![\\d.])(\\d{1,2}\\.\\d{2})(?![\\d])"));
    for (auto it = number.globalMatch(text); it.hasNext();)
        addItem(filing, it.next().captured(1), QString());
}

std::optional<Filing> filingFrom(const RawEntry &e, qint64 feedCik, const QString &feedCompany, QString *why,
                                 int *rank)
{
    Filing f;
    const QString title = e.fields.value(QStringLiteral("title")).simplified();
    // getcurrent: "8-K - Flux Power Holdings, Inc. (0001083743) (Filer)"
    static const QRegularExpression currentTitle(
        QStringLiteral("^(.+?)\\s+-\\s+(.+?)\\s+\\((\\d{1,10})\\)\\s*(?:\\(([^)]*)\\))?\\s*$"));
    const auto titleMatch = currentTitle.match(title);
    f.form = e.fields.value(QStringLiteral("filing-type")).trimmed();
    if (f.form.isEmpty())
        f.form = e.formTerm.trimmed();
    if (f.form.isEmpty())
        f.form = title.section(QStringLiteral(" - "), 0, 0).trimmed();
    f.accession = normalizedAccession(e.fields.value(QStringLiteral("accession-number")));
    if (f.accession.isEmpty()) {
        static const QRegularExpression fromId(QStringLiteral("accession-number=(\\d{10}-\\d{2}-\\d{6})"));
        f.accession = fromId.match(e.fields.value(QStringLiteral("id"))).captured(1);
    }
    f.filed = QDate::fromString(e.fields.value(QStringLiteral("filing-date")).trimmed(), Qt::ISODate);
    f.indexUrl = e.fields.value(QStringLiteral("filing-href")).trimmed();
    if (f.indexUrl.isEmpty())
        f.indexUrl = e.link.trimmed();
    readSummary(e.summaryHtml, f);
    readItemsDescription(e.fields.value(QStringLiteral("items-desc")), f);
    f.accepted = parseFeedDate(e.fields.value(QStringLiteral("updated"))).toUTC();
    if (!f.filed.isValid() && f.accepted.isValid())
        f.filed = parseFeedDate(e.fields.value(QStringLiteral("updated"))).date();   // EDGAR's own (Eastern) day
    *rank = 3;
    if (titleMatch.hasMatch()) {
        f.companyName = titleMatch.captured(2);
        f.cik = titleMatch.captured(3).toLongLong();
        *rank = roleRank(titleMatch.captured(4));
    }
    if (feedCik > 0) {
        f.cik = feedCik;
        f.companyName = feedCompany;
        *rank = 0;
    }
    if (f.cik <= 0)
        f.cik = cikFromIndexUrl(f.indexUrl);
    if (f.accession.isEmpty()) {
        *why = QStringLiteral("no accession number");
        return std::nullopt;
    }
    if (f.form.isEmpty()) {
        *why = QStringLiteral("no form type");
        return std::nullopt;
    }
    if (f.indexUrl.isEmpty() || !QUrl(f.indexUrl).isValid())
        f.indexUrl = filingIndexUrl(f.cik, f.accession);
    return f;
}

} // namespace

bool SecFilingFeedParser::looksLikeEdgarFeed(const QByteArray &head)
{
    const QByteArray start = head.left(8192);
    if (!start.contains("<feed"))
        return false;
    return start.contains("<company-info>") || start.contains("sec.gov/cgi-bin/browse-edgar")
        || start.contains("/cgi-bin/browse-edgar") || start.contains("urn:tag:sec.gov")
        || start.contains("<accession-number>");
}

Result<SecFilingFeed> SecFilingFeedParser::parse(const QByteArray &body)
{
    const DocumentText decoded = decodeDocument(body);
    QXmlStreamReader xml(decoded.text);
    SecFilingFeed feed;
    QList<RawEntry> entries;
    bool sawFeed = false;
    RawEntry *entry = nullptr;
    QStringList path;   // local names from the root
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QString name = xml.name().toString();
            path << name;
            if (path.size() == 1) {
                if (name != QLatin1String("feed"))
                    return fail(QStringLiteral("not an EDGAR filing feed: the document is <%1>, not an Atom <feed>").arg(name));
                sawFeed = true;
                continue;
            }
            if (path.size() == 2 && name == QLatin1String("entry")) {
                entries.append(RawEntry{});
                entry = &entries.last();
                continue;
            }
            if (entry) {
                if (name == QLatin1String("category")) {
                    const auto attributes = xml.attributes();
                    if (attributes.value(QLatin1String("label")).compare(QLatin1String("form type"), Qt::CaseInsensitive) == 0
                        || entry->formTerm.isEmpty())
                        entry->formTerm = attributes.value(QLatin1String("term")).toString();
                    continue;
                }
                if (name == QLatin1String("link")) {
                    const auto attributes = xml.attributes();
                    const auto rel = attributes.value(QLatin1String("rel"));
                    if (entry->link.isEmpty() || rel == QLatin1String("alternate"))
                        entry->link = attributes.value(QLatin1String("href")).toString();
                    continue;
                }
                if (name == QLatin1String("summary")) {
                    entry->summaryHtml = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                    path.removeLast();
                    continue;
                }
                if (name == QLatin1String("content"))
                    continue;   // its children are the fields
                entry->fields.insert(name, xml.readElementText(QXmlStreamReader::IncludeChildElements));
                path.removeLast();
                continue;
            }
            if (path.size() == 2 && name == QLatin1String("title")) {
                feed.title = xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
                path.removeLast();
                continue;
            }
            if (path.size() == 3 && path.at(1) == QLatin1String("company-info")) {
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
                path.removeLast();
                if (name == QLatin1String("cik"))
                    feed.cik = text.toLongLong();
                else if (name == QLatin1String("conformed-name"))
                    feed.companyName = text.simplified();
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (path.size() == 2 && path.last() == QLatin1String("entry"))
                entry = nullptr;
            if (!path.isEmpty())
                path.removeLast();
        }
    }
    if (xml.hasError() && entries.isEmpty())
        return fail(QStringLiteral("not a readable EDGAR filing feed: %1 (line %2)")
                        .arg(xml.errorString())
                        .arg(xml.lineNumber()));
    if (!sawFeed)
        return fail(QStringLiteral("not an EDGAR filing feed: no Atom <feed> element"));

    // One filing per accession number: "latest filings" lists it once per
    // party; the filer (else the issuer) names the company.
    QHash<QString, int> byAccession;
    QList<int> ranks;
    for (int i = 0; i < entries.size(); ++i) {
        QString why;
        int rank = 3;
        auto filing = filingFrom(entries.at(i), feed.cik, feed.companyName, &why, &rank);
        if (!filing) {
            feed.skipped << QStringLiteral("entry %1: %2").arg(i + 1).arg(why);
            continue;
        }
        const auto seen = byAccession.constFind(filing->accession);
        if (seen == byAccession.constEnd()) {
            byAccession.insert(filing->accession, int(feed.filings.size()));
            feed.filings << *filing;
            ranks << rank;
            continue;
        }
        Filing &kept = feed.filings[*seen];
        for (const FilingItem &item : std::as_const(filing->items))
            addItem(kept, item.number, item.title);
        if (rank < ranks.at(*seen)) {
            kept.cik = filing->cik;
            kept.companyName = filing->companyName;
            kept.indexUrl = filing->indexUrl;
            ranks[*seen] = rank;
        }
    }
    if (xml.hasError())
        feed.skipped << QStringLiteral("the feed breaks off after entry %1: %2").arg(entries.size()).arg(xml.errorString());
    return feed;
}

} // namespace tw
