#include "feeds/parsers/documenttext.h"

#include <QRegularExpression>
#include <QStringDecoder>

namespace tw {

namespace {
// Windows-1252 0x80..0x9F; 0 marks the five undefined bytes (kept as U+FFFD).
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

QString decodeUtf16(QByteArrayView bytes, QStringConverter::Encoding encoding)
{
    QStringDecoder decoder(encoding, QStringDecoder::Flag::Stateless);
    return decoder.decode(bytes);
}

bool decodeUtf8Strict(QByteArrayView bytes, QString *out)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    *out = decoder.decode(bytes);
    return !decoder.hasError();
}

QString declaredEncoding(QByteArrayView head)
{
    static const QRegularExpression re(QStringLiteral("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']"));
    const auto m = re.match(QString::fromLatin1(head.first(std::min<qsizetype>(256, head.size()))));
    return m.hasMatch() ? m.captured(1).toLower() : QString();
}

// The declaration names the bytes' encoding; once decoded the text is UTF-16,
// and a reader that believed the declaration again would decode it twice.
QString withoutEncodingDeclaration(QString text)
{
    static const QRegularExpression re(QStringLiteral("^(\\s*<\\?xml[^>]*?)\\s+encoding\\s*=\\s*[\"'][^\"']*[\"']"));
    // Matched on the head only: a match on the whole document first checks
    // all of it for valid UTF-16, which cost as much as decoding it.
    constexpr qsizetype kHead = 512;
    if (!text.left(kHead).contains(QLatin1String("encoding")))
        return text;
    const auto m = re.match(text.left(kHead));
    if (m.hasMatch())
        text.replace(m.capturedStart(), m.capturedLength(), m.captured(1));
    return text;
}
} // namespace

QString fromWindows1252(QByteArrayView bytes)
{
    QString out;
    out.resize(bytes.size());
    QChar *dst = out.data();
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if (b >= 0x80 && b < 0xA0)
            *dst++ = QChar(kCp1252High[b - 0x80] ? kCp1252High[b - 0x80] : char16_t(0xFFFD));
        else
            *dst++ = QChar(char16_t(b));
    }
    return out;
}

DocumentText decodeDocument(const QByteArray &bytes)
{
    DocumentText doc;
    QByteArrayView view(bytes);
    if (view.startsWith("\xEF\xBB\xBF")) {
        view = view.sliced(3);
        doc.encoding = QStringLiteral("UTF-8");
        if (!decodeUtf8Strict(view, &doc.text)) {
            doc.text = fromWindows1252(view);
            doc.encoding = QStringLiteral("windows-1252");
            doc.repaired = true;
        }
    } else if (view.startsWith("\xFF\xFE") || (view.size() >= 2 && view[0] == '<' && view[1] == '\0')) {
        doc.text = decodeUtf16(view.startsWith("\xFF\xFE") ? view.sliced(2) : view, QStringConverter::Utf16LE);
        doc.encoding = QStringLiteral("UTF-16LE");
    } else if (view.startsWith("\xFE\xFF") || (view.size() >= 2 && view[0] == '\0' && view[1] == '<')) {
        doc.text = decodeUtf16(view.startsWith("\xFE\xFF") ? view.sliced(2) : view, QStringConverter::Utf16BE);
        doc.encoding = QStringLiteral("UTF-16BE");
    } else {
        const QString declared = declaredEncoding(view);
        const bool singleByte = declared == QLatin1String("iso-8859-1") || declared == QLatin1String("latin1")
                             || declared == QLatin1String("latin-1") || declared == QLatin1String("windows-1252")
                             || declared == QLatin1String("cp1252") || declared == QLatin1String("us-ascii")
                             || declared == QLatin1String("ascii");
        if (singleByte) {
            doc.text = fromWindows1252(view);
            doc.encoding = declared.startsWith(QLatin1String("windows")) || declared == QLatin1String("cp1252")
                               ? QStringLiteral("windows-1252")
                               : QStringLiteral("ISO-8859-1");
        } else if (decodeUtf8Strict(view, &doc.text)) {
            doc.encoding = QStringLiteral("UTF-8");
        } else {
            // Declared (or defaulted to) UTF-8 but is not: almost always a
            // CMS emitting Windows-1252 bytes. Readable text beats an error.
            doc.text = fromWindows1252(view);
            doc.encoding = QStringLiteral("windows-1252");
            doc.repaired = true;
        }
    }
    doc.text = withoutEncodingDeclaration(std::move(doc.text));
    return doc;
}

} // namespace tw
