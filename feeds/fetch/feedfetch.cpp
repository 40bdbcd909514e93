#include "feeds/fetch/feedfetch.h"

#include "feeds/parsers/textnormalizer.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>

#include <algorithm>

namespace tw {

std::optional<int> parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const int seconds = trimmed.toInt(&ok);
    if (ok)
        return std::max(0, seconds);
    const QDateTime when = parseRfc822Date(QString::fromLatin1(trimmed));
    if (!when.isValid())
        return std::nullopt;
    return int(std::max<qint64>(0, now.secsTo(when)));
}

FeedFetch::FeedFetch(QNetworkAccessManager *network, FetchRequest request, const FetchPolicy &policy, QObject *parent,
                     std::shared_ptr<YahooSession> yahoo)
    : QObject(parent), m_network(network), m_policy(policy),
      m_yahoo(yahoo ? std::move(yahoo) : std::make_shared<YahooSession>())
{
    m_result.request = std::move(request);
    m_connectTimer.setSingleShot(true);
    m_totalTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        abortWith(FetchFailure::Timeout, QStringLiteral("no connection within %1 s").arg(m_policy.connectTimeoutMs / 1000.0));
    });
    connect(&m_totalTimer, &QTimer::timeout, this, [this] {
        abortWith(FetchFailure::Timeout, QStringLiteral("no complete answer within %1 s").arg(m_policy.totalTimeoutMs / 1000.0));
    });
}

void FeedFetch::start() { sendAttempt(); }

void FeedFetch::sendAttempt()
{
    ++m_result.attempts;
    m_abortReason = FetchFailure::None;
    m_abortError.clear();
    const bool withSession = m_yahoo->ready() && isYahooChartUrl(m_result.request.url, m_policy);
    QNetworkRequest request(withSession ? withYahooCrumb(m_result.request.url, m_yahoo->crumb) : m_result.request.url);
    if (withSession) {
        request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
        request.setRawHeader("Cookie", m_yahoo->cookie);
    }
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(m_policy.maxRedirects);
    request.setHeader(QNetworkRequest::UserAgentHeader, m_policy.userAgent);
    // Qt adds Accept-Encoding: gzip, deflate and inflates the body itself.
    request.setRawHeader("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/json, "
                                   "application/xml;q=0.9, text/xml;q=0.9, text/csv;q=0.9, */*;q=0.8");
    if (!m_result.request.etag.isEmpty())
        request.setRawHeader("If-None-Match", m_result.request.etag.toLatin1());
    if (!m_result.request.lastModified.isEmpty())
        request.setRawHeader("If-Modified-Since", m_result.request.lastModified.toLatin1());
    m_reply = m_network->get(request);
    m_reply->setParent(this);
    connect(m_reply, &QNetworkReply::requestSent, &m_connectTimer, &QTimer::stop);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        m_connectTimer.stop();
        const qint64 declared = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (declared > m_policy.maxBodyBytes)
            abortWith(FetchFailure::TooLarge, QStringLiteral("body of %1 bytes is over the %2 MiB cap")
                                                  .arg(declared)
                                                  .arg(m_policy.maxBodyBytes / (1024.0 * 1024.0)));
    });
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64) {
        if (received > m_policy.maxBodyBytes)
            abortWith(FetchFailure::TooLarge, QStringLiteral("body over the %1 MiB cap").arg(m_policy.maxBodyBytes / (1024.0 * 1024.0)));
    });
    connect(m_reply, &QNetworkReply::finished, this, &FeedFetch::onFinished);
    m_connectTimer.start(m_policy.connectTimeoutMs);
    m_totalTimer.start(m_policy.totalTimeoutMs);
}

void FeedFetch::abortWith(FetchFailure failure, const QString &error)
{
    if (!m_reply || m_abortReason != FetchFailure::None)
        return;
    m_abortReason = failure;
    m_abortError = error;
    m_reply->abort();   // finished() follows, synchronously
}

void FeedFetch::onFinished()
{
    m_connectTimer.stop();
    m_totalTimer.stop();
    QNetworkReply *reply = m_reply;
    reply->deleteLater();
    m_reply.clear();

    m_result.finalUrl = reply->url();
    m_result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const int status = m_result.httpStatus;
    const auto error = reply->error();
    const QString where = displayUrl(m_result.request.url);

    if (m_abortReason != FetchFailure::None) {
        m_result.failure = m_abortReason;
        m_result.error = redactSecrets(m_abortError);
        // A slow server may be slow once; an oversized body will be oversized again.
        finishOrRetry(m_abortReason == FetchFailure::Timeout, std::nullopt);
        return;
    }
    if (error == QNetworkReply::TooManyRedirectsError || error == QNetworkReply::InsecureRedirectError) {
        m_result.failure = FetchFailure::TooManyRedirects;
        m_result.error = redactSecrets(QStringLiteral("%1 (more than %2 redirects, or a loop)")
                                           .arg(reply->errorString())
                                           .arg(m_policy.maxRedirects));
        finishOrRetry(false, std::nullopt);
        return;
    }
    if (status == 304) {
        m_result.failure = FetchFailure::None;
        m_result.error.clear();
        m_result.notModified = true;
        m_result.etag = m_result.request.etag;
        m_result.lastModified = m_result.request.lastModified;
        emit finished(m_result);
        return;
    }
    if (status == 401 && isYahooChartUrl(m_result.request.url, m_policy)) {
        if (!m_yahooRefreshed)
            refreshYahooSession();
        else
            failYahoo(QStringLiteral("HTTP 401 again with a fresh crumb"));
        return;
    }
    if (status >= 400) {
        m_result.failure = FetchFailure::Http;
        m_result.error = QStringLiteral("HTTP %1 %2")
                             .arg(status)
                             .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
        std::optional<int> retryAfter;
        if (status == 429 || status == 503)
            retryAfter = parseRetryAfter(reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc());
        m_result.retryAfterSeconds = retryAfter;
        const bool transient = status >= 500 || status == 429 || status == 408;
        finishOrRetry(transient, retryAfter);
        return;
    }
    if (error != QNetworkReply::NoError) {
        m_result.failure = FetchFailure::Network;
        m_result.error = redactSecrets(reply->errorString()).replace(m_result.request.url.toString(), where);
        finishOrRetry(true, std::nullopt);
        return;
    }
    m_result.failure = FetchFailure::None;
    m_result.error.clear();
    m_result.retryAfterSeconds.reset();
    m_result.body = reply->readAll();
    const qint64 declared = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    const bool encoded = !reply->rawHeader("Content-Encoding").isEmpty();
    if (declared > 0 && !encoded && m_result.body.size() < declared) {
        // Qt reports a connection closed mid-body as success; a short body is not one.
        m_result.failure = FetchFailure::Network;
        m_result.error = QStringLiteral("body cut short: %1 of %2 bytes").arg(m_result.body.size()).arg(declared);
        m_result.body.clear();
        finishOrRetry(true, std::nullopt);
        return;
    }
    if (m_result.body.size() > m_policy.maxBodyBytes) {
        m_result.failure = FetchFailure::TooLarge;
        m_result.error = QStringLiteral("body over the %1 MiB cap").arg(m_policy.maxBodyBytes / (1024.0 * 1024.0));
        m_result.body.clear();
    }
    m_result.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    m_result.etag = QString::fromLatin1(reply->rawHeader("ETag"));
    m_result.lastModified = QString::fromLatin1(reply->rawHeader("Last-Modified"));
    emit finished(m_result);
}

void FeedFetch::refreshYahooSession()
{
    m_yahooRefreshed = true;
    *m_yahoo = {};   // refused: no later fetch should send it again
    auto *sessionFetch = new YahooSessionFetch(m_network, m_policy, this);
    sessionFetch->start([this, sessionFetch](const Result<YahooSession> &session) {
        sessionFetch->deleteLater();
        if (!session) {
            failYahoo(session.errorMessage());
            return;
        }
        *m_yahoo = *session;
        sendAttempt();
    });
}

void FeedFetch::failYahoo(const QString &detail)
{
    m_result.failure = FetchFailure::Http;
    m_result.error = redactSecrets(QStringLiteral("Yahoo refused the request (cookie/crumb): %1").arg(detail));
    m_result.retryAfterSeconds.reset();
    m_result.body.clear();
    emit finished(m_result);
}

void FeedFetch::finishOrRetry(bool transient, std::optional<int> retryAfterSeconds)
{
    const bool waitTooLong = retryAfterSeconds && *retryAfterSeconds > m_policy.maxRetryAfterSeconds;
    if (!transient || waitTooLong || m_result.attempts > m_policy.maxRetries) {
        if (m_result.attempts > 1)
            m_result.error += QStringLiteral(" (after %1 attempts)").arg(m_result.attempts);
        emit finished(m_result);
        return;
    }
    qint64 delayMs = qint64(m_policy.retryBaseMs) << (m_result.attempts - 1);
    delayMs += QRandomGenerator::global()->bounded(qint64(delayMs / 4 + 1));
    if (retryAfterSeconds)
        delayMs = std::max<qint64>(delayMs, qint64(*retryAfterSeconds) * 1000);
    QTimer::singleShot(delayMs, this, &FeedFetch::sendAttempt);
}

} // namespace tw
