#pragma once

#include "feeds/fetch/fetchtypes.h"
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
// finished() once.
class FeedFetch : public QObject {
    Q_OBJECT

public:
    FeedFetch(QNetworkAccessManager *network, FetchRequest request, const FetchPolicy &policy, QObject *parent = nullptr,
              std::shared_ptr<YahooSession> yahoo = {});
    void start();
    const FetchRequest &request() const { return m_result.request; }

signals:
    void finished(const tw::FetchResult &result);

private:
    void sendAttempt();
    void onFinished();
    void abortWith(FetchFailure failure, const QString &error);
    void finishOrRetry(bool transient, std::optional<int> retryAfterSeconds);
    void refreshYahooSession();
    void failYahoo(const QString &detail);

    QNetworkAccessManager *m_network;
    FetchPolicy m_policy;
    FetchResult m_result;
    QPointer<QNetworkReply> m_reply;
    QTimer m_connectTimer;
    QTimer m_totalTimer;
    FetchFailure m_abortReason = FetchFailure::None;
    QString m_abortError;
    std::shared_ptr<YahooSession> m_yahoo;
    bool m_yahooRefreshed = false;   // one fresh cookie and crumb per fetch
};

// Seconds from a Retry-After value: delta-seconds or an HTTP date.
std::optional<int> parseRetryAfter(const QByteArray &value, const QDateTime &now);

} // namespace tw
