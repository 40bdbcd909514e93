#pragma once

#include "models/core/result.h"
#include "feeds/fetch/fetchtypes.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace tw {

// The cookie and "crumb" Yahoo's chart API wants: without them it answers
// 401 ("Unauthorized", "Invalid Crumb"). Got once, then shared by every fetch
// of a scheduler until Yahoo refuses it again.
struct YahooSession {
    QByteArray cookie;   // as sent in the Cookie header ("A3=...")
    QString crumb;
    bool ready() const { return !cookie.isEmpty() && !crumb.isEmpty(); }
};

// Whether `url` is a Yahoo chart request (a host in policy.yahooChartHosts
// and a /v8/finance/chart/ path), the only kind the crumb dance is for.
bool isYahooChartUrl(const QUrl &url, const FetchPolicy &policy);

// `url` with its crumb query value set (replacing one it carried).
QUrl withYahooCrumb(const QUrl &url, const QString &crumb);

// Gets a fresh session: GET the cookie page (its answer, a 404 included,
// sets the A3 cookie), then GET the crumb with that cookie. `done` is called
// once, with the session or the reason there is none.
class YahooSessionFetch : public QObject {
public:
    using Done = std::function<void(const Result<YahooSession> &)>;

    YahooSessionFetch(QNetworkAccessManager *network, const FetchPolicy &policy, QObject *parent = nullptr);
    void start(Done done);

private:
    QNetworkReply *get(const QUrl &url, const QByteArray &cookie);
    void onCookiePage();
    void onCrumb();
    void finish(const Result<YahooSession> &result);

    QNetworkAccessManager *m_network;
    FetchPolicy m_policy;
    Done m_done;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_cookie;
};

} // namespace tw
