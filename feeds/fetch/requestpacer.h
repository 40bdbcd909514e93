#pragma once

#include "feeds/fetch/fetchtypes.h"

#include <QHash>
#include <QString>
#include <QUrl>

namespace tw {

// When a request to a host may start, for first attempts and retries alike:
// starts to one host are at least the policy's spacing apart, and SEC's hosts
// count as one (EDGAR allows 10 requests a second per client, retries
// included). Loopback hosts are not spaced (SEC's rate still holds when its
// hosts are pointed there). One pacer serves a scheduler and every fetch it starts.
class RequestPacer {
public:
    explicit RequestPacer(FetchPolicy policy);
    void setPolicy(FetchPolicy policy) { m_policy = std::move(policy); }

    // 0: the request may start now, and its start is booked. Otherwise the
    // milliseconds to wait before asking again; nothing is booked.
    qint64 startOrWait(const QUrl &url, qint64 nowMs);
    // The host key two requests share a budget by ("sec" for all of SEC's).
    QString keyFor(const QUrl &url) const;

private:
    int spacingMs(const QString &key) const;

    FetchPolicy m_policy;
    QHash<QString, qint64> m_lastStart;   // ms since epoch, per key
};

} // namespace tw
