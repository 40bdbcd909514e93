#include "feeds/fetch/yahoosession.h"

#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

namespace tw {

namespace {
constexpr qsizetype kMaxCrumbLength = 64;
constexpr qint64 kMaxSessionBody = 1024 * 1024;

// A crumb is a short token ("Xq2Rk1/9mBk"); anything else (an HTML page,
// a JSON error, "Too Many Requests") is not one.
bool looksLikeCrumb(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > kMaxCrumbLength)
        return false;
    for (const char c : text)
        if (c <= ' ' || c == '<' || c == '>' || c == '{' || c == '}' || c == '"' || static_cast<unsigned char>(c) >= 0x7F)
            return false;
    return true;
}

QString statusText(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0)
        return redactSecrets(reply->errorString());
    return QStringLiteral("HTTP %1 %2").arg(status).arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
}
} // namespace

bool isYahooChartUrl(const QUrl &url, const FetchPolicy &policy)
{
    return policy.yahooChartHosts.contains(url.host().toLower()) && url.path().contains(QLatin1String("/v8/finance/chart/"));
}

QUrl withYahooCrumb(const QUrl &url, const QString &crumb)
{
    QUrl out = url;
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("crumb"));
    query.addQueryItem(QStringLiteral("crumb"), QString::fromLatin1(QUrl::toPercentEncoding(crumb)));
    out.setQuery(query);
    return out;
}

YahooSessionFetch::YahooSessionFetch(QNetworkAccessManager *network, const FetchPolicy &policy, QObject *parent)
    : QObject(parent), m_network(network), m_policy(policy)
{
}

void YahooSessionFetch::start(Done done)
{
    m_done = std::move(done);
    m_cookie.clear();
    m_reply = get(m_policy.yahooCookieUrl, {});
    connect(m_reply, &QNetworkReply::finished, this, &YahooSessionFetch::onCookiePage);
}

QNetworkReply *YahooSessionFetch::get(const QUrl &url, const QByteArray &cookie)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(m_policy.maxRedirects);
    request.setTransferTimeout(m_policy.stallTimeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, m_policy.userAgent);
    // The session is ours to keep: the manager's cookie jar neither adds to
    // these requests nor keeps what Yahoo sets.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    if (!cookie.isEmpty())
        request.setRawHeader("Cookie", cookie);
    QNetworkReply *reply = m_network->get(request);
    reply->setParent(this);
    // A cookie page or a crumb is small; an endless answer is cut off.
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxSessionBody)
            reply->abort();
    });
    return reply;
}

void YahooSessionFetch::onCookiePage()
{
    QNetworkReply *reply = m_reply;
    reply->deleteLater();
    // The cookie page answers 404 on purpose; only its Set-Cookie matters.
    const auto cookies = reply->header(QNetworkRequest::SetCookieHeader).value<QList<QNetworkCookie>>();
    QList<QByteArray> pairs;
    for (const QNetworkCookie &c : cookies)
        if (!c.name().isEmpty() && !c.value().isEmpty())
            pairs << c.name() + '=' + c.value();
    if (pairs.isEmpty()) {
        finish(fail(QStringLiteral("no cookie from %1 (%2)").arg(m_policy.yahooCookieUrl.host(), statusText(reply))));
        return;
    }
    m_cookie = pairs.join("; ");
    m_reply = get(m_policy.yahooCrumbUrl, m_cookie);
    connect(m_reply, &QNetworkReply::finished, this, &YahooSessionFetch::onCrumb);
}

void YahooSessionFetch::onCrumb()
{
    QNetworkReply *reply = m_reply;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll().trimmed();
    if (reply->error() != QNetworkReply::NoError || status != 200) {
        finish(fail(QStringLiteral("crumb request: %1").arg(statusText(reply))));
        return;
    }
    if (!looksLikeCrumb(body)) {
        finish(fail(QStringLiteral("crumb request: the answer is not a crumb")));
        return;
    }
    finish(YahooSession{m_cookie, QString::fromLatin1(body)});
}

void YahooSessionFetch::finish(const Result<YahooSession> &result)
{
    if (m_done)
        std::exchange(m_done, {})(result);
}

} // namespace tw
