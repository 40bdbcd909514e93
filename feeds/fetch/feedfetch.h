#pragma once

#include "feeds/fetch/bodydecoder.h"
#include "feeds/fetch/fetchtypes.h"
#include "feeds/fetch/requestpacer.h"
#include "feeds/fetch/yahoosession.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace tw {

// One feed's fetch: conditional GET, timeouts, size cap, redirects, and the
// retries of transient failures (5xx, network errors, 429/503 with a short
// Retry-After) with exponential backoff and jitter. A Yahoo chart request
// answered 401 gets a fresh cookie and crumb (kept in `yahoo`, which the
// scheduler shares between its fetches) and is sent once more. Emits
// finished() once, within the policy's deadline whatever the server does.
//
// Bounds: only http(s) addresses are requested, and only http(s) redirects
// followed (never https to http); the body is read as it arrives and the
// reply aborted as soon as it passes the cap (counted after gzip, so a
// compression bomb stops there too); one deadline covers every attempt and
// wait. Every message has the request's secrets redacted.
class FeedFetch : public QObject {
    Q_OBJECT

public:
    // `pacer` spaces the retries with every other request to the host (SEC's
    // 10 a second count retries too); none: retries wait only their backoff.
    FeedFetch(QNetworkAccessManager *network, FetchRequest request, const FetchPolicy &policy, QObject *parent = nullptr,
              std::shared_ptr<YahooSession> yahoo = {}, std::shared_ptr<RequestPacer> pacer = {});
    void start();
    const FetchRequest &request() const { return m_result.request; }

signals:
    void finished(const tw::FetchResult &result);

private:
    void retryWhenPaced();
    void sendAttempt();
    void restartStallTimer();
    void readAvailable();
    void onRedirected(const QUrl &target);
    void onFinished();
    void onDeadline();
    void abortWith(FetchFailure failure, const QString &error);
    void failWith(FetchFailure failure, const QString &error);
    void finishOrRetry(bool transient, std::optional<int> retryAfterSeconds);
    void finish();
    void refreshYahooSession();
    void failYahoo(const QString &detail);
    QString redacted(const QString &text) const;
    qint64 remainingMs() const;

    QNetworkAccessManager *m_network;
    FetchPolicy m_policy;
    FetchResult m_result;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_body;           // read as it arrives, never past the cap
    BodyDecoder m_decoder;       // for the current response's Content-Encoding
    qint64 m_rawBytes = 0;       // as received, before decoding (against Content-Length)
    QTimer m_connectTimer;
    QTimer m_stallTimer;         // restarted by every piece of the answer
    QTimer m_deadlineTimer;
    QTimer m_retryTimer;
    QElapsedTimer m_elapsed;
    FetchFailure m_abortReason = FetchFailure::None;
    QString m_abortError;
    bool m_pastDeadline = false;
    bool m_finished = false;
    std::shared_ptr<YahooSession> m_yahoo;
    std::shared_ptr<RequestPacer> m_pacer;
    QPointer<YahooSessionFetch> m_session;
    bool m_yahooRefreshed = false;   // one fresh cookie and crumb per fetch
};

// Seconds from a Retry-After value (delta-seconds or an HTTP date), at most
// kMaxRetryAfterSeconds.
std::optional<int> parseRetryAfter(const QByteArray &value, const QDateTime &now);

} // namespace tw
