#include "feeds/parsers/textnormalizer.h"

#include "feeds/parsers/htmlelements.h"
#include "feeds/parsers/htmlentities.h"

#include <QCryptographicHash>

#include <algorithm>
#include <iterator>

namespace tw {

namespace {
// Windows-1252 0x80..0x9F; 0 for the five bytes it leaves undefined.
constexpr char16_t kCp1252C1[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

bool isAsciiLetter(char16_t c) { return (c | 0x20) >= u'a' && (c | 0x20) <= u'z'; }
bool isAsciiDigit(char16_t c) { return c >= u'0' && c <= u'9'; }

// The element name after "<" or "</" at `from`: letters, digits, ':' and '-'.
QStringView tagNameAt(QStringView text, qsizetype from)
{
    qsizetype end = from;
    if (end >= text.size() || !isAsciiLetter(text[end].unicode()))
        return {};
    while (end < text.size()) {
        const char16_t c = text[end].unicode();
        if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != u':' && c != u'-')
            break;
        ++end;
    }
    return text.mid(from, end - from);
}

// The '>' that ends the tag opened at `lt`, past quoted attribute values.
qsizetype tagEnd(QStringView text, qsizetype lt)
{
    QChar quote;
    for (qsizetype i = lt + 1; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            // A quote only opens a value right after '='.
            qsizetype k = i - 1;
            while (k > lt && text[k].isSpace())
                --k;
            if (text[k] == QLatin1Char('='))
                quote = c;
        } else if (c == QLatin1Char('>')) {
            return i;
        }
    }
    return quote.isNull() ? -1 : text.indexOf(QLatin1Char('>'), lt + 1);
}

struct Tag {
    qsizetype end = -1;     // index of the closing '>' (or of the comment's "-->" last char); -1: not a tag
    bool closing = false;
    QStringView name;       // empty for comments and declarations
};

// `foreign`: inside <svg> or <math>, where HTML takes every element name as a tag.
Tag tagAt(QStringView text, qsizetype lt, bool foreign = false)
{
    Tag tag;
    if (lt + 1 >= text.size())
        return tag;
    const char16_t next = text[lt + 1].unicode();
    if (next == u'!') {
        if (text.sliced(lt).startsWith(QLatin1String("<!--"))) {
            // An unclosed comment ends at the next '>' (SGML's reading), rather
            // than hiding the rest of a headline as a browser would.
            const qsizetype close = text.indexOf(QLatin1String("-->"), lt + 4);
            const qsizetype gt = text.indexOf(QLatin1Char('>'), lt + 4);
            tag.end = close >= 0 ? close + 2 : gt >= 0 ? gt : text.size() - 1;
        } else {
            tag.end = text.indexOf(QLatin1Char('>'), lt + 2);
        }
        return tag;
    }
    if (next == u'?') {
        tag.end = text.indexOf(QLatin1Char('>'), lt + 2);
        return tag;
    }
    tag.closing = next == u'/';
    tag.name = tagNameAt(text, lt + 1 + (tag.closing ? 1 : 0));
    if (tag.name.isEmpty() || (!foreign && !tag.name.contains(QLatin1Char(':')) && !isHtmlElementName(tag.name)))
        return Tag{};
    tag.end = tagEnd(text, lt);
    return tag;
}

// `name` equals the lower-case ASCII `lower`, in any case. Cheaper than
// QStringView::compare here, where it runs for every tag of every description.
bool nameIs(QStringView name, const char *lower)
{
    qsizetype i = 0;
    for (; lower[i]; ++i)
        if (i >= name.size() || (name[i].unicode() | 0x20) != static_cast<unsigned char>(lower[i]))
            return false;
    return i == name.size();
}

bool isBreak(const Tag &tag)
{
    const QStringView name = tag.name;
    if (name.isEmpty())
        return false;
    if (!tag.closing)
        return nameIs(name, "br");
    return nameIs(name, "p") || nameIs(name, "div") || nameIs(name, "li")
        || (name.size() == 2 && (name[0].unicode() | 0x20) == u'h' && name[1] >= QLatin1Char('1') && name[1] <= QLatin1Char('6'));
}

bool dropsContent(const Tag &tag)
{
    return !tag.closing && (nameIs(tag.name, "script") || nameIs(tag.name, "style"));
}

// One linear pass: tags dropped, block boundaries and <br> become newlines,
// <script>/<style> dropped with their content.
QString stripTags(const QString &html)
{
    const QStringView text(html);
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    int foreign = 0;   // depth of <svg>/<math>: MathML and SVG element names are tags too
    while (i < text.size()) {
        qsizetype lt = text.indexOf(QLatin1Char('<'), i);
        if (lt < 0) {
            out += text.sliced(i);
            break;
        }
        const Tag tag = tagAt(text, lt, foreign > 0);
        if (tag.end >= 0 && (nameIs(tag.name, "svg") || nameIs(tag.name, "math")) && text[tag.end - 1] != QLatin1Char('/'))
            foreign = std::max(0, foreign + (tag.closing ? -1 : 1));
        if (tag.end < 0) {
            out += text.mid(i, lt + 1 - i);   // a '<' that starts no tag is text ("a < b")
            i = lt + 1;
            continue;
        }
        out += text.mid(i, lt - i);
        if (isBreak(tag))
            out += QLatin1Char('\n');
        i = tag.end + 1;
        if (dropsContent(tag)) {
            const QString close = QStringLiteral("</") + tag.name.toString();
            const qsizetype end = text.indexOf(close, i, Qt::CaseInsensitive);
            const qsizetype gt = end < 0 ? -1 : text.indexOf(QLatin1Char('>'), end);
            i = gt < 0 ? text.size() : gt + 1;
        }
    }
    return out;
}

// At '&' in HTML text: the reference it starts, appended to `out`; returns
// its length (0: no reference, the '&' is text).
qsizetype readReference(QStringView text, qsizetype amp, QString *out)
{
    const qsizetype start = amp + 1;
    if (start < text.size() && text[start] == QLatin1Char('#')) {
        const bool hex = start + 1 < text.size() && (text[start + 1] == QLatin1Char('x') || text[start + 1] == QLatin1Char('X'));
        qsizetype i = start + (hex ? 2 : 1);
        const qsizetype digits = i;
        quint64 code = 0;
        while (i < text.size() && i - digits < 8) {
            const char16_t c = text[i].unicode();
            const int v = referenceDigitValue(c, hex);
            if (v < 0)
                break;
            code = code * (hex ? 16 : 10) + quint64(v);
            ++i;
        }
        if (i == digits)
            return 0;
        appendCodePoint(out, htmlCharacterReference(quint32(std::min<quint64>(code, 0x110000))));
        return (i < text.size() && text[i] == QLatin1Char(';') ? i + 1 : i) - amp;
    }
    qsizetype i = start;
    while (i < text.size() && (isAsciiLetter(text[i].unicode()) || isAsciiDigit(text[i].unicode())) && i - start < 40)
        ++i;
    const QStringView name = text.mid(start, i - start);
    if (name.isEmpty())
        return 0;
    const bool semicolon = i < text.size() && text[i] == QLatin1Char(';');
    const HtmlEntity *entity = findHtmlEntity(name);
    if (!entity || (!semicolon && !entity->legacy))
        return 0;
    appendHtmlEntity(out, *entity);
    return (semicolon ? i + 1 : i) - amp;
}

// A plain scan, not a regular expression: this runs on every description.
QString decodeEntities(const QString &html)
{
    const QStringView text(html);
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    for (qsizetype amp = text.indexOf(QLatin1Char('&')); amp >= 0; amp = text.indexOf(QLatin1Char('&'), amp + 1)) {
        out += text.mid(last, amp - last);
        const qsizetype length = readReference(text, amp, &out);
        if (length == 0) {
            out += QLatin1Char('&');
            last = amp + 1;
            continue;
        }
        last = amp + length;
        amp = last - 1;
    }
    out += text.sliced(last);
    return out;
}

// Runs of blanks become one space; blank lines collapse to one empty line;
// control characters go, C1 controls become the Windows-1252 characters they
// were meant as (a Latin-1 reading of Windows text, "&#146;" in XML).
// `mojibakeSuspect` is set when a character that starts a double-encoded
// UTF-8 sequence (U+00C2..U+00F4) occurs, so that the check for it costs
// nothing on the common text without one.
QString normalizeSpaces(const QString &text, bool *mojibakeSuspect = nullptr)
{
    // Written through a raw buffer: appending QChar by QChar dominated parse time.
    QString out(text.size() + 2, Qt::Uninitialized);
    QChar *dst = out.data();
    QChar *const begin = dst;
    int pendingNewlines = 0;
    bool pendingSpace = false;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        // Most characters are neither blank, nor control, nor pending anything: one test.
        if (((u > u' ' && u < 0x7F) || (u > 0xF4 && u != 0xFEFF)) && !pendingSpace && pendingNewlines == 0) {
            *dst++ = c;
            continue;
        }
        if (u == u'\n' || u == 0x2028 || u == 0x2029) {
            ++pendingNewlines;
            pendingSpace = false;
            continue;
        }
        if (u == u' ' || u == u'\t' || u == u'\r' || u == u'\f' || u == 0x0B || u == 0x00A0) {
            pendingSpace = true;
            continue;
        }
        // Other control characters are kept: stored as they came, they are made
        // safe where they are shown (models/text/safetext.h). XML cannot carry
        // them at all; they reach here only from JSON.
        if (u == 0xFEFF)
            continue;
        if (u >= 0x80 && u <= 0x9F) {
            if (!kCp1252C1[u - 0x80])
                continue;
            c = QChar(kCp1252C1[u - 0x80]);
        } else if (u >= 0xC2 && u <= 0xF4 && mojibakeSuspect) {
            *mojibakeSuspect = true;
        }
        if (dst != begin) {
            if (pendingNewlines >= 2) {
                *dst++ = QLatin1Char('\n');
                *dst++ = QLatin1Char('\n');
            } else if (pendingNewlines == 1) {
                *dst++ = QLatin1Char('\n');
            } else if (pendingSpace) {
                *dst++ = QLatin1Char(' ');
            }
        }
        pendingNewlines = 0;
        pendingSpace = false;
        *dst++ = c;
    }
    out.truncate(dst - begin);
    return out;
}

// The byte a character stands for when UTF-8 was read as Windows-1252 (or
// Latin-1): itself up to U+00FF, else its place in 0x80-0x9F; -1 for none.
int mojibakeByte(char16_t c)
{
    if (c <= 0xFF)
        return c;
    for (int i = 0; i < 32; ++i)
        if (kCp1252C1[i] == c)
            return 0x80 + i;
    return -1;
}

// UTF-8 that was decoded as Windows-1252 somewhere upstream and encoded again
// ("Ã©" for "é", "â€™" for "’", "&#226;&#128;&#166;" for "…"), read back.
// All or nothing, as feedparser does it: only when every non-ASCII
// character is part of a well-formed sequence ("doué »" in Latin-1 text,
// é + no-break space + », must not become a CJK character).
QString withDoubleEncodingUndone(const QString &text, bool *changed)
{
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n;) {
        const char16_t lead = text[i].unicode();
        if (lead >= 0xC2 && lead <= 0xF4) {
            const int need = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
            char bytes[4] = {char(lead)};
            bool ok = i + need < n;
            for (int k = 1; ok && k <= need; ++k) {
                const int b = mojibakeByte(text[i + k].unicode());
                ok = b >= 0x80 && b <= 0xBF;
                bytes[k] = char(b);
            }
            // The second byte's narrower ranges (no overlongs, no surrogates).
            const auto second = static_cast<unsigned char>(bytes[1]);
            ok = ok && !(lead == 0xE0 && second < 0xA0) && !(lead == 0xED && second > 0x9F)
              && !(lead == 0xF0 && second < 0x90) && !(lead == 0xF4 && second > 0x8F);
            if (ok) {
                out += QString::fromUtf8(bytes, need + 1);
                i += need + 1;
                *changed = true;
                continue;
            }
        }
        if (lead >= 0x80) {
            *changed = false;   // a character that is no part of a sequence: the text was not double-encoded
            return text;
        }
        out += text[i];
        ++i;
    }
    return out;
}

// White space folded, controls dropped, double-encoded UTF-8 read back.
QString cleanedText(const QString &text)
{
    bool suspect = false;
    QString out = normalizeSpaces(text, &suspect);
    if (!suspect)
        return out;
    bool changed = false;
    const QString undone = withDoubleEncodingUndone(text, &changed);
    return changed ? normalizeSpaces(undone) : out;
}

// feedparser's looks_like_html: a close tag or an entity reference, every
// tag an HTML element and every named reference one HTML defines.
bool looksLikeHtml(QStringView text)
{
    bool markup = false;
    for (qsizetype lt = text.indexOf(QLatin1Char('<')); lt >= 0; lt = text.indexOf(QLatin1Char('<'), lt + 1)) {
        const bool closing = lt + 1 < text.size() && text[lt + 1] == QLatin1Char('/');
        qsizetype i = lt + 1 + (closing ? 1 : 0);
        const qsizetype nameStart = i;
        while (i < text.size() && (text[i].isLetterOrNumber() || text[i] == QLatin1Char('_')))
            ++i;
        if (i == nameStart)
            continue;
        if (!isHtmlElementName(text.mid(nameStart, i - nameStart)))
            return false;
        if (closing && i < text.size() && text[i] == QLatin1Char('>'))
            markup = true;
    }
    for (qsizetype amp = text.indexOf(QLatin1Char('&')); amp >= 0; amp = text.indexOf(QLatin1Char('&'), amp + 1)) {
        qsizetype i = amp + 1;
        const bool numeric = i < text.size() && text[i] == QLatin1Char('#');
        if (numeric)
            ++i;
        const qsizetype nameStart = i;
        while (i < text.size() && (text[i].isLetterOrNumber() || text[i] == QLatin1Char('_')))
            ++i;
        if (i == nameStart || i >= text.size() || text[i] != QLatin1Char(';'))
            continue;
        if (!numeric && !findHtmlEntity(text.mid(nameStart, i - nameStart)))
            return false;
        markup = true;
    }
    return markup;
}
} // namespace

QString plainTextFromHtml(const QString &html)
{
    QString text = html.contains(QLatin1Char('<')) ? stripTags(html) : html;
    if (text.contains(QLatin1Char('&')))
        text = decodeEntities(text);
    return cleanedText(text);
}

QString plainTextFromTextOrHtml(const QString &text)
{
    if ((text.contains(QLatin1Char('<')) || text.contains(QLatin1Char('&'))) && looksLikeHtml(text))
        return plainTextFromHtml(text);
    return cleanedText(text);
}

QString normalizedPlainText(const QString &text)
{
    return cleanedText(text);
}

QString contentFingerprint(const QString &title, const QString &summary)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(title.toUtf8());
    hash.addData(QByteArrayView("\x1f", 1));
    hash.addData(summary.toUtf8());
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace tw
