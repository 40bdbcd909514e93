#include "feeds/parsers/secfilingdocumentparser.h"

#include "feeds/parsers/documenttext.h"
#include "feeds/parsers/filingtext.h"
#include "models/filings/currentreportitems.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

namespace tw {

namespace {

// One <DOCUMENT> of a submission.
struct RawDocument {
    QString type;           // "8-K", "EX-99.1", "GRAPHIC"
    int sequence = 0;
    QString fileName;
    QString description;
    QString text;           // between <TEXT> and </TEXT>
};

constexpr qsizetype kMaxHeader = 200000;

QString headerValue(const QString &line)
{
    return line.section(QLatin1Char(':'), 1).trimmed();
}

// "20251219" -> 2025-12-19
QDate compactDate(const QString &text)
{
    return QDate::fromString(text.trimmed().left(8), QStringLiteral("yyyyMMdd"));
}

QDate proseDate(QString text)
{
    text = text.simplified();
    text.remove(QLatin1Char('.'));   // "Dec. 19, 2025"
    const QLocale c = QLocale::c();
    for (const char *format : {"MMMM d, yyyy", "MMMM d yyyy", "MMM d, yyyy", "MMM d yyyy", "yyyy-MM-dd", "MM/dd/yyyy"}) {
        const QDate d = c.toDate(text, QString::fromLatin1(format));
        if (d.isValid())
            return d;
    }
    return QDate();
}

const QRegularExpression &monthDatePattern()
{
    static const QRegularExpression date(
        QStringLiteral("\\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
                       "\\s+\\d{1,2}\\s*,?\\s*\\d{4}\\b"));
    return date;
}

// The text of every inline-XBRL fact named `name` ("dei:TradingSymbol").
QStringList inlineFacts(const QString &html, const QString &name)
{
    QStringList values;
    const QRegularExpression fact(
        QStringLiteral("<ix:non(?:Numeric|Fraction)\\b[^>]*\\bname=\"%1\"[^>]*>(.*?)</ix:non(?:Numeric|Fraction)>")
            .arg(QRegularExpression::escape(name)),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    for (auto it = fact.globalMatch(html); it.hasNext();) {
        const QString text = filingTextLines(QStringLiteral("<p>") + it.next().captured(1)).join(QLatin1Char(' ')).simplified();
        if (!text.isEmpty())
            values << text;
    }
    return values;
}

QString accessionIn(const QString &origin)
{
    static const QRegularExpression dashed(QStringLiteral("(?<!\\d)(\\d{10}-\\d{2}-\\d{6})(?!\\d)"));
    if (const auto m = dashed.match(origin); m.hasMatch())
        return m.captured(1);
    static const QRegularExpression folder(QStringLiteral("/edgar/data/\\d+/(\\d{18})(?:/|$)"));
    if (const auto m = folder.match(origin); m.hasMatch())
        return normalizedAccession(m.captured(1));
    return QString();
}

qint64 cikIn(const QString &origin)
{
    static const QRegularExpression folder(QStringLiteral("/edgar/data/(\\d{1,10})/"));
    const auto m = folder.match(origin);
    return m.hasMatch() ? m.captured(1).toLongLong() : 0;
}

QList<RawDocument> documentsOf(const QString &text)
{
    QList<RawDocument> docs;
    static const QRegularExpression tag(QStringLiteral("^<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>(.*)$"),
                                        QRegularExpression::CaseInsensitiveOption);
    qsizetype from = 0;
    while (true) {
        const qsizetype start = text.indexOf(QLatin1String("<DOCUMENT>"), from, Qt::CaseInsensitive);
        if (start < 0)
            break;
        qsizetype end = text.indexOf(QLatin1String("</DOCUMENT>"), start, Qt::CaseInsensitive);
        if (end < 0)
            end = text.size();
        const QStringView doc = QStringView(text).mid(start + 10, end - start - 10);
        RawDocument d;
        const qsizetype textStart = doc.indexOf(QLatin1String("<TEXT>"), 0, Qt::CaseInsensitive);
        const QStringView head = textStart < 0 ? doc.left(2000) : doc.left(textStart);
        for (const QStringView line : head.split(QLatin1Char('\n'))) {
            const auto m = tag.match(line.trimmed().toString());
            if (!m.hasMatch())
                continue;
            const QString key = m.captured(1).toUpper();
            const QString value = m.captured(2).trimmed();
            if (key == QLatin1String("TYPE"))
                d.type = value.toUpper();
            else if (key == QLatin1String("SEQUENCE"))
                d.sequence = value.toInt();
            else if (key == QLatin1String("FILENAME"))
                d.fileName = value;
            else if (key == QLatin1String("DESCRIPTION"))
                d.description = value;
        }
        // Binary documents (uuencoded graphics, zip) and XBRL files are not read.
        const bool readable = d.type.startsWith(QLatin1String("8-K")) || d.type.startsWith(QLatin1String("EX-99"))
            || d.type.startsWith(QLatin1String("10-")) || d.type.startsWith(QLatin1String("6-K"));
        if (textStart >= 0 && readable) {
            qsizetype textEnd = doc.indexOf(QLatin1String("</TEXT>"), textStart, Qt::CaseInsensitive);
            if (textEnd < 0)
                textEnd = doc.size();
            d.text = doc.mid(textStart + 6, textEnd - textStart - 6).toString();
        }
        docs << d;
        from = end + 11;
    }
    return docs;
}

// Words with their end offsets, lower case.
QList<std::pair<QString, qsizetype>> words(const QString &text)
{
    QList<std::pair<QString, qsizetype>> out;
    qsizetype i = 0;
    while (i < text.size()) {
        while (i < text.size() && !text.at(i).isLetterOrNumber())
            ++i;
        const qsizetype start = i;
        while (i < text.size() && (text.at(i).isLetterOrNumber() || text.at(i) == QLatin1Char('\'') || text.at(i) == QChar(0x2019)))
            ++i;
        if (i > start)
            out.append({text.mid(start, i - start).toLower().remove(QLatin1Char('\'')).remove(QChar(0x2019)), i});
    }
    return out;
}

// Splits what follows an item number into its title and the text that runs
// on after it ("Other Events On March 29, 2021, ..."), by the official title.
// Whether `line` opens with the official title of `known` (its first words at least).
std::optional<QString> afterTitle(const QString &line, const CurrentReportItem *known)
{
    if (!known)
        return std::nullopt;
    const auto official = words(QString::fromLatin1(known->title));
    const auto given = words(line);
    qsizetype matched = 0;
    while (matched < official.size() && matched < given.size() && official.at(matched).first == given.at(matched).first)
        ++matched;
    if (matched == 0 || (matched != official.size() && matched * 10 < official.size() * 6))
        return std::nullopt;
    QString after = line.mid(given.at(matched - 1).second);
    static const QRegularExpression lead(QStringLiteral("^[\\s.:;,\\-\u2013\u2014]+"));
    after.remove(lead);
    return after;
}

std::pair<QString, QString> splitHeading(const QString &rest, const CurrentReportItem *known)
{
    const QString trimmed = rest.trimmed();
    if (known) {
        const auto official = words(QString::fromLatin1(known->title));
        const auto given = words(trimmed);
        qsizetype matched = 0;
        while (matched < official.size() && matched < given.size() && official.at(matched).first == given.at(matched).first)
            ++matched;
        if (matched > 0 && (matched == official.size() || matched * 10 >= official.size() * 6)) {
            QString after = trimmed.mid(given.at(matched - 1).second);
            static const QRegularExpression lead(QStringLiteral("^[\\s.:;,\\-\u2013\u2014]+"));
            after.remove(lead);
            return {QString::fromLatin1(known->title), after};
        }
    }
    // A short line that is not a sentence is the filer's own title.
    const auto given = words(trimmed);
    if (!trimmed.isEmpty() && given.size() <= 14 && !trimmed.endsWith(QLatin1Char(',')))
        return {known ? QString::fromLatin1(known->title) : trimmed.section(QLatin1Char('.'), 0, 0).trimmed(),
                known ? trimmed : QString()};
    return {known ? QString::fromLatin1(known->title) : QString(), trimmed};
}

bool endsItems(const QString &line)
{
    static const QRegularExpression signatures(QStringLiteral("^(?:SIGNATURES?|EXHIBIT INDEX|INDEX TO EXHIBITS)\\b\\.?\\s*$"),
                                               QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression signing(
        QStringLiteral("^Pursuant to the requirements of the Securities Exchange Act of 1934, (?:as amended, )?the "
                       "(?:registrant|company|undersigned)"),
        QRegularExpression::CaseInsensitiveOption);
    return signatures.match(line).hasMatch() || signing.match(line).hasMatch();
}

// The items of an 8-K document, each with its text.
QList<FilingItem> itemsOf(const QStringList &lines, const QDate &filed)
{
    static const QRegularExpression heading(
        QStringLiteral("^item\\s*(\\d{1,2})(?:\\s*\\.\\s*(\\d)\\s*(\\d))?(?![\\d])\\s*(?:\\([a-z]\\))?\\s*[.:\\-\u2013\u2014]?\\s*(.*)$"),
        QRegularExpression::CaseInsensitiveOption);
    QList<FilingItem> items;
    QStringList text;
    bool modern = false;
    const CurrentReportItem *titlePending = nullptr;
    auto close = [&] {
        if (!items.isEmpty())
            items.last().text = text.join(QLatin1Char('\n')).trimmed();
        text.clear();
    };
    for (const QString &line : lines) {
        if (!items.isEmpty() && endsItems(line)) {
            close();
            return items;
        }
        const auto m = heading.match(line);
        QString number;
        if (m.hasMatch()) {
            number = m.captured(2).isEmpty() ? m.captured(1) : m.captured(1) + QLatin1Char('.') + m.captured(2) + m.captured(3);
            const bool isModern = !m.captured(2).isEmpty();
            const QString rest = m.captured(4);
            // A legacy "Item 5." heading only in a filing of that era, and
            // only with a title after it (not "Item 5 of the agreement").
            if (!isModern && (modern || (filed.isValid() && filed >= QDate(2004, 8, 23)) || rest.isEmpty()
                              || !rest.at(0).isLetter() || !rest.at(0).isUpper()))
                number.clear();
            if (isModern)
                modern = true;
        }
        if (number.isEmpty() || !currentReportItemFor(number, filed)) {
            if (items.isEmpty())
                continue;
            if (titlePending) {
                const auto after = afterTitle(line, titlePending);
                titlePending = nullptr;
                if (after) {
                    if (!after->isEmpty())
                        text << *after;
                    continue;
                }
            }
            text << line;
            continue;
        }
        titlePending = nullptr;
        // The same number again is a reference back ("Item 7.01 (including
        // Exhibit 99.1) shall not be deemed filed"), part of the item.
        const bool repeated = std::any_of(items.cbegin(), items.cend(), [&](const FilingItem &i) { return i.number == number; });
        if (repeated) {
            text << line;
            continue;
        }
        close();
        const CurrentReportItem *known = currentReportItemFor(number, filed);
        const auto [title, runOn] = splitHeading(m.captured(4), known);
        items << FilingItem{number, title, QString()};
        if (!runOn.isEmpty())
            text << runOn;
        // The title in a cell or paragraph of its own, on the next line.
        titlePending = m.captured(4).trimmed().isEmpty() ? known : nullptr;
    }
    close();
    return items;
}

bool looksLikeLabel(const QString &line)
{
    static const QRegularExpression label(QStringLiteral("^[A-Za-z][A-Za-z .&/]{0,30}:(?:\\s|$)"));
    return label.match(line).hasMatch();
}

bool isAddressOrNumberLine(const QString &line)
{
    int digits = 0;
    for (QChar c : line) {
        if (c.isDigit())
            ++digits;
    }
    return digits * 4 >= line.size() || line.contains(QLatin1Char('@')) || line.contains(QLatin1String("www."))
        || line.contains(QLatin1String("http")) || line.startsWith(QLatin1Char('('));
}

struct CoverFacts {
    qint64 cik = 0;
    QString company;
    QStringList tickers;
    QString form;
    QDate reportDate;
};

CoverFacts coverOf(const QString &html, const QStringList &lines)
{
    CoverFacts c;
    if (const QStringList ciks = inlineFacts(html, QStringLiteral("dei:EntityCentralIndexKey")); !ciks.isEmpty())
        c.cik = ciks.first().toLongLong();
    if (const QStringList names = inlineFacts(html, QStringLiteral("dei:EntityRegistrantName")); !names.isEmpty())
        c.company = names.first();
    static const QRegularExpression symbol(QStringLiteral("^[A-Z][A-Z0-9.\\-]{0,9}$"));
    for (const QString &t : inlineFacts(html, QStringLiteral("dei:TradingSymbol"))) {
        if (symbol.match(t).hasMatch() && !c.tickers.contains(t))
            c.tickers << t;
    }
    if (const QStringList types = inlineFacts(html, QStringLiteral("dei:DocumentType")); !types.isEmpty())
        c.form = types.first().toUpper();
    if (const QStringList dates = inlineFacts(html, QStringLiteral("dei:DocumentPeriodEndDate")); !dates.isEmpty())
        c.reportDate = proseDate(dates.first());

    // The cover page in words, for documents without inline XBRL.
    const qsizetype coverLines = std::min<qsizetype>(lines.size(), 60);
    static const QRegularExpression formLine(QStringLiteral("^FORM\\s+(8-K(?:/A)?)\\b"), QRegularExpression::CaseInsensitiveOption);
    for (qsizetype i = 0; i < coverLines; ++i) {
        const QString &line = lines.at(i);
        if (c.form.isEmpty()) {
            if (const auto m = formLine.match(line); m.hasMatch())
                c.form = m.captured(1).toUpper();
        }
        if (c.company.isEmpty()) {
            const qsizetype exact = line.indexOf(QLatin1String("(Exact name of registrant"), 0, Qt::CaseInsensitive);
            if (exact > 0)
                c.company = line.left(exact).trimmed();
            else if (exact == 0 && i > 0)
                c.company = lines.at(i - 1).trimmed();
        }
        if (!c.reportDate.isValid() && line.contains(QLatin1String("Date of Report"), Qt::CaseInsensitive)) {
            // The date stands before or after the words, on this line or the next.
            const QString around = (i > 0 ? lines.at(i - 1) + QLatin1Char(' ') : QString()) + line
                + (i + 1 < lines.size() ? QLatin1Char(' ') + lines.at(i + 1) : QString());
            const qsizetype at = around.indexOf(QLatin1String("Date of Report"), 0, Qt::CaseInsensitive);
            QRegularExpressionMatch best;
            qsizetype bestDistance = 400;
            for (auto it = monthDatePattern().globalMatch(around); it.hasNext();) {
                const auto m = it.next();
                const qsizetype distance = std::abs(m.capturedStart(0) - at);
                if (distance < bestDistance) {
                    best = m;
                    bestDistance = distance;
                }
            }
            if (best.hasMatch())
                c.reportDate = proseDate(best.captured(0));
        }
    }
    return c;
}

FilingExhibit exhibitFrom(const RawDocument &d, const QString &companyName)
{
    FilingExhibit e;
    e.type = d.type;
    e.fileName = d.fileName;
    e.description = d.description;
    QStringList lines = filingTextLines(d.text);
    e.title = SecFilingDocumentParser::pressReleaseHeadline(lines, companyName);
    e.text = lines.join(QLatin1Char('\n'));
    return e;
}

void readPrimary(const QString &document, Filing &filing, QStringList &notes)
{
    const QStringList lines = filingTextLines(document);
    const CoverFacts cover = coverOf(document, lines);
    if (filing.cik <= 0)
        filing.cik = cover.cik;
    if (filing.companyName.isEmpty())
        filing.companyName = cover.company;
    for (const QString &t : cover.tickers) {
        if (!filing.tickers.contains(t))
            filing.tickers << t;
    }
    if (filing.form.isEmpty())
        filing.form = cover.form;
    if (!filing.reportDate.isValid())
        filing.reportDate = cover.reportDate;
    const QList<FilingItem> items = itemsOf(lines, filing.filed.isValid() ? filing.filed : filing.reportDate);
    if (items.isEmpty()) {
        notes << QStringLiteral("no item headings found in the document");
        return;
    }
    // The document's items, with text, replace the ones only listed.
    filing.items = items;
}

} // namespace

bool SecFilingDocumentParser::looksLikeSubmission(const QByteArray &head)
{
    const QByteArray start = head.left(4096).trimmed();
    return start.startsWith("<SEC-DOCUMENT>") || start.startsWith("<SEC-HEADER>")
        || start.startsWith("-----BEGIN PRIVACY-ENHANCED MESSAGE-----")
        || (start.startsWith("<DOCUMENT>") && start.contains("<TYPE>"));
}

bool SecFilingDocumentParser::looksLikeCurrentReport(const QByteArray &head)
{
    // Far enough to pass the inline-XBRL header that precedes the cover; the
    // words read with the markup and line breaks between them taken out.
    const QByteArray window = head.left(262144);
    // Every news document is asked this while being sniffed: a cover page
    // says "8-K" and names the Commission, each in one piece, so a body
    // without both is not read as text at all (the markup pass below costs
    // a regex over 256 KB).
    const QLatin1StringView raw(window);
    if (!raw.contains(QLatin1StringView("8-K"), Qt::CaseInsensitive)
        || !raw.contains(QLatin1StringView("commission"), Qt::CaseInsensitive))
        return false;
    static const QRegularExpression markup(QStringLiteral("<[^>]*>|&nbsp;|&#160;|&#xa0;"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QString text = QString::fromLatin1(window);
    text.replace(markup, QStringLiteral(" ")).replace(space, QStringLiteral(" "));
    static const QRegularExpression form(QStringLiteral("\\bFORM ?8-K\\b"), QRegularExpression::CaseInsensitiveOption);
    return text.contains(QLatin1String("SECURITIES AND EXCHANGE COMMISSION"), Qt::CaseInsensitive)
        && text.contains(QLatin1String("CURRENT REPORT"), Qt::CaseInsensitive) && form.match(text).hasMatch();
}

QString SecFilingDocumentParser::pressReleaseHeadline(const QStringList &lines, const QString &companyName)
{
    qsizetype start = 0;
    static const QRegularExpression exhibitLine(QStringLiteral("^(?:EX-99|Exhibit\\s+99)"), QRegularExpression::CaseInsensitiveOption);
    for (qsizetype i = 0; i < std::min<qsizetype>(lines.size(), 12); ++i) {
        if (exhibitLine.match(lines.at(i)).hasMatch())
            start = i + 1;
    }
    qsizetype prose = lines.size();
    for (qsizetype i = start; i < lines.size(); ++i) {
        if (words(lines.at(i)).size() >= 25) {
            prose = i;
            break;
        }
    }
    static const QRegularExpression verb(
        QStringLiteral("\\b(?:reports?|announces?|names?|appoints?|elects?|completes?|declares?|enters?|launch(?:es)?|"
                       "acquires?|to acquire|agrees?|provides?|updates?|posts?|delivers?|achieves?|expands?|prices?|"
                       "closes?|signs?|unveils?|introduces?|raises?|increases?|reaffirms?|issues?|receives?|"
                       "results|resigns?|retires?|steps? down|succeeds?)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    QString last;
    for (qsizetype i = start; i < prose; ++i) {
        const QString &line = lines.at(i);
        const qsizetype count = words(line).size();
        if (count < 3 || count > 40 || looksLikeLabel(line) || isAddressOrNumberLine(line)
            || line.compare(companyName, Qt::CaseInsensitive) == 0 || exhibitLine.match(line).hasMatch())
            continue;
        if (verb.match(line).hasMatch())
            return line;
        last = line;
    }
    return last;
}

Result<SecFilingDocument> SecFilingDocumentParser::parse(const QByteArray &body, const QString &origin)
{
    const QString text = decodeDocument(body).text;
    SecFilingDocument out;
    Filing &f = out.filing;
    f.accession = accessionIn(origin);
    f.cik = cikIn(origin);
    if (looksLikeSubmission(body)) {
        const qsizetype headerEnd = [&] {
            const qsizetype end = text.indexOf(QLatin1String("</SEC-HEADER>"), 0, Qt::CaseInsensitive);
            if (end >= 0)
                return end;
            const qsizetype doc = text.indexOf(QLatin1String("<DOCUMENT>"), 0, Qt::CaseInsensitive);
            return doc >= 0 ? doc : std::min<qsizetype>(text.size(), kMaxHeader);
        }();
        QStringList itemTitles;
        bool inCompany = false;
        for (const QStringView raw : QStringView(text).left(std::min(headerEnd, kMaxHeader)).split(QLatin1Char('\n'))) {
            const QString line = raw.toString().trimmed();
            if (line.startsWith(QLatin1String("<ACCEPTANCE-DATETIME>"), Qt::CaseInsensitive)) {
                // EDGAR's clock is Eastern time.
                const QDateTime local = QDateTime::fromString(line.mid(21, 14), QStringLiteral("yyyyMMddHHmmss"));
                if (local.isValid())
                    f.accepted = QDateTime(local.date(), local.time(), QTimeZone("America/New_York")).toUTC();
            } else if (line.startsWith(QLatin1String("ACCESSION NUMBER:"))) {
                f.accession = normalizedAccession(headerValue(line));
            } else if (line.startsWith(QLatin1String("CONFORMED SUBMISSION TYPE:"))) {
                f.form = headerValue(line).toUpper();
            } else if (line.startsWith(QLatin1String("CONFORMED PERIOD OF REPORT:"))) {
                f.reportDate = compactDate(headerValue(line));
            } else if (line.startsWith(QLatin1String("FILED AS OF DATE:"))) {
                f.filed = compactDate(headerValue(line));
            } else if (line.startsWith(QLatin1String("ITEM INFORMATION:"))) {
                itemTitles << headerValue(line);
            } else if (line.startsWith(QLatin1String("COMPANY DATA:"))) {
                inCompany = f.cik <= 0 || f.companyName.isEmpty();
            } else if (inCompany && line.startsWith(QLatin1String("COMPANY CONFORMED NAME:"))) {
                if (f.companyName.isEmpty())
                    f.companyName = headerValue(line);
            } else if (inCompany && line.startsWith(QLatin1String("CENTRAL INDEX KEY:"))) {
                f.cik = headerValue(line).toLongLong();
                inCompany = false;   // the first company is the filer (or the subject company)
            }
        }
        for (const QString &title : itemTitles) {
            if (const CurrentReportItem *known = currentReportItemByTitle(title))
                f.items << FilingItem{QString::fromLatin1(known->number), QString::fromLatin1(known->title), QString()};
        }
        const QList<RawDocument> documents = documentsOf(text);
        if (documents.isEmpty())
            return fail(QStringLiteral("an EDGAR submission without any <DOCUMENT>"));
        const bool whole = text.left(4096).trimmed().startsWith(QLatin1String("<SEC-DOCUMENT>"), Qt::CaseInsensitive)
            || text.left(4096).contains(QLatin1String("<SEC-HEADER>"), Qt::CaseInsensitive);
        out.shape = whole ? SecFilingDocument::Shape::FullSubmission : SecFilingDocument::Shape::SingleDocument;
        const RawDocument *primary = nullptr;
        for (const RawDocument &d : documents) {
            if ((!f.form.isEmpty() && d.type == f.form) || (f.form.isEmpty() && d.type.startsWith(QLatin1String("8-K")))) {
                primary = &d;
                break;
            }
        }
        if (!primary && whole) {
            for (const RawDocument &d : documents) {
                if (d.sequence == 1)
                    primary = &d;
            }
        }
        if (primary) {
            f.primaryDocument = primary->fileName;
            readPrimary(primary->text, f, out.notes);
        }
        for (const RawDocument &d : documents) {
            if (d.type.startsWith(QLatin1String("EX-99")))
                f.exhibits << exhibitFrom(d, f.companyName);
        }
        if (!primary && f.exhibits.isEmpty())
            return fail(QStringLiteral("an EDGAR submission with neither a main document nor an EX-99 exhibit (%1)")
                            .arg(documents.first().type.isEmpty() ? QStringLiteral("no document type") : documents.first().type));
    } else {
        if (!looksLikeCurrentReport(body))
            return fail(QStringLiteral("not an 8-K: no Form 8-K cover page"));
        out.shape = SecFilingDocument::Shape::PrimaryDocument;
        readPrimary(text, f, out.notes);
        if (f.form.isEmpty())
            f.form = QStringLiteral("8-K");
    }
    if (f.indexUrl.isEmpty())
        f.indexUrl = filingIndexUrl(f.cik, f.accession);
    if (f.documentUrl.isEmpty())
        f.documentUrl = filingDocumentUrl(f.cik, f.accession, f.primaryDocument);
    if (f.accession.isEmpty())
        out.notes << QStringLiteral("the document names no accession number");
    return out;
}

} // namespace tw
