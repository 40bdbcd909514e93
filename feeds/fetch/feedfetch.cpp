#include "feeds/fetch/feedfetch.h"

#include "feeds/parsers/textnormalizer.h"
#include "models/core/logging.h"
#include "models/text/safetext.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>

#include <algorithm>

namespace tw {

namespace {
// Read in pieces as the body arrives; Qt keeps at most this much unread
// (it stops reading the socket meanwhile), so memory stays near the cap.
constexpr qint64 kReadChunk = 64 * 1024;
constexpr qint64 kReadBuffer = 1024 * 1024;

QString mib(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'g', 3);
}

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'g', 3);
}

} // namespace

std::optional<int> parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    const bool digits = std::all_of(trimmed.begin(), trimmed.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits) {
        // Any number of digits: one too long for an int is still "a long time".
        const qint64 seconds = trimmed.size() > 12 ? qint64(kMaxRetryAfterSeconds) : trimmed.toLongLong();
        return int(std::clamp<qint64>(seconds, 0, kMaxRetryAfterSeconds));
    }
    const QDateTime when = parseRfc822Date(QString::fromLatin1(trimmed));
    if (!when.isValid())
        return std::nullopt;
    return int(std::clamp<qint64>(now.secsTo(when), 0, kMaxRetryAfterSeconds));
}

FeedFetch::FeedFetch(QNetworkAccessManager *network, FetchRequest request, const FetchPolicy &policy, QObject *parent,
                     std::shared_ptr<YahooSession> yahoo, std::shared_ptr<RequestPacer> pacer)
    : QObject(parent), m_network(network), m_policy(policy),
      m_yahoo(yahoo ? std::move(yahoo) : std::make_shared<YahooSession>()), m_pacer(std::move(pacer))
{
    m_result.request = std::move(request);
    for (QTimer *t : {&m_connectTimer, &m_stallTimer, &m_deadlineTimer, &m_retryTimer})
        t->setSingleShot(true);
    // A timer cut short by what was left of the deadline reports the deadline.
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        if (m_connectTimer.interval() < m_policy.connectTimeoutMs) {
            onDeadline();
            return;
        }
        abortWith(FetchFailure::Timeout, QStringLiteral("no connection within %1 s").arg(seconds(m_policy.connectTimeoutMs)));
    });
    connect(&m_stallTimer, &QTimer::timeout, this, [this] {
        if (m_stallTimer.interval() < m_policy.stallTimeoutMs) {
            onDeadline();
            return;
        }
        abortWith(FetchFailure::Timeout, QStringLiteral("no data within %1 s").arg(seconds(m_policy.stallTimeoutMs)));
    });
    connect(&m_deadlineTimer, &QTimer::timeout, this, &FeedFetch::onDeadline);
    connect(&m_retryTimer, &QTimer::timeout, this, &FeedFetch::retryWhenPaced);
}

void FeedFetch::retryWhenPaced()
{
    if (m_pacer) {
        const qint64 wait = m_pacer->startOrWait(m_result.request.url, QDateTime::currentMSecsSinceEpoch());
        if (wait > 0) {
            m_retryTimer.start(int(std::min<qint64>(wait, remainingMs() + 1)));
            return;
        }
    }
    sendAttempt();
}

void FeedFetch::start()
{
    m_elapsed.start();
    m_deadlineTimer.start(std::max(1, m_policy.deadlineMs));
    sendAttempt();
}

qint64 FeedFetch::remainingMs() const
{
    return std::max<qint64>(0, qint64(m_policy.deadlineMs) - m_elapsed.elapsed());
}

QString FeedFetch::redacted(const QString &text) const
{
    return redactSecrets(text, m_result.request.secrets);
}

void FeedFetch::sendAttempt()
{
    if (m_finished)
        return;
    ++m_result.attempts;
    m_abortReason = FetchFailure::None;
    m_abortError.clear();
    m_body.clear();
    m_decoder = BodyDecoder();
    m_rawBytes = 0;
    const QUrl url = m_result.request.url;
    // Checked here, at every fetch, not only when the feed was added: a row a
    // colleague wrote into a shared store's feeds table is not trusted.
    if (!isFetchableUrl(url)) {
        const QString scheme = url.scheme().isEmpty() ? QStringLiteral("no scheme") : url.scheme().left(16);
        const QString why = QStringLiteral("refused: only http and https addresses are fetched (this one is %1)").arg(terminalSafe(scheme));
        // Reported from the event loop, like every other outcome.
        QMetaObject::invokeMethod(this, [this, why] { failWith(FetchFailure::Refused, why); }, Qt::QueuedConnection);
        return;
    }
    const bool toSec = m_policy.sec.covers(url);
    if (toSec && m_policy.sec.userAgent().isEmpty()) {
        QMetaObject::invokeMethod(this, [this] { failWith(FetchFailure::Refused, SecAccessRules::noContactMessage()); },
                                  Qt::QueuedConnection);
        return;
    }
    const bool withSession = m_yahoo->ready() && isYahooChartUrl(url, m_policy);
    QNetworkRequest request(withSession ? withYahooCrumb(url, m_yahoo->crumb) : url);
    if (withSession) {
        request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
        request.setRawHeader("Cookie", m_yahoo->cookie);
    }
    // Qt follows http(s) redirects only, and with this policy never from
    // https to http; onRedirected checks each target once more. (Qt 6.4's
    // UserVerifiedRedirectPolicy loses the final response's status and body.)
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(m_policy.maxRedirects);
    request.setHeader(QNetworkRequest::UserAgentHeader, toSec ? m_policy.sec.userAgent() : m_policy.userAgent);
    // Asked for here, so Qt leaves the body encoded and BodyDecoder inflates
    // it as it is read, stopping at the cap (see BodyDecoder for why).
    request.setRawHeader("Accept-Encoding", "gzip, deflate");
    request.setRawHeader("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/json, "
                                   "application/xml;q=0.9, text/xml;q=0.9, text/csv;q=0.9, */*;q=0.8");
    if (!m_result.request.etag.isEmpty())
        request.setRawHeader("If-None-Match", m_result.request.etag.toLatin1());
    if (!m_result.request.lastModified.isEmpty())
        request.setRawHeader("If-Modified-Since", m_result.request.lastModified.toLatin1());
    m_reply = m_network->get(request);
    m_reply->setParent(this);
    m_reply->setReadBufferSize(kReadBuffer);
    connect(m_reply, &QNetworkReply::requestSent, &m_connectTimer, &QTimer::stop);
    connect(m_reply, &QNetworkReply::redirected, this, &FeedFetch::onRedirected);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        m_connectTimer.stop();
        if (!m_reply)
            return;
        restartStallTimer();
        m_decoder = BodyDecoder(m_reply->rawHeader("Content-Encoding"));
        m_rawBytes = 0;
        if (!m_decoder.supported()) {
            abortWith(FetchFailure::Decompression,
                      QStringLiteral("the server sent a body in an encoding that was not asked for (%1)").arg(m_decoder.name()));
            return;
        }
        const qint64 declared = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (declared > m_policy.maxBodyBytes)
            abortWith(FetchFailure::TooLarge,
                      QStringLiteral("body of %1 bytes is over the %2 MiB cap").arg(declared).arg(mib(m_policy.maxBodyBytes)));
    });
    connect(m_reply, &QNetworkReply::readyRead, this, &FeedFetch::readAvailable);
    connect(m_reply, &QNetworkReply::finished, this, &FeedFetch::onFinished);
    m_connectTimer.start(int(std::min<qint64>(m_policy.connectTimeoutMs, std::max<qint64>(1, remainingMs()))));
    restartStallTimer();
}

void FeedFetch::restartStallTimer()
{
    // A slow but steady body may take the whole deadline; a silent one is
    // given up after stallTimeoutMs and tried again.
    m_stallTimer.start(int(std::min<qint64>(m_policy.stallTimeoutMs, std::max<qint64>(1, remainingMs()))));
}

void FeedFetch::readAvailable()
{
    // A 3xx body is not the document; Qt drops it itself when following.
    while (m_reply && m_abortReason == FetchFailure::None) {
        const QByteArray chunk = m_reply->read(kReadChunk);
        if (chunk.isEmpty())
            return;
        restartStallTimer();
        m_rawBytes += chunk.size();
        switch (m_decoder.feed(chunk, m_body, m_policy.maxBodyBytes)) {
        case BodyDecoder::Status::Ok:
            break;
        case BodyDecoder::Status::OverCap:
            m_body = QByteArray();
            abortWith(FetchFailure::TooLarge,
                      QStringLiteral("body over the %1 MiB cap%2; the rest was not read")
                          .arg(mib(m_policy.maxBodyBytes),
                               m_decoder.encoded() ? QStringLiteral(" once decompressed (from %1 MiB of %2: a compression bomb?)")
                                                         .arg(mib(m_rawBytes), m_decoder.name())
                                                   : QString()));
            return;
        case BodyDecoder::Status::Damaged:
            m_body = QByteArray();
            // The same bytes will fail the same way: not retried.
            abortWith(FetchFailure::Decompression, QStringLiteral("the server sent a damaged %1 body (it does not decompress: %2)")
                                                       .arg(m_decoder.name(), m_decoder.error()));
            return;
        }
    }
}

void FeedFetch::onRedirected(const QUrl &target)
{
    if (!m_reply)
        return;
    if (!isFetchableUrl(target)) {
        abortWith(FetchFailure::Refused, QStringLiteral("refused a redirect to a %1 address: only http and https are followed")
                                             .arg(terminalSafe(target.scheme().left(16))));
    }
}

void FeedFetch::abortWith(FetchFailure failure, const QString &error)
{
    if (!m_reply || m_abortReason != FetchFailure::None)
        return;
    m_abortReason = failure;
    m_abortError = error;
    m_reply->abort();   // finished() follows, synchronously
}

void FeedFetch::onDeadline()
{
    if (m_finished)
        return;
    m_pastDeadline = true;
    const QString why = QStringLiteral("no complete answer within the %1 s deadline").arg(seconds(m_policy.deadlineMs));
    if (m_reply) {
        abortWith(FetchFailure::Timeout, why);
        return;
    }
    // Between attempts, or getting Yahoo's session: stop there.
    m_retryTimer.stop();
    if (m_session)
        m_session->deleteLater();
    m_result.failure = FetchFailure::Timeout;
    m_result.error = m_result.error.isEmpty() ? why : redacted(m_result.error) + QStringLiteral("; then ") + why;
    m_result.body.clear();
    finish();
}

void FeedFetch::failWith(FetchFailure failure, const QString &error)
{
    m_result.failure = failure;
    m_result.error = redacted(error);
    m_result.body.clear();
    finish();
}

void FeedFetch::onFinished()
{
    m_connectTimer.stop();
    m_stallTimer.stop();
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    if (m_abortReason == FetchFailure::None)
        readAvailable();   // what arrived with the end
    reply->deleteLater();
    m_reply.clear();
    if (m_finished)
        return;

    m_result.finalUrl = reply->url();
    m_result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const int status = m_result.httpStatus;
    const auto error = reply->error();
    QByteArray body = std::exchange(m_body, {});

    if (m_abortReason != FetchFailure::None) {
        m_result.failure = m_abortReason;
        m_result.error = redacted(m_abortError);
        // A slow server may be slow once; an oversized body or a refused address will be so again.
        finishOrRetry(m_abortReason == FetchFailure::Timeout, std::nullopt);
        return;
    }
    if (error == QNetworkReply::InsecureRedirectError) {
        m_result.failure = FetchFailure::Refused;
        m_result.error = QStringLiteral("refused a redirect from https to plain http");
        finishOrRetry(false, std::nullopt);
        return;
    }
    if (error == QNetworkReply::TooManyRedirectsError) {
        m_result.failure = FetchFailure::TooManyRedirects;
        m_result.error = redacted(QStringLiteral("%1 (more than %2 redirects, or a loop)")
                                      .arg(reply->errorString())
                                      .arg(m_policy.maxRedirects));
        finishOrRetry(false, std::nullopt);
        return;
    }
    if (error == QNetworkReply::ProtocolUnknownError) {
        // Qt's own refusal of a redirect to a scheme it does not speak.
        m_result.failure = FetchFailure::Refused;
        m_result.error = QStringLiteral("refused a redirect to an address that is not http or https");
        finishOrRetry(false, std::nullopt);
        return;
    }
    if (status == 304) {
        qCDebug(twFeeds).noquote() << "304 not modified:" << redacted(m_result.request.url.toString());
        m_result.failure = FetchFailure::None;
        m_result.error.clear();
        m_result.notModified = true;
        m_result.etag = m_result.request.etag;
        m_result.lastModified = m_result.request.lastModified;
        finish();
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
        // The reason phrase is the server's text: a key it echoes is redacted, controls dropped.
        const QString reason = terminalSafe(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString().left(200));
        m_result.error = redacted(QStringLiteral("HTTP %1 %2").arg(status).arg(reason).trimmed());
        // SEC answers 403 to a User-Agent without a contact and to a client over its rate.
        if (status == 403 && m_policy.sec.covers(m_result.request.url))
            m_result.error = SecAccessRules::refusedMessage(status);
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
        m_result.error = redacted(reply->errorString()
                                      .replace(m_result.request.url.toString(), displayUrl(m_result.request.url))
                                      .replace(reply->url().toString(), displayUrl(reply->url())));
        finishOrRetry(true, std::nullopt);
        return;
    }
    m_result.failure = FetchFailure::None;
    m_result.error.clear();
    m_result.retryAfterSeconds.reset();
    const qint64 declared = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    if (declared > 0 && m_rawBytes < declared) {
        // Qt reports a connection closed mid-body as success; a short body is not one.
        m_result.failure = FetchFailure::Network;
        m_result.error = QStringLiteral("body cut short: %1 of %2 bytes").arg(m_rawBytes).arg(declared);
        finishOrRetry(true, std::nullopt);
        return;
    }
    if (m_rawBytes > 0 && !m_decoder.complete()) {   // (an empty body is the sniffer's to name)
        m_result.failure = FetchFailure::Decompression;
        m_result.error = QStringLiteral("the server sent a damaged %1 body (it ends before its compressed data does)")
                             .arg(m_decoder.name());
        finishOrRetry(false, std::nullopt);
        return;
    }
    m_result.body = std::move(body);
    m_result.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    m_result.etag = QString::fromLatin1(reply->rawHeader("ETag"));
    m_result.lastModified = QString::fromLatin1(reply->rawHeader("Last-Modified"));
    finish();
}

void FeedFetch::refreshYahooSession()
{
    m_yahooRefreshed = true;
    *m_yahoo = {};   // refused: no later fetch should send it again
    auto *sessionFetch = new YahooSessionFetch(m_network, m_policy, this);
    m_session = sessionFetch;
    sessionFetch->start([this, sessionFetch](const Result<YahooSession> &session) {
        sessionFetch->deleteLater();
        if (m_finished)
            return;
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
    m_result.error = redacted(QStringLiteral("Yahoo refused the request (cookie/crumb): %1").arg(detail));
    m_result.retryAfterSeconds.reset();
    m_result.body.clear();
    finish();
}

void FeedFetch::finishOrRetry(bool transient, std::optional<int> retryAfterSeconds)
{
    const bool waitTooLong = retryAfterSeconds && *retryAfterSeconds > m_policy.maxRetryAfterSeconds;
    qint64 delayMs = qint64(m_policy.retryBaseMs) << std::min(m_result.attempts - 1, 20);
    delayMs += QRandomGenerator::global()->bounded(qint64(delayMs / 4 + 1));
    if (retryAfterSeconds)
        delayMs = std::max<qint64>(delayMs, qint64(*retryAfterSeconds) * 1000);
    // A retry that could not even start before the deadline is not made.
    const bool noTimeLeft = m_pastDeadline || delayMs >= remainingMs();
    if (!transient || waitTooLong || noTimeLeft || m_result.attempts > m_policy.maxRetries) {
        qCDebug(twFeeds).noquote() << "giving up on" << redacted(m_result.request.url.toString()) << "after"
                                   << m_result.attempts << "attempts:" << m_result.error
                                   << (waitTooLong ? QStringLiteral("(Retry-After %1 s is too long)").arg(*retryAfterSeconds)
                                       : noTimeLeft ? QStringLiteral("(no time left before the deadline)")
                                                    : QString());
        if (m_result.attempts > 1)
            m_result.error += QStringLiteral(" (after %1 attempts)").arg(m_result.attempts);
        finish();
        return;
    }
    qCDebug(twFeeds).noquote() << "retrying" << redacted(m_result.request.url.toString()) << "in" << delayMs
                               << "ms (backoff" << (retryAfterSeconds ? "and Retry-After)" : "with jitter)");
    m_retryTimer.start(int(delayMs));
}

void FeedFetch::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    for (QTimer *t : {&m_connectTimer, &m_stallTimer, &m_deadlineTimer, &m_retryTimer})
        t->stop();
    if (m_reply) {
        // Only when the deadline ended a Yahoo session or similar: nothing more is read.
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply.clear();
    }
    if (m_result.failure != FetchFailure::None)
        m_result.body.clear();
    emit finished(m_result);
}

} // namespace tw
