#include "feeds/fetch/requestpacer.h"

#include <QHostAddress>

#include <algorithm>

namespace tw {

namespace {
// SEC's hosts share one key: its limit is per client across all of them.
const QString kSecHostKey = QStringLiteral(" sec");
} // namespace

RequestPacer::RequestPacer(FetchPolicy policy) : m_policy(std::move(policy)) {}

QString RequestPacer::keyFor(const QUrl &url) const
{
    return m_policy.sec.covers(url) ? kSecHostKey : url.host().toLower();
}

int RequestPacer::spacingMs(const QString &key) const
{
    if (key == kSecHostKey)
        return std::max(m_policy.minHostSpacingMs, m_policy.sec.minSpacingMs);
    // Spacing spares other people's servers; one on this machine (a local
    // feed bridge, a mirror) is the analyst's own and is asked without pause.
    // Per-host concurrency still holds for it.
    if (key == QLatin1String("localhost") || QHostAddress(key).isLoopback())
        return 0;
    return m_policy.minHostSpacingMs;
}

qint64 RequestPacer::startOrWait(const QUrl &url, qint64 nowMs)
{
    const QString key = keyFor(url);
    const auto last = m_lastStart.constFind(key);
    const qint64 readyAt = last == m_lastStart.constEnd() ? nowMs : *last + spacingMs(key);
    if (readyAt > nowMs)
        return readyAt - nowMs;
    m_lastStart.insert(key, nowMs);
    return 0;
}

} // namespace tw
