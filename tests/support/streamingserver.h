#pragma once

#include "localrequestlistener.h"

#include <QByteArray>
#include <QList>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

// A server on 127.0.0.1 that never finishes an answer, for the bounds tests:
// `Endless` streams a 200 body as fast as the client takes it, `Dribble`
// sends one byte per interval, `Silent` accepts and never answers. Counts
// what it handed to the socket, so a test can tell the client stopped.
namespace twtest {

class StreamingServer {
public:
    enum class Mode { Endless, Dribble, Silent };

    explicit StreamingServer(Mode mode, int dribbleIntervalMs = 200) : m_mode(mode), m_interval(dribbleIntervalMs) {}

    bool listening() const { return m_listener.listening(); }
    QUrl url(const QString &path = QStringLiteral("/feed")) const { return m_listener.url(path); }
    qint64 bytesSent() const { return m_sent; }
    int requests() const { return m_requests; }
    const QList<QByteArray> &heads() const { return m_heads; }

private:
    void answer(QTcpSocket *socket, const QByteArray &head)
    {
        ++m_requests;
        m_heads << head;
        if (m_mode == Mode::Silent)
            return;
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nConnection: close\r\n\r\n<rss>");
        if (m_mode == Mode::Endless) {
            QObject::connect(socket, &QTcpSocket::bytesWritten, socket, [this, socket](qint64 written) {
                m_sent += written;
                if (socket->bytesToWrite() < 256 * 1024)
                    socket->write(QByteArray(64 * 1024, 'x'));
            });
        } else {
            auto *timer = new QTimer(socket);
            QObject::connect(timer, &QTimer::timeout, socket, [this, socket] {
                m_sent += socket->write("x");
            });
            timer->start(m_interval);
        }
    }

    Mode m_mode;
    int m_interval;
    qint64 m_sent = 0;
    int m_requests = 0;
    QList<QByteArray> m_heads;
    LocalRequestListener m_listener{[this](QTcpSocket *socket, const QByteArray &head) { answer(socket, head); }};
};

} // namespace twtest
