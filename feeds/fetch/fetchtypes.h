#pragma once

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
    QString userAgent = QStringLiteral("Tickerwire/" TICKERWIRE_VERSION " (+https://github.com/tickerwire; feeds@tickerwire.invalid)");
    int perHostConcurrency = 2;
    int maxConcurrent = 6;
    int minHostSpacingMs = 100;         // between request starts to one host
    int connectTimeoutMs = 15000;       // until the request is on the wire
    int totalTimeoutMs = 60000;         // the whole attempt, body included
    qint64 maxBodyBytes = 20 * 1024 * 1024;
    int maxRedirects = 5;
    int maxRetries = 3;                 // transient failures retried within one fetch
    int retryBaseMs = 1000;             // 1 s, 2 s, 4 s (+ up to 25 % jitter)
    int maxRetryAfterSeconds = 30;      // a longer Retry-After ends this fetch; the feed waits that long
    // Yahoo's chart API answers 401 without a session cookie and crumb; these
    // are where they come from (settable so the tests use a local server).
    QStringList yahooChartHosts = {QStringLiteral("query1.finance.yahoo.com"), QStringLiteral("query2.finance.yahoo.com")};
    QUrl yahooCookieUrl = QUrl(QStringLiteral("https://fc.yahoo.com/"));
    QUrl yahooCrumbUrl = QUrl(QStringLiteral("https://query1.finance.yahoo.com/v1/test/getcrumb"));
};

struct FetchRequest {
    qint64 feedId = 0;
    QUrl url;                // what is requested (may carry a key: never printed as is)
    QString etag;            // conditional GET validators from the last good fetch
    QString lastModified;
};

enum class FetchFailure { None, Network, Timeout, TooLarge, Http, TooManyRedirects };

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

// Query values that are secrets (apikey=, token=, ...) replaced by "***", for
// anything a person or a log may see.
QString redactSecrets(const QString &text);
QString displayUrl(const QUrl &url);

} // namespace tw
