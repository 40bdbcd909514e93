#pragma once

#include "feeds/fetch/fetchtypes.h"
#include "feeds/ingest/feedrefresher.h"
#include "models/core/result.h"
#include "models/domain/feed.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace tw {

// A filing feed whose 8-K documents have all answered: its outcome, the
// feed's status as now stored.
struct FollowedFeedDone {
    Feed feed;                          // as it was requested
    Result<RefreshOutcome> outcome;
};

// Follows the 8-Ks an SEC filing feed (Atom or submissions JSON) listed to
// their documents: the full submission text beside the filing index the
// listing links to, read by the same parser and stored by the same path as
// `tickerwire ingest FILE` (SecDocumentImporter: events by item with the
// filing as source, EX-99.1 as the company's article). The requests go out
// through the caller's scheduler (SEC's User-Agent, pacing, caps). A filing
// whose document was read is never fetched again (filing_document_fetches);
// a failure is tried again on the next fetch, at most kMaxFailures times.
// Per feed and run at most FetchPolicy::filingDocumentsPerFeed, newest
// first; the feed's status says how many wait. A failure deletes nothing.
class FilingDocumentFetcher {
public:
    static constexpr int kMaxFailures = 5;

    explicit FilingDocumentFetcher(QSqlDatabase db);

    // The document requests for the feed's listed 8-Ks the store has not
    // read (empty: nothing to follow; the feed is done). Filings that cannot
    // be followed are noted in `outcome`; the outcome is kept until the
    // feed's last document has answered.
    Result<QList<FetchRequest>> follow(const Feed &feed, RefreshOutcome &outcome, const FetchPolicy &policy);

    // Stores one document's answer; once the feed's last one is in, the
    // feed's final outcome (its status updated when documents failed or wait).
    std::optional<FollowedFeedDone> take(const FetchResult &result, const QStringList &secrets);

    bool busy() const { return !m_feeds.isEmpty(); }
    bool following(qint64 feedId) const { return m_feeds.contains(feedId); }

    // Where a filing's full submission text is: "<accession>.txt" in the
    // folder of the filing index the listing gave (".../edgar/data/<CIK>/
    // <accession digits>/"), else in EDGAR's folder built from CIK and accession.
    static QUrl submissionTextUrl(const QString &indexUrl, qint64 cik, const QString &accession);

private:
    struct Followed {
        Feed before;
        RefreshOutcome outcome;
        int waiting = 0;            // documents asked and not yet answered
        int asked = 0;
        int later = 0;              // left for the next fetch
        int perRun = 0;
        QStringList failed;         // "accession: why", tried again next time
        QStringList givenUp;        // failed kMaxFailures times
    };

    void store(Followed &feed, const FetchResult &result, const QStringList &secrets);
    Result<RefreshOutcome> finish(Followed &feed, const QStringList &secrets);

    QSqlDatabase m_db;
    QHash<qint64, Followed> m_feeds;    // by feed id
    QSet<QString> m_asked;              // accession numbers asked in this run (two feeds may list one filing)
};

} // namespace tw
