#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

namespace tw {

// Decodes a response body as it arrives (identity, gzip or deflate), never
// past a cap. Tickerwire sends its own Accept-Encoding, so Qt leaves the body
// encoded: Qt 6 inflates an encoded body once up front just to count it,
// which for a compression bomb (1 MB that inflates to gigabytes) costs
// seconds of CPU before the first byte can be read. Here inflation stops at
// the cap, and a body that does not inflate is named as such.
class BodyDecoder {
public:
    // For the response's Content-Encoding (empty or "identity": as is; a
    // "gzip" body that does not start as gzip does: as is).
    explicit BodyDecoder(const QByteArray &contentEncoding = {});
    ~BodyDecoder();
    BodyDecoder(BodyDecoder &&) noexcept;
    BodyDecoder &operator=(BodyDecoder &&) noexcept;

    // False for an encoding that was not asked for ("br", "gzip, gzip"...).
    bool supported() const { return m_kind != Kind::Unsupported; }
    bool encoded() const { return m_kind == Kind::Gzip || m_kind == Kind::Deflate; }
    // How a message names the encoding: "gzip", "deflate", or the server's word, made harmless.
    QString name() const { return m_name; }

    enum class Status { Ok, OverCap, Damaged };
    // Appends what `chunk` decodes to onto `out`, stopping as soon as `out`
    // holds more than `maxBytes`.
    Status feed(QByteArrayView chunk, QByteArray &out, qint64 maxBytes);
    // Whether the compressed stream reached its end (always true as is).
    bool complete() const { return !encoded() || m_complete; }
    QString error() const { return m_error; }

private:
    enum class Kind { Identity, Gzip, Deflate, Unsupported };
    struct Inflater;
    Status inflate(QByteArrayView chunk, QByteArray &out, qint64 maxBytes);

    Kind m_kind = Kind::Identity;
    QString m_name;
    std::unique_ptr<Inflater> m_inflater;   // pinned: zlib's state points back at its stream
    QByteArray m_pending;                   // deflate: the first bytes, until the wrapper is known
    bool m_complete = false;
    QString m_error;
};

} // namespace tw
