#include "models/export/csvwriter.h"

#include "models/text/utf8check.h"

#include <QChar>
#include <QLocale>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <charconv>
#include <cmath>
#include <cstring>

namespace tw {

namespace {
// A text cell that is nothing but a plain decimal number cannot run as a
// formula, so "-3.5" in a text column stays readable as a number:
// [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?, the whole text.
bool isPlainNumber(const char *text, qsizetype size)
{
    const auto digit = [&](qsizetype i) { return i < size && text[i] >= '0' && text[i] <= '9'; };
    qsizetype i = 0;
    if (i < size && (text[i] == '+' || text[i] == '-'))
        ++i;
    const qsizetype integerStart = i;
    while (digit(i))
        ++i;
    const bool integerDigits = i > integerStart;
    bool fractionDigits = false;
    if (i < size && text[i] == '.') {
        ++i;
        const qsizetype fractionStart = i;
        while (digit(i))
            ++i;
        fractionDigits = i > fractionStart;
    }
    if (!integerDigits && !fractionDigits)
        return false;
    if (i < size && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < size && (text[i] == '+' || text[i] == '-'))
            ++i;
        const qsizetype exponentStart = i;
        while (digit(i))
            ++i;
        if (i == exponentStart)
            return false;
    }
    return i == size;
}

// The code point at `i` of well-formed UTF-8, moving `i` past it.
char32_t decodeUtf8(const char *text, qsizetype size, qsizetype &i)
{
    const auto byte = [&](qsizetype k) { return k < size ? char32_t(static_cast<unsigned char>(text[k])) : 0; };
    const char32_t lead = byte(i);
    if (lead < 0x80) {
        i += 1;
        return lead;
    }
    if (lead < 0xE0) {
        const char32_t c = ((lead & 0x1F) << 6) | (byte(i + 1) & 0x3F);
        i += 2;
        return c;
    }
    if (lead < 0xF0) {
        const char32_t c = ((lead & 0x0F) << 12) | ((byte(i + 1) & 0x3F) << 6) | (byte(i + 2) & 0x3F);
        i += 3;
        return c;
    }
    const char32_t c = ((lead & 0x07) << 18) | ((byte(i + 1) & 0x3F) << 12) | ((byte(i + 2) & 0x3F) << 6)
        | (byte(i + 3) & 0x3F);
    i += 4;
    return c;
}

// Characters a spreadsheet may drop before it looks for a formula: white
// space (Google Sheets trims cells on import, LibreOffice can be told to)
// and invisible format characters (byte order mark, zero-width space, bidi
// marks), which show nothing that would warn a reader.
bool isInvisibleLead(char32_t c)
{
    return QChar::isSpace(c) || QChar::category(c) == QChar::Other_Format;
}

// Whether a text cell, as UTF-8, is one a spreadsheet could run as a
// formula: it starts with a tab or CR, or its first visible character is
// =, +, -, @ or one of their full-width forms (which East Asian input turns
// into them), unless the rest is a plain number.
bool isFormulaLike(const char *utf8, qsizetype size)
{
    if (size == 0)
        return false;
    const auto first = static_cast<unsigned char>(utf8[0]);
    if (first == '\t' || first == '\r')
        return true;
    // The usual cell starts with a letter or digit: no decoding.
    if (first < 0x80 && first != '=' && first != '+' && first != '-' && first != '@' && first != ' '
        && first != '\n' && first != '\v' && first != '\f')
        return false;
    qsizetype i = 0;
    while (i < size) {
        const qsizetype start = i;
        const char32_t c = decodeUtf8(utf8, size, i);
        if (isInvisibleLead(c))
            continue;
        switch (c) {
        case U'=':
        case U'+':
        case U'-':
        case U'@':
        case U'\uFF1D':   // full-width = + - @
        case U'\uFF0B':
        case U'\uFF0D':
        case U'\uFF20':
            return !isPlainNumber(utf8 + start, size - start);
        default:
            return false;
        }
    }
    return false;
}

// Bytes that make a field need quotes.
constexpr bool needsQuotes(unsigned char c)
{
    return c == ',' || c == '"' || c == '\r' || c == '\n';
}

// Per byte: 0 plain ASCII, 1 needs quotes, 2 not ASCII (the text then gets
// the full UTF-8 check).
struct ByteClasses {
    unsigned char of[256] = {};
    constexpr ByteClasses()
    {
        for (int c = 0; c < 256; ++c)
            of[c] = c >= 0x80 ? 2 : needsQuotes(static_cast<unsigned char>(c)) ? 1 : 0;
    }
};
constexpr ByteClasses kByteClasses;

// The classes of a text's bytes together: bit 1, a byte needs quotes; bit 2,
// a byte is not ASCII. Sixteen bytes at a time where SSE2 is (every x86-64).
unsigned classesOf(const char *text, qsizetype size)
{
    unsigned classes = 0;
    qsizetype i = 0;
#ifdef __SSE2__
    const __m128i comma = _mm_set1_epi8(','), quote = _mm_set1_epi8('"'), cr = _mm_set1_epi8('\r'),
                  lf = _mm_set1_epi8('\n');
    for (; i + 16 <= size; i += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(text + i));
        const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, comma), _mm_cmpeq_epi8(bytes, quote)),
                                             _mm_or_si128(_mm_cmpeq_epi8(bytes, cr), _mm_cmpeq_epi8(bytes, lf)));
        if (_mm_movemask_epi8(special) != 0)
            classes |= 1;
        if (_mm_movemask_epi8(bytes) != 0)   // the top bit of each byte
            classes |= 2;
    }
#endif
    for (; i < size; ++i)
        classes |= kByteClasses.of[static_cast<unsigned char>(text[i])];
    return classes;
}

// 10^n for the rounding of measures, as std::pow(10.0, n) gives it (every
// power up to 10^22 is exact in a double).
double powerOfTen(int n)
{
    static constexpr double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                         1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    return n >= 0 && n <= 22 ? kPowers[n] : std::pow(10.0, n);
}

// formatNumber's plain notation written straight into `out` (48 bytes):
// the length, or -1 when the value takes Qt's exponent form instead.
// std::to_chars gives the same shortest round-trip digits as
// QString::number(..., 'f', QLocale::FloatingPointShortest) (tst_csvwriter
// compares them over millions of values), without a QString per cell.
int writePlainNumber(char *out, double value, int maxDecimals)
{
    if (!std::isfinite(value))
        return 0;
    if (maxDecimals >= 0) {
        // A computed score carries 16 digits of which four mean something:
        // round, then print the shortest form of the rounded value.
        const double scale = powerOfTen(maxDecimals);
        const double scaled = std::round(value * scale);
        const double rounded = scaled / scale;
        if (maxDecimals <= 6 && std::fabs(rounded) < 1e9 && rounded != 0.0) {
            // Below 1e9 two numbers of at most six decimals are never the
            // same double (its spacing there is under 1.2e-7), so the
            // shortest form of `rounded` is the integer `scaled` with the
            // point put back, trailing zeros dropped: written directly.
            char *p = out;
            if (scaled < 0)
                *p++ = '-';
            auto digits = quint64(std::fabs(scaled));
            char reversed[24];
            int count = 0;
            int decimals = maxDecimals;
            while (decimals > 0 && digits % 10 == 0) {   // trailing zeros of the fraction
                digits /= 10;
                --decimals;
            }
            for (int i = 0; i < decimals; ++i) {
                reversed[count++] = char('0' + digits % 10);
                digits /= 10;
            }
            if (decimals > 0)
                reversed[count++] = '.';
            do {
                reversed[count++] = char('0' + digits % 10);
                digits /= 10;
            } while (digits > 0);
            while (count > 0)
                *p++ = reversed[--count];
            return int(p - out);
        }
        if (std::isfinite(rounded))
            value = rounded == 0.0 ? 0.0 : rounded;   // no "-0"
    }
    if (value == 0.0) {
        // Qt writes "0" for -0 too.
        *out = '0';
        return 1;
    }
    // Plain notation for the magnitudes money and scores live in, so a human
    // reads 1250000 not 1.25e+06.
    const double magnitude = std::fabs(value);
    if (magnitude < 1e-6 || magnitude >= 1e15)
        return -1;
    const auto written = std::to_chars(out, out + 48, value, std::chars_format::fixed);
    return written.ec == std::errc() ? int(written.ptr - out) : -1;
}

void writeDigits(char *out, int value, int digits)
{
    for (int i = digits - 1; i >= 0; --i) {
        out[i] = char('0' + value % 10);
        value /= 10;
    }
}

// formatInstant's text written into `out` (24 bytes) for the years 1-9999:
// the length, or -1 for any other year (left to QDateTime).
int writeIsoInstant(char *out, qint64 utcMs)
{
    constexpr qint64 kDayMs = 86'400'000;
    qint64 days = utcMs / kDayMs;
    qint64 msOfDay = utcMs % kDayMs;
    if (msOfDay < 0) {
        msOfDay += kDayMs;
        --days;
    }
    if (days < -719'162 || days > 2'932'896)   // 0001-01-01 .. 9999-12-31
        return -1;
    // Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
    // civil_from_days): eras of 400 years starting on March 1st.
    const qint64 z = days + 719'468;
    const qint64 era = (z >= 0 ? z : z - 146'096) / 146'097;
    const qint64 dayOfEra = z - era * 146'097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36'524 - dayOfEra / 146'096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const int year = int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
    if (year < 1 || year > 9999)
        return -1;
    const int ms = int(msOfDay % 1000);
    const int seconds = int(msOfDay / 1000);
    writeDigits(out, year, 4);
    out[4] = '-';
    writeDigits(out + 5, month, 2);
    out[7] = '-';
    writeDigits(out + 8, day, 2);
    out[10] = 'T';
    writeDigits(out + 11, seconds / 3600, 2);
    out[13] = ':';
    writeDigits(out + 14, seconds / 60 % 60, 2);
    out[16] = ':';
    writeDigits(out + 17, seconds % 60, 2);
    if (ms == 0) {
        out[19] = 'Z';
        return 20;
    }
    out[19] = '.';
    writeDigits(out + 20, ms, 3);
    out[23] = 'Z';
    return 24;
}
} // namespace

CsvWriter::CsvWriter(QIODevice *device, Options options) : m_device(device), m_options(options)
{
    grow(std::max<qsizetype>(m_options.chunkBytes, 0) + 4096);
}

CsvWriter::~CsvWriter()
{
    flush();
}

void CsvWriter::writeHeader(const QStringList &names)
{
    // Names are ours: quoted when they need it, never defused.
    for (const QString &name : names) {
        startCell();
        const QByteArray utf8 = name.toUtf8();
        appendEscaped(utf8.constData(), utf8.size(), false, utf8 != escapeField(name));
    }
    endRow();
}

bool CsvWriter::needsFormulaDefusing(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return isFormulaLike(utf8.constData(), utf8.size());
}

QByteArray CsvWriter::escapeField(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    bool quote = false;
    for (char c : std::as_const(utf8)) {
        if (needsQuotes(static_cast<unsigned char>(c))) {
            quote = true;
            break;
        }
    }
    if (!quote)
        return utf8;
    utf8.replace("\"", "\"\"");
    utf8.prepend('"');
    utf8.append('"');
    return utf8;
}

QString CsvWriter::formatNumber(double value, int maxDecimals)
{
    char text[48];
    if (const int length = writePlainNumber(text, value, maxDecimals); length >= 0)
        return QString::fromLatin1(text, length);
    if (maxDecimals >= 0) {
        const double scale = powerOfTen(maxDecimals);
        const double rounded = std::round(value * scale) / scale;
        if (std::isfinite(rounded))
            value = rounded == 0.0 ? 0.0 : rounded;
    }
    // QString::number ignores every locale setting (always '.', no grouping).
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString CsvWriter::formatInstant(qint64 utcMs)
{
    char text[24];
    if (const int length = writeIsoInstant(text, utcMs); length >= 0)
        return QString::fromLatin1(text, length);
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC);
    return t.toString(utcMs % 1000 == 0 ? Qt::ISODate : Qt::ISODateWithMs);
}

void CsvWriter::grow(qsizetype bytes)
{
    const qsizetype capacity = std::max(m_used + bytes, 2 * m_capacity);
    auto data = std::make_unique_for_overwrite<char[]>(size_t(capacity));
    if (m_used > 0)
        std::memcpy(data.get(), m_data.get(), size_t(m_used));
    m_data = std::move(data);
    m_capacity = capacity;
}

void CsvWriter::append(const char *bytes, qsizetype size)
{
    char *out = room(size);
    if (size > 0)
        std::memcpy(out, bytes, size_t(size));
    commit(out + size);
}

void CsvWriter::startCell()
{
    if (!m_rowStarted) {
        if (!m_wroteAnything && m_options.byteOrderMark)
            append("\xEF\xBB\xBF", 3);
        m_rowStarted = true;
    } else {
        append(",", 1);
    }
}

void CsvWriter::appendEscaped(const char *utf8, qsizetype size, bool defused, bool quoted)
{
    if (!quoted) {
        char *out = room(size + 1);
        if (defused)
            *out++ = '\'';
        if (size > 0)
            std::memcpy(out, utf8, size_t(size));
        commit(out + size);
        return;
    }
    // At most every byte doubled, plus the quotes and the apostrophe.
    char *out = room(2 * size + 3);
    *out++ = '"';
    if (defused)
        *out++ = '\'';
    for (qsizetype i = 0; i < size; ++i) {
        *out++ = utf8[i];
        if (utf8[i] == '"')
            *out++ = '"';
    }
    *out++ = '"';
    commit(out);
}

void CsvWriter::appendLatin1(const QString &text)
{
    const QByteArray latin1 = text.toLatin1();
    append(latin1.constData(), latin1.size());
}

void CsvWriter::addText(const QString &text)
{
    startCell();
    const QByteArray utf8 = text.toUtf8();
    bool quoted = false;
    for (char c : utf8)
        quoted = quoted || needsQuotes(static_cast<unsigned char>(c));
    appendEscaped(utf8.constData(), utf8.size(), isFormulaLike(utf8.constData(), utf8.size()), quoted);
}

bool CsvWriter::addTextUtf8(const char *utf8, qsizetype size)
{
    // One pass for the usual ASCII text: quoting, and whether the UTF-8
    // check is needed at all.
    const unsigned classes = classesOf(utf8, size);
    if ((classes & 2) && !isWellFormedUtf8(utf8, size))
        return false;
    const bool defused = isFormulaLike(utf8, size);
    startCell();
    appendEscaped(utf8, size, defused, classes & 1);
    return true;
}

void CsvWriter::addInteger(qint64 value)
{
    startCell();
    char *out = room(24);
    commit(std::to_chars(out, out + 24, value).ptr);
}

void CsvWriter::addNumber(double value, int maxDecimals)
{
    startCell();
    char *out = room(48);
    const int length = writePlainNumber(out, value, maxDecimals);
    if (length >= 0)
        commit(out + length);
    else
        appendLatin1(formatNumber(value, maxDecimals));
}

void CsvWriter::addInstant(qint64 utcMs)
{
    startCell();
    char *out = room(24);
    const int length = writeIsoInstant(out, utcMs);
    if (length >= 0)
        commit(out + length);
    else
        appendLatin1(formatInstant(utcMs));
}

void CsvWriter::addEmpty()
{
    startCell();
}

void CsvWriter::endRow()
{
    if (!m_rowStarted)
        startCell();   // an empty row is still a row (and gets the byte order mark)
    append("\r\n", 2);
    m_rowStarted = false;
    m_wroteAnything = true;
    m_rowStart = m_used;
    if (m_rowStart >= m_options.chunkBytes)
        flush();
}

bool CsvWriter::flush()
{
    if (m_rowStart > 0) {
        if (m_ok && m_device->write(m_data.get(), m_rowStart) != m_rowStart)
            m_ok = false;
        // The row in progress, if any, moves to the front.
        std::memmove(m_data.get(), m_data.get() + m_rowStart, size_t(m_used - m_rowStart));
        m_used -= m_rowStart;
        m_rowStart = 0;
    }
    return m_ok;
}

} // namespace tw
