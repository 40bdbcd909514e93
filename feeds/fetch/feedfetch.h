#pragma once

#include "fetch/fetchtypes.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

namespace tw {

// One feed's fetch: conditional GET, timeouts, size cap, redirects, and the
// retries of transient failures (5xx, network errors, 429/503 with a short
// Retry-After) with exponential backoff and jitter. Emits finished() once.
class FeedFetch : public QObject {
    Q_OBJECT

public:
    FeedFetch(QNetworkAccessManager *network, FetchRequest request, const FetchPolicy &policy, QObject *parent = nullptr);
    void start();
    const FetchRequest &request() const { return m_result.request; }

signals:
    void finished(const tw::FetchResult &result);

private:
    void sendAttempt();
    void onFinished();
    void abortWith(FetchFailure failure, const QString &error);
    void finishOrRetry(bool transient, std::optional<int> retryAfterSeconds);

    QNetworkAccessManager *m_network;
    FetchPolicy m_policy;
    FetchResult m_result;
    QPointer<QNetworkReply> m_reply;
    QTimer m_connectTimer;
    QTimer m_totalTimer;
    FetchFailure m_abortReason = FetchFailure::None;
    QString m_abortError;
};

// Seconds from a Retry-After value: delta-seconds or an HTTP date.
std::optional<int> parseRetryAfter(const QByteArray &value, const QDateTime &now);

} // namespace tw
