#include "feeds/ingest/secdocumentimporter.h"

#include "feeds/parsers/companyfactsparser.h"
#include "feeds/parsers/secfilingdocumentparser.h"
#include "feeds/parsers/secfilingfeedparser.h"
#include "feeds/parsers/secsubmissionsparser.h"
#include "models/filings/reportedfigures.h"

namespace tw {

namespace {
// The 8-Ks (and amendments) of a listing, by accession number.
QStringList currentReports(const QList<Filing> &filings)
{
    QStringList accessions;
    for (const Filing &f : filings) {
        if (f.isCurrentReport())
            accessions << f.accession;
    }
    return accessions;
}

QString eventsText(const FilingIngestReport &r)
{
    return QStringLiteral("%1 new events, %2 news events confirmed").arg(r.eventsCreated).arg(r.eventsConfirmed);
}

// A listing (a filing feed or a company's submissions) stored: its filings,
// which of them are 8-Ks, and "40 filings (3 8-Ks), 2 new; ..." for the summary.
Result<QString> ingestListing(FilingIngestor &ingestor, const QList<Filing> &filings, const QString &ticker,
                              SecImportOutcome &out)
{
    auto report = ingestor.ingestListed(filings, ticker);
    if (!report)
        return report.error();
    out.report = *report;
    out.items = int(filings.size());
    out.currentReports = currentReports(filings);
    return QStringLiteral("%1 filings (%2 8-Ks), %3 new; %4")
        .arg(filings.size())
        .arg(out.currentReports.size())
        .arg(report->newFilings)
        .arg(eventsText(*report));
}
} // namespace

SecDocumentImporter::SecDocumentImporter(QSqlDatabase db, FilingIngestor::CikLookup directory)
    : m_db(std::move(db)), m_directory(std::move(directory))
{
}

Result<SecImportOutcome> SecDocumentImporter::import(const QByteArray &body, SecFormat format, const QString &origin,
                                                     const QString &ticker)
{
    SecImportOutcome out;
    out.format = format;
    FilingIngestor ingestor(m_db, m_directory);
    switch (format) {
    case SecFormat::None:
        return fail(QStringLiteral("not an SEC EDGAR document"));
    case SecFormat::FilingFeed: {
        auto feed = SecFilingFeedParser::parse(body);
        if (!feed)
            return feed.error();
        out.skipped = feed->skipped;
        auto listing = ingestListing(ingestor, feed->filings, ticker, out);
        if (!listing)
            return listing.error();
        out.summary = *listing;
        return out;
    }
    case SecFormat::Submissions: {
        auto submissions = SecSubmissionsParser::parse(body);
        if (!submissions)
            return submissions.error();
        out.skipped = submissions->skipped;
        auto listing = ingestListing(ingestor, submissions->filings, ticker, out);
        if (!listing)
            return listing.error();
        out.summary = QStringLiteral("%1 as %2: %3")
                          .arg(submissions->name,
                               out.report.ticker.isEmpty() ? QStringLiteral("no ticker") : out.report.ticker, *listing);
        return out;
    }
    case SecFormat::CurrentReport: {
        auto doc = SecFilingDocumentParser::parse(body, origin);
        if (!doc)
            return doc.error();
        out.skipped = doc->notes;
        auto report = ingestor.ingestDocument(doc->filing, ticker);
        if (!report)
            return report.error();
        out.report = *report;
        out.skipped += report->notes;
        out.items = 1;
        const Filing &f = doc->filing;
        QString what = f.form.isEmpty() ? QStringLiteral("exhibit") : f.form;
        if (!f.accession.isEmpty())
            what += QLatin1Char(' ') + f.accession;
        if (f.filed.isValid())
            what += QStringLiteral(" filed ") + f.filed.toString(Qt::ISODate);
        else if (f.reportDate.isValid())
            what += QStringLiteral(" of ") + f.reportDate.toString(Qt::ISODate);
        out.summary = QStringLiteral("%1 %2 as %3: items %4; %5; %6 press releases (%7 new articles)")
                          .arg(f.companyName.isEmpty() ? QStringLiteral("(company not named)") : f.companyName, what,
                               report->ticker.isEmpty() ? QStringLiteral("no ticker") : report->ticker,
                               f.items.isEmpty() ? QStringLiteral("none") : f.itemNumbers().join(QStringLiteral(", ")),
                               eventsText(*report))
                          .arg(report->pressReleases)
                          .arg(report->articlesInserted);
        return out;
    }
    case SecFormat::CompanyFacts: {
        auto facts = CompanyFactsParser::parse(body, reportedConcepts());
        if (!facts)
            return facts.error();
        auto report = ingestor.ingestFacts(*facts, ticker);
        if (!report)
            return report.error();
        out.report = *report;
        out.items = int(facts->facts.size());
        out.summary = QStringLiteral("%1 (CIK %2) as %3: %4 facts (%5 new), %6 reported figures (%7 new, %8 changed)")
                          .arg(facts->entityName)
                          .arg(facts->cik)
                          .arg(report->ticker)
                          .arg(report->facts)
                          .arg(report->newFacts)
                          .arg(report->figures)
                          .arg(report->figureChanges.added)
                          .arg(report->figureChanges.changed);
        return out;
    }
    }
    return fail(QStringLiteral("not an SEC EDGAR document"));
}

} // namespace tw
