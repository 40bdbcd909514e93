#include "feeds/fetch/bodydecoder.h"

#include <zlib.h>

#include <utility>

namespace tw {

namespace {
constexpr qsizetype kOutChunk = 64 * 1024;

QString harmlessName(const QByteArray &encoding)
{
    QString name;
    for (const char c : encoding.left(24))
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == ',' || c == ' ')
            name += QLatin1Char(c);
    return name.isEmpty() ? QStringLiteral("unnamed") : name;
}
} // namespace

struct BodyDecoder::Inflater {
    z_stream stream{};
    bool ready = false;
    ~Inflater()
    {
        if (ready)
            inflateEnd(&stream);
    }
};

BodyDecoder::BodyDecoder(const QByteArray &contentEncoding)
{
    const QByteArray encoding = contentEncoding.trimmed().toLower();
    if (encoding.isEmpty() || encoding == "identity") {
        m_kind = Kind::Identity;
        m_name = QStringLiteral("plain");
    } else if (encoding == "gzip" || encoding == "x-gzip") {
        m_kind = Kind::Gzip;
        m_name = QStringLiteral("gzip");
    } else if (encoding == "deflate") {
        m_kind = Kind::Deflate;
        m_name = QStringLiteral("deflate");
    } else {
        m_kind = Kind::Unsupported;
        m_name = harmlessName(encoding);
    }
}

BodyDecoder::~BodyDecoder() = default;
BodyDecoder::BodyDecoder(BodyDecoder &&) noexcept = default;
BodyDecoder &BodyDecoder::operator=(BodyDecoder &&) noexcept = default;

BodyDecoder::Status BodyDecoder::feed(QByteArrayView chunk, QByteArray &out, qint64 maxBytes)
{
    switch (m_kind) {
    case Kind::Identity:
        if (out.size() + chunk.size() > maxBytes)
            return Status::OverCap;
        out.append(chunk.data(), chunk.size());
        return Status::Ok;
    case Kind::Gzip:
    case Kind::Deflate:
        return inflate(chunk, out, maxBytes);
    case Kind::Unsupported:
        m_error = QStringLiteral("an encoding that was not asked for (%1)").arg(m_name);
        return Status::Damaged;
    }
    return Status::Damaged;
}

BodyDecoder::Status BodyDecoder::inflate(QByteArrayView chunk, QByteArray &out, qint64 maxBytes)
{
    if (!m_inflater) {
        // "deflate" is a zlib stream by the RFC, raw deflate from some
        // servers: the first two bytes tell which.
        m_pending.append(chunk.data(), chunk.size());
        if (m_pending.size() < 2)
            return Status::Ok;
        // Every gzip stream starts 1f 8b. A body without it was labelled gzip
        // by a misconfigured server and is sent as is (feedparser reads it too).
        if (m_kind == Kind::Gzip && !(quint8(m_pending.at(0)) == 0x1f && quint8(m_pending.at(1)) == 0x8b)) {
            m_kind = Kind::Identity;
            m_name = QStringLiteral("plain");
            const QByteArray pending = std::exchange(m_pending, {});
            return feed(pending, out, maxBytes);
        }
        m_inflater = std::make_unique<Inflater>();
        int windowBits = 15 + 16;   // gzip wrapper
        if (m_kind == Kind::Deflate) {
            const auto b0 = quint8(m_pending.at(0));
            const auto b1 = quint8(m_pending.at(1));
            windowBits = ((b0 & 0x0F) == 8 && ((b0 << 8) | b1) % 31 == 0) ? 15 : -15;
        }
        if (inflateInit2(&m_inflater->stream, windowBits) != Z_OK) {
            m_error = QStringLiteral("no memory to decompress");
            return Status::Damaged;
        }
        m_inflater->ready = true;
        chunk = m_pending;
    }
    if (m_complete && m_kind == Kind::Deflate)
        return Status::Ok;   // bytes after the end of the stream: nothing of the document
    z_stream &z = m_inflater->stream;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(chunk.data()));
    z.avail_in = uInt(chunk.size());
    char buffer[kOutChunk];
    for (;;) {
        z.next_out = reinterpret_cast<Bytef *>(buffer);
        z.avail_out = uInt(sizeof buffer);
        const int result = ::inflate(&z, Z_NO_FLUSH);
        const qsizetype produced = qsizetype(sizeof buffer) - qsizetype(z.avail_out);
        if (out.size() + produced > maxBytes)
            return Status::OverCap;
        out.append(buffer, produced);
        if (result == Z_STREAM_END) {
            m_complete = true;
            // gzip allows members one after another; anything else after the end is ignored.
            if (m_kind == Kind::Gzip && z.avail_in > 0 && inflateReset(&z) == Z_OK) {
                m_complete = false;
                continue;
            }
            break;
        }
        if (result == Z_BUF_ERROR && z.avail_in == 0)
            break;   // needs the next chunk
        if (result != Z_OK) {
            m_error = z.msg ? QString::fromLatin1(z.msg) : QStringLiteral("zlib error %1").arg(result);
            return Status::Damaged;
        }
        if (z.avail_in == 0 && z.avail_out != 0)
            break;
    }
    m_pending.clear();
    return Status::Ok;
}

} // namespace tw
