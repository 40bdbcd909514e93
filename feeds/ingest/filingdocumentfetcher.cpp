#include "feeds/ingest/filingdocumentfetcher.h"

#include "feeds/ingest/problemtext.h"
#include "feeds/ingest/secdocumentimporter.h"
#include "feeds/parsers/secformat.h"
#include "models/domain/filing.h"
#include "models/store/feedstore.h"
#include "models/store/filingdocumentfetchstore.h"
#include "models/store/sqlexec.h"

#include <algorithm>

namespace tw {

FilingDocumentFetcher::FilingDocumentFetcher(QSqlDatabase db) : m_db(std::move(db)) {}

QUrl FilingDocumentFetcher::submissionTextUrl(const QString &indexUrl, qint64 cik, const QString &accession)
{
    const QString number = normalizedAccession(accession);
    if (number.isEmpty())
        return QUrl();
    const QString fileName = number + QStringLiteral(".txt");
    const QString folder = QLatin1Char('/') + QString(number).remove(QLatin1Char('-')) + QLatin1Char('/');
    QUrl url(indexUrl);
    if (const qsizetype at = url.path().indexOf(folder); url.isValid() && at >= 0) {
        url.setPath(url.path().left(at + folder.size()) + fileName);
        url.setQuery(QString());
        url.setFragment(QString());
        return url;
    }
    const QString edgarFolder = filingFolderUrl(cik, number);
    return edgarFolder.isEmpty() ? QUrl() : QUrl(edgarFolder + fileName);
}

Result<QList<FetchRequest>> FilingDocumentFetcher::follow(const Feed &feed, RefreshOutcome &outcome,
                                                          const FetchPolicy &policy)
{
    QList<FetchRequest> requests;
    if (outcome.currentReports.isEmpty() || outcome.feed.lastState != FeedState::Ok)
        return requests;
    auto awaiting = FilingDocumentFetchStore(m_db).awaiting(outcome.currentReports, kMaxFailures);
    if (!awaiting)
        return awaiting.error();
    Followed followed;
    followed.perRun = std::max(1, policy.filingDocumentsPerFeed);
    // Documents come from SEC or from where the listing itself came from;
    // a link in a listing to any other host is not followed.
    const QString feedHost = QUrl(feed.url).host();
    for (const FilingAwaitingDocument &filing : std::as_const(*awaiting)) {
        if (m_asked.contains(filing.accession))
            continue;   // another feed of this run reads it
        const QUrl url = submissionTextUrl(filing.indexUrl, filing.cik, filing.accession);
        if (!isFetchableUrl(url) || !(policy.sec.covers(url) || url.host().compare(feedHost, Qt::CaseInsensitive) == 0)) {
            outcome.notes << QStringLiteral("%1: its documents are not followed to %2 (neither SEC's host nor the feed's)")
                                 .arg(filing.accession, displayUrl(url));
            continue;
        }
        if (requests.size() >= followed.perRun) {
            ++followed.later;
            continue;
        }
        FetchRequest request;
        request.feedId = feed.id;
        request.url = url;
        request.filing = filing.accession;
        request.secrets = secretsInUrl(url);
        requests << request;
        m_asked.insert(filing.accession);
    }
    if (requests.isEmpty())
        return requests;
    followed.before = feed;
    followed.outcome = outcome;
    followed.waiting = followed.asked = int(requests.size());
    m_feeds.insert(feed.id, followed);
    return requests;
}

std::optional<FollowedFeedDone> FilingDocumentFetcher::take(const FetchResult &result, const QStringList &secrets)
{
    const auto it = m_feeds.find(result.request.feedId);
    if (it == m_feeds.end())
        return std::nullopt;
    store(*it, result, secrets);
    if (--it->waiting > 0)
        return std::nullopt;
    Followed followed = *it;
    m_feeds.erase(it);
    if (m_feeds.isEmpty())
        m_asked.clear();
    return FollowedFeedDone{followed.before, finish(followed, secrets)};
}

void FilingDocumentFetcher::store(Followed &feed, const FetchResult &result, const QStringList &secrets)
{
    const QString accession = result.request.filing;
    const QString url = result.finalUrl.isValid() ? result.finalUrl.toString() : result.request.url.toString();
    const QStringList hidden = secrets + result.request.secrets;
    QString error;
    if (!result.ok()) {
        error = result.error;
    } else if (sniffSecFormat(result.body) != SecFormat::CurrentReport) {
        error = QStringLiteral("not an 8-K submission text (%1 bytes)").arg(result.body.size());
    } else if (!result.body.contains(accession.toLatin1())) {
        // Its header names it: another filing's text must not mark this one read.
        error = QStringLiteral("the submission text does not name filing %1").arg(accession);
    } else {
        auto imported = SecDocumentImporter(m_db).import(result.body, SecFormat::CurrentReport, url, feed.before.ticker);
        if (!imported) {
            error = imported.errorMessage();
        } else {
            RefreshOutcome &o = feed.outcome;
            ++o.documents;
            o.changed += imported->report.eventsCreated + imported->report.articlesInserted;
            for (const QString &note : imported->skipped)
                o.notes << ProblemText::clean(accession + QStringLiteral(": ") + note, hidden);
        }
    }
    FilingDocumentFetchStore marks(m_db);
    Transaction tx(m_db);
    Status recorded = tx.active() ? Status() : Status(fail(tx.beginError()));
    if (recorded && error.isEmpty()) {
        recorded = marks.recordFetched(accession, url);
    } else if (recorded) {
        error = ProblemText::clean(error, hidden);
        auto failures = marks.recordFailure(accession, url, error);
        if (!failures)
            recorded = failures.error();
        else
            (*failures >= kMaxFailures ? feed.givenUp : feed.failed) << accession + QStringLiteral(": ") + error;
    }
    if (recorded)
        recorded = tx.commit();
    // Unrecorded, the filing is simply asked again next time: nothing is lost.
    if (!recorded)
        feed.outcome.warnings << ProblemText::clean(
            QStringLiteral("%1: could not record its document fetch: %2").arg(accession, recorded.errorMessage()), hidden);
}

Result<RefreshOutcome> FilingDocumentFetcher::finish(Followed &feed, const QStringList &secrets)
{
    RefreshOutcome &outcome = feed.outcome;
    QStringList warnings;
    if (!feed.failed.isEmpty())
        warnings << QStringLiteral("%1 of %2 8-K documents not read, tried again on the next fetch (%3)")
                        .arg(feed.failed.size())
                        .arg(feed.asked)
                        .arg(feed.failed.first());
    if (!feed.givenUp.isEmpty())
        warnings << QStringLiteral("%1 8-K documents not read after %2 attempts, no longer tried (%3)")
                        .arg(feed.givenUp.size())
                        .arg(kMaxFailures)
                        .arg(feed.givenUp.first());
    if (feed.later > 0)
        warnings << QStringLiteral("%1 more 8-K documents to read on the next fetch (%2 a fetch, newest first)")
                        .arg(feed.later)
                        .arg(feed.perRun);
    if (warnings.isEmpty())
        return outcome;
    Feed &f = outcome.feed;
    for (const QString &w : std::as_const(warnings))
        outcome.warnings << ProblemText::clean(w, secrets);
    f.lastError = FeedRefresher::warningText(warnings, secrets);
    // The next fetch must list the filings again, not hear "not modified".
    if (!feed.failed.isEmpty() || feed.later > 0) {
        f.etag.clear();
        f.lastModified.clear();
    }
    if (auto s = FeedStore(m_db).update(f); !s)
        return s.error();
    return outcome;
}

} // namespace tw
