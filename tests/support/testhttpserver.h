#pragma once

#include "localrequestlistener.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <functional>

// A small HTTP/1.1 server on 127.0.0.1 for the fetch suites: each path answers
// with raw bytes the test writes (status line, headers, body), optionally
// after a delay or cut short, and every request is recorded for assertions.
namespace twtest {

struct HttpRequest {
    QByteArray method;
    QByteArray path;             // with query
    QMap<QByteArray, QByteArray> headers;   // lower-case names
};

struct HttpResponse {
    QByteArray raw;              // everything sent on the wire
    int delayMs = 0;             // wait before answering (a slow server)
    bool closeWithoutAnswer = false;
};

inline QByteArray httpResponse(int status, const QByteArray &reason, const QByteArray &body,
                               const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    bool hasLength = false;
    for (const auto &h : headers) {
        out += h.first + ": " + h.second + "\r\n";
        hasLength = hasLength || h.first.compare("Content-Length", Qt::CaseInsensitive) == 0
                 || h.first.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0;
    }
    if (!hasLength)
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Connection: close\r\n\r\n" + body;
    return out;
}

class TestHttpServer {
public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    bool listening() const { return m_listener.listening(); }
    QUrl url(const QString &path) const { return m_listener.url(path); }
    // The object its sockets and timers hang on: moved to another thread, the
    // server answers there (routes set before; read what it recorded after).
    QObject *context() { return m_listener.context(); }
    void route(const QByteArray &path, Handler handler) { m_routes.insert(path, std::move(handler)); }
    const QList<HttpRequest> &requests() const { return m_requests; }
    int requestsFor(const QByteArray &path) const
    {
        int n = 0;
        for (const HttpRequest &r : m_requests)
            n += r.path == path ? 1 : 0;
        return n;
    }
    int maxOpenRequests() const { return m_maxOpen; }

private:
    void answer(QTcpSocket *socket, const QByteArray &head)
    {
        HttpRequest request = parse(head);
        m_requests << request;
        ++m_open;
        m_maxOpen = std::max(m_maxOpen, m_open);
        const auto handler = m_routes.value(request.path.split('?').value(0));
        HttpResponse response = handler ? handler(request)
                                        : HttpResponse{httpResponse(404, "Not Found", "no such path\n"), 0, false};
        QPointer<QTcpSocket> guard(socket);
        auto send = [this, guard, response] {
            --m_open;
            if (!guard)
                return;
            if (!response.closeWithoutAnswer)
                guard->write(response.raw);
            guard->disconnectFromHost();
        };
        if (response.delayMs > 0)
            QTimer::singleShot(response.delayMs, m_listener.context(), send);
        else
            send();
    }

    static HttpRequest parse(const QByteArray &head)
    {
        HttpRequest r;
        const QList<QByteArray> lines = head.split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        r.method = first.value(0);
        r.path = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                r.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        return r;
    }

    QHash<QByteArray, Handler> m_routes;
    QList<HttpRequest> m_requests;
    int m_open = 0;
    int m_maxOpen = 0;
    LocalRequestListener m_listener{[this](QTcpSocket *socket, const QByteArray &head) { answer(socket, head); }};
};

} // namespace twtest
