#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <functional>
#include <memory>

namespace twtest {

// What the local test servers share before they answer: listening on
// 127.0.0.1 on a free port, and reading each connection's request head (up to
// the blank line), which is handed to `answer` once, with its socket.
class LocalRequestListener {
public:
    using Answer = std::function<void(QTcpSocket *socket, const QByteArray &head)>;

    explicit LocalRequestListener(Answer answer) : m_answer(std::move(answer))
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                accept(socket);
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    bool listening() const { return m_server.isListening(); }
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    // Lives as long as the listener: a context for timers the answers start.
    QObject *context() { return &m_server; }

private:
    void accept(QTcpSocket *socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0 || socket->property("answered").toBool())
                return;
            socket->setProperty("answered", true);
            m_answer(socket, buffer->left(end));
        });
    }

    Answer m_answer;
    QTcpServer m_server;
};

} // namespace twtest
