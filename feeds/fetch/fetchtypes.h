#pragma once

#include "feeds/fetch/secaccess.h"
#include "models/core/version.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace tw {

// How politely and how patiently to fetch. Defaults follow the providers'
// published limits (SEC EDGAR: at most 10 requests/s, a User-Agent naming a
// contact).
struct FetchPolicy {
    QString userAgent = QStringLiteral("Tickerwire/" TICKERWIRE_VERSION " (+https://github.com/tickerwire)");
    int perHostConcurrency = 2;
    int maxConcurrent = 6;
    int minHostSpacingMs = 100;         // between request starts to one host
    int connectTimeoutMs = 15000;       // until the request is on the wire
    int stallTimeoutMs = 20000;         // an attempt receiving nothing this long is given up (and retried)
    int deadlineMs = 60000;             // the whole fetch: every attempt, retry wait and Yahoo session included
    qint64 maxBodyBytes = 20 * 1024 * 1024;   // as decoded (after gzip); enforced while reading
    int maxRedirects = 5;
    int maxRetries = 3;                 // transient failures retried within one fetch (and its deadline)
    int retryBaseMs = 1000;             // 1 s, 2 s, 4 s (+ up to 25 % jitter)
    int maxRetryAfterSeconds = 30;      // a longer Retry-After ends this fetch; the feed waits that long
    // Yahoo's chart API answers 401 without a session cookie and crumb; these
    // are where they come from (settable so the tests use a local server).
    QStringList yahooChartHosts = {QStringLiteral("query1.finance.yahoo.com"), QStringLiteral("query2.finance.yahoo.com")};
    QUrl yahooCookieUrl = QUrl(QStringLiteral("https://fc.yahoo.com/"));
    QUrl yahooCrumbUrl = QUrl(QStringLiteral("https://query1.finance.yahoo.com/v1/test/getcrumb"));
    // SEC EDGAR: its own User-Agent with the analyst's contact address
    // (ContactSetting), one rate across its hosts; not asked without a contact.
    SecAccessRules sec;
    // An SEC filing feed's 8-Ks whose documents one run reads, newest first;
    // the rest wait for the next fetch (FilingDocumentFetcher).
    int filingDocumentsPerFeed = 10;
};

// The longest Retry-After that is believed: a server asking for more (or
// for 2058) is asked again in six hours.
constexpr int kMaxRetryAfterSeconds = 6 * 3600;

struct FetchRequest {
    qint64 feedId = 0;
    QUrl url;                // what is requested (may carry a key: never printed as is)
    QString etag;            // conditional GET validators from the last good fetch
    QString lastModified;
    QStringList secrets;     // values that must never be shown (the key sent, keys in the URL): redacted from every message
    QString keyWithheld;     // a provider whose key was not sent because the URL is not that provider's https host
    QString filing;          // set when this reads the document of a filing feed `feedId` listed (its accession number), not the feed
};

enum class FetchFailure {
    None,
    Network,
    Timeout,
    TooLarge,
    Http,
    TooManyRedirects,
    Refused,        // a rule said no (not an http(s) address, SEC without a contact address): nothing was read
    Decompression,  // a gzip/deflate body that does not decode
};

struct FetchResult {
    FetchRequest request;
    QUrl finalUrl;
    int httpStatus = 0;
    bool notModified = false;   // 304: nothing new, validators still good
    QByteArray body;
    QString contentType;
    QString etag;
    QString lastModified;
    FetchFailure failure = FetchFailure::None;
    QString error;              // human text, secrets redacted
    int attempts = 0;
    std::optional<int> retryAfterSeconds;   // the server asked us to wait (429/503)
    bool ok() const { return failure == FetchFailure::None; }
};

// For anything a person, a log or the shared store may see: query values
// that are secrets (apikey=, token=, ...) replaced by "***", and every
// occurrence of each of `secretValues` (the keys themselves, however a
// server echoed them: as sent, percent-encoded, in any letter case, or cut
// short by "…" at the end of a quoted excerpt).
QString redactSecrets(const QString &text, const QStringList &secretValues = {});
QString displayUrl(const QUrl &url, const QStringList &secretValues = {});

// The values of a URL's secret query parameters (apikey=, token=, ...).
QStringList secretsInUrl(const QUrl &url);

// Whether `url` may be fetched at all: http or https with a host. Checked at
// every fetch and redirect, not only when a feed is added (a shared store's
// feeds table may hold anything a colleague wrote into it).
bool isFetchableUrl(const QUrl &url);

// Why `url` may not be fetched under `policy` (empty when it may): SEC EDGAR
// without a contact address.
QString refusalFor(const FetchPolicy &policy, const QUrl &url);

} // namespace tw
