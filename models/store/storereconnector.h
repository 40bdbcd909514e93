#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace tw {

class StoreConnection;

// Keeps a server store connection usable across server restarts and network
// cuts. When check() finds the connection gone it says so once (the window
// keeps what it shows) and retries with exponential backoff until the server
// answers again, then says that; callers refresh and resubscribe on restored().
class StoreReconnector : public QObject {
    Q_OBJECT
public:
    struct Backoff {
        int firstMs = 1000;
        int maxMs = 60000;
    };

    explicit StoreReconnector(StoreConnection &connection, Backoff backoff, QObject *parent = nullptr);
    explicit StoreReconnector(StoreConnection &connection, QObject *parent = nullptr)
        : StoreReconnector(connection, Backoff{}, parent) {}

    bool isConnected() const { return m_connected; }
    // Delay before the next attempt while disconnected.
    int nextDelayMs() const { return m_delayMs; }

    // Call after a statement failed (or on a timer): probes the connection and,
    // if it is gone, starts retrying. Returns whether it is usable now.
    bool check();

signals:
    void lost(const QString &message);
    void restored();

private:
    void attempt();

    StoreConnection &m_connection;
    Backoff m_backoff;
    QTimer m_retry;
    int m_delayMs = 0;
    bool m_connected = true;
};

} // namespace tw
