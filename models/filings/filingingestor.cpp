#include "models/filings/filingingestor.h"

#include "models/core/storetime.h"
#include "models/filings/filingevents.h"
#include "models/filings/reportedfigures.h"
#include "models/pipeline/articleingestor.h"
#include "models/store/filingstore.h"
#include "models/store/sqlexec.h"
#include "models/store/tickerstore.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QTimeZone>

namespace tw {

namespace {
// A press release shorter than this is a picture with a caption (JPMorgan
// files its releases as page images): nothing to read.
constexpr qsizetype kMinPressReleaseText = 200;

bool hasText(const Filing &f)
{
    return std::any_of(f.items.cbegin(), f.items.cend(), [](const FilingItem &i) { return !i.text.isEmpty(); });
}

bool isPressRelease(const FilingExhibit &e)
{
    if (e.text.size() < kMinPressReleaseText)
        return false;
    // EX-99.1 is the press release by convention; other EX-99s when they say so.
    return e.type == QLatin1String("EX-99.1") || e.type == QLatin1String("EX-99")
        || e.description.contains(QLatin1String("press release"), Qt::CaseInsensitive)
        || e.text.left(2000).contains(QLatin1String("press release"), Qt::CaseInsensitive);
}

Result<qint64> articleIdByGuid(const QSqlDatabase &db, const QString &guid)
{
    auto id = selectValue(db, QStringLiteral("SELECT id FROM articles WHERE guid = ?"), {guid});
    if (!id)
        return id.error();
    return id->toLongLong();
}
} // namespace

FilingIngestor::FilingIngestor(QSqlDatabase db, CikLookup directory) : m_db(std::move(db)), m_directory(std::move(directory)) {}

Result<QString> FilingIngestor::tickerFor(qint64 cik, const QStringList &ownTickers, const QString &given) const
{
    if (!given.trimmed().isEmpty())
        return given.trimmed().toUpper();
    if (!ownTickers.isEmpty())
        return ownTickers.first().toUpper();
    if (cik > 0) {
        auto stored = FilingStore(m_db).tickerForCik(cik);
        if (!stored)
            return stored.error();
        if (!stored->isEmpty())
            return *stored;
        // A company the analyst added (its CIK came from the directory).
        auto known = TickerStore(m_db).byCik(cik);
        if (!known)
            return known.error();
        if (!known->isEmpty())
            return known->first().symbol;
        if (m_directory) {
            const QString found = m_directory(cik);
            if (!found.isEmpty())
                return found.toUpper();
        }
    }
    return QString();
}

Article FilingIngestor::pressRelease(const Filing &filing, const FilingExhibit &exhibit, const QString &ticker)
{
    Article a;
    const QString key = !filing.accession.isEmpty() && !filing.accession.startsWith(QLatin1String("local:"))
        ? filing.accession
        : QString::fromLatin1(QCryptographicHash::hash(exhibit.text.toUtf8(), QCryptographicHash::Sha1).toHex().left(20));
    a.guid = QStringLiteral("sec:%1:%2").arg(key, exhibit.fileName.isEmpty() ? exhibit.type : exhibit.fileName);
    a.url = filingDocumentUrl(filing.cik, filing.accession, exhibit.fileName);
    if (a.url.isEmpty())
        a.url = filing.indexUrl;
    const QString company = filing.companyName.isEmpty() ? ticker : filing.companyName;
    a.title = exhibit.title;
    if (a.title.isEmpty()) {
        const bool generic = exhibit.description.isEmpty() || exhibit.description.startsWith(QLatin1String("EX-"), Qt::CaseInsensitive);
        a.title = generic ? QStringLiteral("%1 press release").arg(company) : exhibit.description;
    }
    // The first paragraph is the summary; the whole release is the body.
    const QStringList lines = exhibit.text.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.count(QLatin1Char(' ')) >= 24) {
            a.summary = line;
            break;
        }
    }
    a.body = exhibit.text;
    // The company's own statement: it is the author and the source.
    a.author = company;
    a.source = company;
    a.sourceUrl = filing.indexUrl;
    if (filing.accepted.isValid()) {
        a.published = filing.accepted;
    } else {
        const QDate day = filing.filed.isValid() ? filing.filed : filing.reportDate;
        a.published = QDateTime(day, QTime(12, 0), QTimeZone("America/New_York")).toUTC();
        a.publishedEstimated = !day.isValid();
    }
    a.fetched = nowUtc();
    if (!ticker.isEmpty())
        a.providerTickers << ticker;
    return a;
}

Status FilingIngestor::storeFiling(const Filing &given, const QString &ticker, FilingIngestReport &report)
{
    Filing f = given;
    FilingStore filings(m_db);
    if (f.accession.isEmpty()) {
        auto same = filings.sameFiling(f);
        if (!same)
            return same.error();
        f.accession = same->isEmpty() ? FilingStore::localKey(f) : *same;
    }
    if (f.accession.startsWith(QLatin1String("local:"))) {
        if (f.indexUrl.isEmpty() && f.cik > 0)
            f.indexUrl = QStringLiteral("https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=%1&type=%2&dateb=&owner=include&count=40")
                             .arg(f.cik, 10, 10, QLatin1Char('0'))
                             .arg(f.form);
    } else if (f.cik > 0) {
        // The same filing read earlier from its document alone gives way to this one.
        auto twin = filings.localTwin(f);
        if (!twin)
            return twin.error();
        if (!twin->isEmpty()) {
            if (auto s = filings.remove(*twin); !s)
                return s;
        }
    }
    auto existing = filings.byAccession(f.accession);
    if (!existing)
        return existing.error();
    bool unchanged = false;
    if (existing->has_value()) {
        const StoredFiling &old = **existing;
        unchanged = old.ticker == ticker && old.filing.itemNumbers() == f.itemNumbers() && (hasText(old.filing) || !hasText(f));
    }
    auto inserted = filings.upsert(f, ticker);
    if (!inserted)
        return inserted.error();
    ++report.filings;
    if (*inserted)
        ++report.newFilings;
    if (unchanged || !f.isCurrentReport() || ticker.isEmpty())
        return {};
    // Merged with what the store knows now (items with text when read).
    auto stored = filings.byAccession(f.accession);
    if (!stored)
        return stored.error();
    auto merged = FilingEventMerger(m_db).merge((*stored)->filing, ticker);
    if (!merged)
        return merged.error();
    report.eventsCreated += merged->created;
    report.eventsConfirmed += merged->confirmed;
    report.newEventIds += merged->createdIds;
    return {};
}

Result<FilingIngestReport> FilingIngestor::ingestListed(const QList<Filing> &filings, const QString &ticker)
{
    FilingIngestReport report;
    const Status stored = inTransaction(m_db, [&]() -> Status {
        for (const Filing &f : filings) {
            auto resolved = tickerFor(f.cik, f.tickers, ticker);
            if (!resolved)
                return resolved.error();
            if (report.ticker.isEmpty())
                report.ticker = *resolved;
            if (auto s = storeFiling(f, *resolved, report); !s)
                return s;
        }
        return {};
    });
    if (!stored)
        return stored.error();
    return report;
}

Result<FilingIngestReport> FilingIngestor::ingestDocument(const Filing &filing, const QString &ticker)
{
    FilingIngestReport report;
    auto resolved = tickerFor(filing.cik, filing.tickers, ticker);
    if (!resolved)
        return resolved.error();
    report.ticker = *resolved;
    const bool listed = !filing.form.isEmpty() || !filing.items.isEmpty();
    if (listed) {
        if (auto s = inTransaction(m_db, [&] { return storeFiling(filing, report.ticker, report); }); !s)
            return s.error();
    }
    if (report.ticker.isEmpty() && !filing.items.isEmpty())
        report.notes << (filing.cik > 0 ? QStringLiteral("no ticker known for CIK %1").arg(filing.cik)
                                        : QStringLiteral("the document names neither its ticker nor its CIK"))
                            + QStringLiteral(": the filing is stored, its events wait for a ticker (give --ticker)");

    // An exhibit read alone names no company: the one its ticker's filings name.
    Filing withCompany = filing;
    if (withCompany.companyName.isEmpty() && !report.ticker.isEmpty()) {
        auto known = FilingStore(m_db).forTicker(report.ticker, 1);
        if (!known)
            return known.error();
        if (!known->isEmpty())
            withCompany.companyName = known->first().filing.companyName;
    }
    QList<Article> releases;
    QStringList exhibits;
    for (const FilingExhibit &e : filing.exhibits) {
        if (!isPressRelease(e)) {
            report.notes << QStringLiteral("%1 %2: no press release text to read").arg(e.type, e.fileName);
            continue;
        }
        if (report.ticker.isEmpty() && withCompany.companyName.isEmpty()) {
            report.notes << QStringLiteral("%1 %2: the exhibit names no company (give --ticker)").arg(e.type, e.fileName);
            continue;
        }
        releases << pressRelease(withCompany, e, report.ticker);
        exhibits << e.type;
    }
    if (releases.isEmpty())
        return report;
    // Through the article pipeline: linking, sentiment, events and guidance.
    auto ingested = ArticleIngestor(m_db).ingest(releases);
    if (!ingested)
        return ingested.error();
    report.pressReleases = int(releases.size());
    report.articlesInserted = ingested->inserted;
    report.newEventIds += ingested->newEventIds;
    if (!listed || filing.accession.isEmpty())
        return report;
    const Status linked = inTransaction(m_db, [&]() -> Status {
        for (int i = 0; i < releases.size(); ++i) {
            auto id = articleIdByGuid(m_db, releases.at(i).guid);
            if (!id)
                return id.error();
            if (*id > 0) {
                if (auto s = FilingStore(m_db).linkArticle(filing.accession, *id, exhibits.at(i)); !s)
                    return s;
            }
        }
        return {};
    });
    if (!linked)
        return linked.error();
    return report;
}

Result<FilingIngestReport> FilingIngestor::ingestFacts(const CompanyFacts &facts, const QString &ticker)
{
    FilingIngestReport report;
    if (facts.cik <= 0)
        return fail(QStringLiteral("the company facts name no CIK"));
    auto resolved = tickerFor(facts.cik, {}, ticker);
    if (!resolved)
        return resolved.error();
    if (resolved->isEmpty())
        return fail(QStringLiteral("no ticker known for %1 (CIK %2): give one with --ticker")
                        .arg(facts.entityName.isEmpty() ? QStringLiteral("the company") : facts.entityName)
                        .arg(facts.cik));
    report.ticker = *resolved;
    const Status stored = inTransaction(m_db, [&]() -> Status {
        ReportedFigureStore store(m_db);
        auto added = store.addFacts(facts.cik, facts.facts);
        if (!added)
            return added.error();
        report.facts = int(facts.facts.size());
        report.newFacts = *added;
        // Resolved from every fact ever stored for the company, so a later file
        // that drops an old period loses nothing.
        auto all = store.facts(facts.cik);
        if (!all)
            return all.error();
        const QList<ReportedFigure> figures = ReportedFigureResolver::resolve(report.ticker, *all);
        auto changes = store.replaceFigures(report.ticker, facts.cik, figures);
        if (!changes)
            return changes.error();
        report.figures = int(figures.size());
        report.figureChanges = *changes;
        return {};
    });
    if (!stored)
        return stored.error();
    return report;
}

} // namespace tw
