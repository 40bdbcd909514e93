#include "models/store/storereconnector.h"

#include "models/core/logging.h"
#include "models/store/storeconnection.h"

#include <algorithm>

namespace tw {

StoreReconnector::StoreReconnector(StoreConnection &connection, Backoff backoff, QObject *parent)
    : QObject(parent), m_connection(connection), m_backoff(backoff), m_delayMs(backoff.firstMs)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &StoreReconnector::attempt);
}

bool StoreReconnector::check()
{
    if (!m_connected)
        return false;  // already retrying on its schedule
    if (m_connection.isAlive())
        return true;
    m_connected = false;
    m_delayMs = m_backoff.firstMs;
    const QString message = QStringLiteral("Lost the connection to the store at %1; retrying (shown data is kept)")
                                .arg(m_connection.displayLocation());
    qCWarning(twStore).noquote() << message;
    emit lost(message);
    m_retry.start(m_delayMs);
    return false;
}

void StoreReconnector::attempt()
{
    if (auto reopened = m_connection.reconnect(); !reopened) {
        m_delayMs = std::min(m_delayMs * 2, m_backoff.maxMs);
        qCInfo(twStore).noquote() << reopened.errorMessage() << "- next attempt in" << m_delayMs << "ms";
        m_retry.start(m_delayMs);
        return;
    }
    m_connected = true;
    m_delayMs = m_backoff.firstMs;
    qCInfo(twStore).noquote() << "reconnected to" << m_connection.displayLocation();
    emit restored();
}

} // namespace tw
