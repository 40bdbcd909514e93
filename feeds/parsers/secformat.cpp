#include "feeds/parsers/secformat.h"

#include "feeds/parsers/secfilingdocumentparser.h"
#include "feeds/parsers/secfilingfeedparser.h"

namespace tw {

namespace {
QByteArray jsonHead(const QByteArray &body)
{
    QByteArray head = body.left(4096);
    qsizetype i = 0;
    if (head.startsWith("\xEF\xBB\xBF"))
        i = 3;
    while (i < head.size() && (head.at(i) == ' ' || head.at(i) == '\n' || head.at(i) == '\r' || head.at(i) == '\t'))
        ++i;
    return head.mid(i);
}
} // namespace

SecFormat sniffSecFormat(const QByteArray &body)
{
    const QByteArray json = jsonHead(body);
    if (json.startsWith('{')) {
        // Company facts open with cik, entityName and facts.
        if (json.contains("\"entityName\"") && json.contains("\"facts\""))
            return SecFormat::CompanyFacts;
        if (json.contains("\"cik\"") && (json.contains("\"entityType\"") || json.contains("\"sicDescription\"")))
            return SecFormat::Submissions;
        // An older page of a submissions list: the columns at the top.
        if (json.contains("\"accessionNumber\"") && json.contains("\"filingDate\""))
            return SecFormat::Submissions;
        return SecFormat::None;
    }
    if (SecFilingDocumentParser::looksLikeSubmission(body))
        return SecFormat::CurrentReport;
    if (SecFilingFeedParser::looksLikeEdgarFeed(body))
        return SecFormat::FilingFeed;
    if (SecFilingDocumentParser::looksLikeCurrentReport(body))
        return SecFormat::CurrentReport;
    return SecFormat::None;
}

QString secFormatId(SecFormat format)
{
    switch (format) {
    case SecFormat::None: return QString();
    case SecFormat::FilingFeed: return QStringLiteral("sec-filing-feed");
    case SecFormat::Submissions: return QStringLiteral("sec-submissions");
    case SecFormat::CurrentReport: return QStringLiteral("sec-8k");
    case SecFormat::CompanyFacts: return QStringLiteral("sec-companyfacts");
    }
    return QString();
}

} // namespace tw
