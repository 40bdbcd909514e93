#include "feeds/fetch/simplefetch.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace tw {

Result<QByteArray> fetchBlocking(const QUrl &url, int timeoutMs)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    request.setTransferTimeout(timeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Tickerwire/" TICKERWIRE_VERSION));
    QNetworkReply *reply = manager.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError)
        return fail(QStringLiteral("%1: %2").arg(url.toDisplayString(QUrl::RemoveQuery), reply->errorString()));
    if (status >= 400)
        return fail(QStringLiteral("%1: HTTP %2").arg(url.toDisplayString(QUrl::RemoveQuery)).arg(status));
    return reply->readAll();
}

} // namespace tw
