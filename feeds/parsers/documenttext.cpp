#include "feeds/parsers/documenttext.h"

#include <QRegularExpression>
#include <QStringDecoder>

#include <unicode/ucsdet.h>

#include <memory>

namespace tw {

namespace {
// Windows-1252 0x80..0x9F; 0 marks the five undefined bytes (kept as U+FFFD).
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

char16_t cp1252(unsigned char b)
{
    if (b >= 0x80 && b < 0xA0)
        return kCp1252High[b - 0x80] ? kCp1252High[b - 0x80] : char16_t(0xFFFD);
    return b;
}

QString decodeWith(QStringConverter::Encoding encoding, QByteArrayView bytes, bool *error = nullptr)
{
    QStringDecoder decoder(encoding, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (error)
        *error = decoder.hasError();
    return text;
}

// How a label a server wrote is read: the web's supersets (WHATWG Encoding
// Standard) for the labels that name a subset of what is actually sent.
QString canonicalLabel(QString label)
{
    label = label.trimmed().toLower();
    label.remove(QLatin1Char('"'));
    label.remove(QLatin1Char('\''));
    static const QHash<QString, QString> supersets{
        {QStringLiteral("iso-8859-1"), QStringLiteral("windows-1252")},
        {QStringLiteral("iso8859-1"), QStringLiteral("windows-1252")},
        {QStringLiteral("iso_8859-1"), QStringLiteral("windows-1252")},
        {QStringLiteral("latin1"), QStringLiteral("windows-1252")},
        {QStringLiteral("latin-1"), QStringLiteral("windows-1252")},
        {QStringLiteral("l1"), QStringLiteral("windows-1252")},
        {QStringLiteral("cp819"), QStringLiteral("windows-1252")},
        {QStringLiteral("us-ascii"), QStringLiteral("windows-1252")},
        {QStringLiteral("ascii"), QStringLiteral("windows-1252")},
        {QStringLiteral("cp1252"), QStringLiteral("windows-1252")},
        {QStringLiteral("x-cp1252"), QStringLiteral("windows-1252")},
        {QStringLiteral("utf8"), QStringLiteral("utf-8")},
        {QStringLiteral("unicode-1-1-utf-8"), QStringLiteral("utf-8")},
        {QStringLiteral("gb2312"), QStringLiteral("gb18030")},
        {QStringLiteral("gbk"), QStringLiteral("gb18030")},
        {QStringLiteral("x-gbk"), QStringLiteral("gb18030")},
        {QStringLiteral("euc-cn"), QStringLiteral("gb18030")},
        {QStringLiteral("gb_2312-80"), QStringLiteral("gb18030")},
        {QStringLiteral("big5"), QStringLiteral("big5-hkscs")},
        {QStringLiteral("x-x-big5"), QStringLiteral("big5-hkscs")},
        {QStringLiteral("euc-kr"), QStringLiteral("windows-949")},
        {QStringLiteral("ks_c_5601-1987"), QStringLiteral("windows-949")},
        {QStringLiteral("shift_jis"), QStringLiteral("windows-31j")},
        {QStringLiteral("shift-jis"), QStringLiteral("windows-31j")},
        {QStringLiteral("sjis"), QStringLiteral("windows-31j")},
        {QStringLiteral("x-sjis"), QStringLiteral("windows-31j")},
        {QStringLiteral("ms_kanji"), QStringLiteral("windows-31j")},
        {QStringLiteral("iso-8859-9"), QStringLiteral("windows-1254")},
        {QStringLiteral("latin5"), QStringLiteral("windows-1254")},
        {QStringLiteral("tis-620"), QStringLiteral("windows-874")},
        {QStringLiteral("iso-8859-11"), QStringLiteral("windows-874")},
        {QStringLiteral("iso-8859-8-i"), QStringLiteral("iso-8859-8")},
    };
    return supersets.value(label, label);
}

QString declaredEncoding(QByteArrayView head)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']\\s*([A-Za-z0-9._:()-]+)\\s*[\"']"));
    const auto m = re.match(QString::fromLatin1(head.first(std::min<qsizetype>(512, head.size()))));
    return m.hasMatch() ? m.captured(1) : QString();
}

// The length of the well-formed UTF-8 sequence at `p` (2 to 4 bytes), or 0.
int utf8SequenceLength(const unsigned char *p, const unsigned char *end)
{
    const unsigned char b = p[0];
    int n = 0;
    unsigned char lo = 0x80, hi = 0xBF;   // the second byte's range (Unicode Table 3-7)
    if (b >= 0xC2 && b <= 0xDF) {
        n = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
        n = 3;
        lo = b == 0xE0 ? 0xA0 : 0x80;
        hi = b == 0xED ? 0x9F : 0xBF;
    } else if (b >= 0xF0 && b <= 0xF4) {
        n = 4;
        lo = b == 0xF0 ? 0x90 : 0x80;
        hi = b == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (end - p < n || p[1] < lo || p[1] > hi)
        return 0;
    for (int i = 2; i < n; ++i)
        if (p[i] < 0x80 || p[i] > 0xBF)
            return 0;
    return n;
}

struct Utf8Census {
    qsizetype sequences = 0;   // well-formed multi-byte sequences
    qsizetype strays = 0;      // bytes that start none
};

Utf8Census countUtf8(QByteArrayView bytes)
{
    Utf8Census c;
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *end = p + bytes.size();
    while (p < end) {
        if (*p < 0x80) {
            ++p;
        } else if (const int n = utf8SequenceLength(p, end)) {
            ++c.sequences;
            p += n;
        } else {
            ++c.strays;
            ++p;
        }
    }
    return c;
}

// UTF-8 where the bytes are UTF-8, Windows-1252 for each byte that is not:
// a UTF-8 page with one paragraph pasted from a Windows editor.
QString decodeUtf8WithStrays(QByteArrayView bytes)
{
    QString out;
    out.reserve(bytes.size());
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *end = p + bytes.size();
    while (p < end) {
        const unsigned char *run = p;
        while (p < end && *p < 0x80)
            ++p;
        if (p > run)
            out += QLatin1StringView(reinterpret_cast<const char *>(run), p - run);
        if (p == end)
            break;
        if (const int n = utf8SequenceLength(p, end)) {
            out += QString::fromUtf8(reinterpret_cast<const char *>(p), n);
            p += n;
        } else {
            out += QChar(cp1252(*p++));
        }
    }
    return out;
}

struct DetectorCloser {
    void operator()(UCharsetDetector *d) const { ucsdet_close(d); }
};

// ICU's guess for bytes that are not UTF-8 and say nothing true about
// themselves. Only a confident guess is taken; Windows-1252 otherwise.
QString guessedEncoding(QByteArrayView bytes)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
    if (U_FAILURE(status))
        return QStringLiteral("windows-1252");
    ucsdet_enableInputFilter(detector.get(), true);   // markup says nothing about the text's script
    const int32_t length = int32_t(std::min<qsizetype>(bytes.size(), 1 << 20));
    ucsdet_setText(detector.get(), bytes.data(), length, &status);
    int32_t count = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(detector.get(), &count, &status);
    if (U_FAILURE(status))
        return QStringLiteral("windows-1252");
    for (int32_t i = 0; i < count; ++i) {
        UErrorCode s = U_ZERO_ERROR;
        const QString name = QString::fromLatin1(ucsdet_getName(matches[i], &s)).toLower();
        const int32_t confidence = ucsdet_getConfidence(matches[i], &s);
        if (U_FAILURE(s) || name.startsWith(QLatin1String("utf")))
            continue;   // we know it is not UTF-8; UTF-16/32 would have shown NULs
        // The Latin encodings differ in a few letters and the detector often
        // cannot tell them apart: only a clear lead leaves Windows-1252.
        const bool latin = name.startsWith(QLatin1String("iso-8859-1")) || name == QLatin1String("iso-8859-2")
                        || name == QLatin1String("iso-8859-9") || name == QLatin1String("windows-1250")
                        || name == QLatin1String("windows-1252") || name == QLatin1String("windows-1254");
        if (confidence >= (latin ? 60 : 20))
            return canonicalLabel(name);
        break;
    }
    return QStringLiteral("windows-1252");
}

// Decodes with a label QStringDecoder (ICU) knows; null when it knows none.
// ICU writes U+001A for bytes it cannot map: those become U+FFFD.
std::optional<QString> decodeLabelled(const QString &label, QByteArrayView bytes, qsizetype *undecodable)
{
    if (label == QLatin1String("windows-1252")) {
        QString text = fromWindows1252(bytes);
        *undecodable = text.count(QChar(0xFFFD));
        return text;
    }
    if (label == QLatin1String("utf-8")) {
        bool error = false;
        QString text = decodeWith(QStringConverter::Utf8, bytes, &error);
        *undecodable = error ? text.count(QChar(0xFFFD)) : 0;
        return text;
    }
    QStringDecoder decoder(label.toLatin1().constData(), QStringDecoder::Flag::Stateless);
    if (!decoder.isValid())
        return std::nullopt;
    QString text = decoder.decode(bytes);
    *undecodable = 0;
    if (decoder.hasError()) {
        for (QChar &c : text) {
            if (c == QChar(0x1A) || c == QChar(0xFFFD)) {
                c = QChar(0xFFFD);
                ++*undecodable;
            }
        }
    }
    return text;
}

QString displayName(const QString &label)
{
    if (label == QLatin1String("utf-8"))
        return QStringLiteral("UTF-8");
    if (label.startsWith(QLatin1String("windows-")) || label.startsWith(QLatin1String("big5")))
        return label;
    return label.toUpper();
}

// The declaration names the bytes' encoding; once decoded the text is UTF-16,
// and a reader that believed the declaration again would decode it twice.
// White space before the declaration (PHP's stray newline) is dropped too, as
// XML allows nothing there.
QString withoutEncodingDeclaration(QString text)
{
    qsizetype lead = 0;
    while (lead < text.size() && (text.at(lead).isSpace() || text.at(lead) == QChar(0xFEFF)))
        ++lead;
    if (lead > 0 && QStringView(text).sliced(lead).startsWith(QLatin1String("<?xml")))
        text.remove(0, lead);
    static const QRegularExpression re(QStringLiteral("^(\\s*<\\?xml[^>]*?)\\s+encoding\\s*=\\s*[\"'][^\"']*[\"']"));
    // Matched on the head only: a match on the whole document first checks
    // all of it for valid UTF-16, which cost as much as decoding it.
    constexpr qsizetype kHead = 512;
    if (!QStringView(text).left(kHead).contains(QLatin1String("encoding")))
        return text;
    const auto m = re.match(text.left(kHead));
    if (m.hasMatch())
        text.replace(m.capturedStart(), m.capturedLength(), m.captured(1));
    return text;
}

// UTF-16/32 named by a byte order mark or by how "<" is written.
bool decodeWide(QByteArrayView view, DocumentText *doc)
{
    struct Wide {
        const char *start;
        qsizetype length;
        qsizetype bom;
        QStringConverter::Encoding encoding;
        const char *name;
    };
    static const Wide kWide[] = {
        {"\xFF\xFE\x00\x00", 4, 4, QStringConverter::Utf32LE, "UTF-32LE"},
        {"\x00\x00\xFE\xFF", 4, 4, QStringConverter::Utf32BE, "UTF-32BE"},
        {"\x3C\x00\x00\x00", 4, 0, QStringConverter::Utf32LE, "UTF-32LE"},
        {"\x00\x00\x00\x3C", 4, 0, QStringConverter::Utf32BE, "UTF-32BE"},
        {"\xFF\xFE", 2, 2, QStringConverter::Utf16LE, "UTF-16LE"},
        {"\xFE\xFF", 2, 2, QStringConverter::Utf16BE, "UTF-16BE"},
        {"\x3C\x00", 2, 0, QStringConverter::Utf16LE, "UTF-16LE"},
        {"\x00\x3C", 2, 0, QStringConverter::Utf16BE, "UTF-16BE"},
    };
    for (const Wide &w : kWide) {
        if (!view.startsWith(QByteArrayView(w.start, w.length)))
            continue;
        bool error = false;
        doc->text = decodeWith(w.encoding, view.sliced(w.bom), &error);
        doc->encoding = QString::fromLatin1(w.name);
        if (error)
            doc->warnings << QStringLiteral("%1 bytes that are not %2 shown as \uFFFD")
                                 .arg(doc->text.count(QChar(0xFFFD)))
                                 .arg(doc->encoding);
        return true;
    }
    return false;
}
} // namespace

QString charsetOfContentType(QStringView contentType)
{
    static const QRegularExpression re(QStringLiteral("(?:^|;)\\s*charset\\s*=\\s*[\"']?\\s*([^\"';\\s]+)"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(contentType.toString());
    return m.hasMatch() ? m.captured(1).toLower() : QString();
}

QString fromWindows1252(QByteArrayView bytes)
{
    QString out(bytes.size(), Qt::Uninitialized);
    QChar *dst = out.data();
    for (const char c : bytes)
        *dst++ = QChar(cp1252(static_cast<unsigned char>(c)));
    return out;
}

DocumentText decodeDocument(const QByteArray &bytes, QStringView contentType)
{
    DocumentText doc;
    QByteArrayView view(bytes);
    if (view.startsWith("\xEF\xBB\xBF")) {
        view = view.sliced(3);
        bool error = false;
        doc.text = decodeWith(QStringConverter::Utf8, view, &error);
        doc.encoding = QStringLiteral("UTF-8");
        if (error) {
            doc.text = decodeUtf8WithStrays(view);
            doc.repaired = true;
            doc.warnings << QStringLiteral("bytes that are not UTF-8 despite the UTF-8 byte order mark read as Windows-1252");
        }
        doc.text = withoutEncodingDeclaration(std::move(doc.text));
        return doc;
    }
    if (decodeWide(view, &doc)) {
        doc.text = withoutEncodingDeclaration(std::move(doc.text));
        return doc;
    }

    // The server's word first (RFC 7303), then the document's.
    QStringList declared;
    for (const QString &label : {charsetOfContentType(contentType), declaredEncoding(view)})
        if (!label.isEmpty() && !declared.contains(canonicalLabel(label)))
            declared << canonicalLabel(label);
    // A UTF-16/32 label on bytes without NULs (no byte order mark) is a wrong label.
    declared.removeIf([](const QString &l) { return l.startsWith(QLatin1String("utf-16")) || l.startsWith(QLatin1String("utf-32")) || l == QLatin1String("ucs-2"); });

    bool utf8Error = false;
    QString utf8 = decodeWith(QStringConverter::Utf8, view, &utf8Error);
    if (!utf8Error) {
        // Valid UTF-8. Under a legacy label that is still what it is when any
        // byte is non-ASCII: legacy text almost never forms valid sequences.
        doc.text = std::move(utf8);
        doc.encoding = QStringLiteral("UTF-8");
        const QString &first = declared.value(0);
        if (!first.isEmpty() && first != QLatin1String("utf-8") && doc.text.size() < view.size()) {
            doc.repaired = true;
            const bool known = first == QLatin1String("windows-1252") || QStringDecoder(first.toLatin1().constData()).isValid();
            doc.warnings << (known ? QStringLiteral("declared %1 but the bytes are UTF-8; read as UTF-8").arg(displayName(first))
                                   : QStringLiteral("unknown encoding \"%1\" declared; the bytes are UTF-8").arg(first));
        }
        if (first.isEmpty() || first == QLatin1String("utf-8") || doc.text.size() < view.size()) {
            doc.text = withoutEncodingDeclaration(std::move(doc.text));
            return doc;
        }
        // ASCII only under a legacy label: the label's reading is the same
        // text, except for encodings that are not ASCII supersets.
        if (first.startsWith(QLatin1String("windows-")) || first.startsWith(QLatin1String("iso-8859"))
            || first.startsWith(QLatin1String("koi8"))) {
            doc.encoding = displayName(first);
            doc.text = withoutEncodingDeclaration(std::move(doc.text));
            return doc;
        }
    }

    for (const QString &label : std::as_const(declared)) {
        if (label == QLatin1String("utf-8"))
            continue;   // it is not: see below
        qsizetype undecodable = 0;
        std::optional<QString> text = decodeLabelled(label, view, &undecodable);
        if (!text) {
            doc.warnings << QStringLiteral("unknown encoding \"%1\" declared").arg(label);
            continue;
        }
        if (undecodable > 0 && &label != &declared.last())
            continue;   // the next declaration may fit the bytes
        doc.text = std::move(*text);
        doc.encoding = displayName(label);
        if (undecodable > 0)
            doc.warnings << QStringLiteral("%1 bytes that are not %2 shown as \uFFFD").arg(undecodable).arg(doc.encoding);
        if (label != declared.first()) {
            doc.repaired = true;
            doc.warnings << QStringLiteral("declared %1 but the bytes are %2; read as %2")
                                .arg(displayName(declared.first()), doc.encoding);
        }
        doc.text = withoutEncodingDeclaration(std::move(doc.text));
        return doc;
    }

    // Said UTF-8 (or nothing, or nothing usable) and is not UTF-8.
    doc.repaired = declared.contains(QStringLiteral("utf-8"));
    const Utf8Census census = countUtf8(view);
    const QString said = declared.contains(QStringLiteral("utf-8")) ? QStringLiteral("declared UTF-8 but ")
                                                                     : QStringLiteral("no usable encoding declared and ");
    if (census.sequences > 0 && census.sequences >= census.strays) {
        doc.text = decodeUtf8WithStrays(view);
        doc.encoding = QStringLiteral("UTF-8");
        doc.repaired = true;
        doc.warnings << QStringLiteral("%1%2 bytes are not UTF-8; read as Windows-1252").arg(said).arg(census.strays);
        if (const qsizetype lost = doc.text.count(QChar(0xFFFD)))
            doc.warnings << QStringLiteral("%1 bytes that are neither UTF-8 nor Windows-1252 shown as \uFFFD").arg(lost);
    } else {
        const QString guess = guessedEncoding(view);
        qsizetype undecodable = 0;
        std::optional<QString> text = decodeLabelled(guess, view, &undecodable);
        if (!text) {
            text = fromWindows1252(view);
            doc.encoding = QStringLiteral("windows-1252");
        } else {
            doc.encoding = displayName(guess);
        }
        doc.text = std::move(*text);
        doc.warnings << QStringLiteral("%1the bytes are not UTF-8; read as %2").arg(said, doc.encoding);
    }
    doc.text = withoutEncodingDeclaration(std::move(doc.text));
    return doc;
}

} // namespace tw
