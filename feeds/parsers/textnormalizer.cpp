#include "feeds/parsers/textnormalizer.h"

#include <QCryptographicHash>
#include <QHash>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <optional>

namespace tw {

namespace {
const QHash<QString, QChar> &namedEntities()
{
    static const QHash<QString, QChar> entities{
        {QStringLiteral("amp"), QChar(u'&')},     {QStringLiteral("lt"), QChar(u'<')},
        {QStringLiteral("gt"), QChar(u'>')},      {QStringLiteral("quot"), QChar(u'"')},
        {QStringLiteral("apos"), QChar(u'\'')},   {QStringLiteral("nbsp"), QChar(0x00A0)},
        {QStringLiteral("ndash"), QChar(0x2013)}, {QStringLiteral("mdash"), QChar(0x2014)},
        {QStringLiteral("lsquo"), QChar(0x2018)}, {QStringLiteral("rsquo"), QChar(0x2019)},
        {QStringLiteral("ldquo"), QChar(0x201C)}, {QStringLiteral("rdquo"), QChar(0x201D)},
        {QStringLiteral("hellip"), QChar(0x2026)}, {QStringLiteral("euro"), QChar(0x20AC)},
        {QStringLiteral("pound"), QChar(0x00A3)}, {QStringLiteral("copy"), QChar(0x00A9)},
        {QStringLiteral("reg"), QChar(0x00AE)},   {QStringLiteral("trade"), QChar(0x2122)},
        {QStringLiteral("middot"), QChar(0x00B7)}, {QStringLiteral("bull"), QChar(0x2022)},
    };
    return entities;
}

bool isHexDigit(char16_t c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// Length of the entity name after the '&' at `amp` ("#x2014", "#8212",
// "mdash"), when a ';' ends it; 0 when the '&' starts no entity reference.
// The shapes of the former pattern &(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);
qsizetype entityNameLength(QStringView text, qsizetype amp)
{
    const qsizetype start = amp + 1;
    auto runOf = [&](qsizetype from, auto accepts) {
        qsizetype i = from;
        while (i < text.size() && accepts(text[i].unicode()))
            ++i;
        return i;
    };
    auto endedBySemicolon = [&](qsizetype digitsFrom, qsizetype end) {
        return end > digitsFrom && end < text.size() && text[end] == QLatin1Char(';') ? end - start : 0;
    };
    if (start < text.size() && text[start] == QLatin1Char('#')) {
        if (start + 1 < text.size() && text[start + 1] == QLatin1Char('x')) {
            if (const qsizetype n = endedBySemicolon(start + 2, runOf(start + 2, isHexDigit)))
                return n;
        }
        return endedBySemicolon(start + 1, runOf(start + 1, [](char16_t c) { return c >= u'0' && c <= u'9'; }));
    }
    return endedBySemicolon(start, runOf(start, [](char16_t c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'); }));
}

// A plain scan, not a regular expression: this runs on every escaped
// description, and a match over the text first checks all of it for UTF-16.
QString decodeEntities(const QString &text)
{
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    for (qsizetype amp = text.indexOf(QLatin1Char('&')); amp >= 0; amp = text.indexOf(QLatin1Char('&'), amp + 1)) {
        const qsizetype length = entityNameLength(text, amp);
        if (length == 0)
            continue;
        out += QStringView(text).mid(last, amp - last);
        const QStringView name = QStringView(text).mid(amp + 1, length);
        bool ok = false;
        uint code = 0;
        if (name.startsWith(QLatin1String("#x")))
            code = name.mid(2).toUInt(&ok, 16);
        else if (name.startsWith(QLatin1Char('#')))
            code = name.mid(1).toUInt(&ok, 10);
        if (ok && code > 0 && code <= 0x10FFFF) {
            const char32_t c = code;
            out += QString::fromUcs4(&c, 1);
        } else if (auto found = namedEntities().constFind(name.toString()); found != namedEntities().cend()) {
            out += *found;
        } else {
            out += QStringView(text).mid(amp, length + 2);
        }
        last = amp + length + 2;
        amp = last - 1;
    }
    out += QStringView(text).mid(last);
    return out;
}
} // namespace

namespace {
bool isBreakTag(QStringView tag)
{
    // tag: the text between '<' and '>' ("br/", "/p", "div class=x", ...)
    qsizetype i = 0;
    const bool closing = i < tag.size() && tag[i] == QLatin1Char('/');
    if (closing)
        ++i;
    qsizetype j = i;
    while (j < tag.size() && tag[j].isLetterOrNumber())
        ++j;
    const QStringView name = tag.mid(i, j - i);
    if (!closing)
        return name.compare(QLatin1String("br"), Qt::CaseInsensitive) == 0;
    return name.compare(QLatin1String("p"), Qt::CaseInsensitive) == 0
        || name.compare(QLatin1String("div"), Qt::CaseInsensitive) == 0
        || name.compare(QLatin1String("li"), Qt::CaseInsensitive) == 0
        || (name.size() == 2 && (name[0] == QLatin1Char('h') || name[0] == QLatin1Char('H')) && name[1] >= QLatin1Char('1')
            && name[1] <= QLatin1Char('6'));
}

// Whether a "<script" or "<style" start tag (any case) may be in the text.
// A case-insensitive QString::contains over every description cost more than
// all the rest of the tag stripping; only a '<' followed by 's' needs a look.
bool mayHoldScriptOrStyle(QStringView text)
{
    for (qsizetype lt = text.indexOf(QLatin1Char('<')); lt >= 0 && lt + 1 < text.size(); lt = text.indexOf(QLatin1Char('<'), lt + 1)) {
        const char16_t next = text[lt + 1].unicode();
        if (next != u's' && next != u'S')
            continue;
        const QStringView rest = text.sliced(lt + 1);
        if (rest.startsWith(QLatin1String("script"), Qt::CaseInsensitive) || rest.startsWith(QLatin1String("style"), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// One linear pass: tags dropped, block ends and <br> become newlines,
// <script>/<style> elements dropped with their content.
QString stripTags(const QString &html)
{
    static const QRegularExpression dropped(QStringLiteral("<(script|style)\\b[^>]*>.*?</\\1\\s*>"),
                                            QRegularExpression::CaseInsensitiveOption
                                                | QRegularExpression::DotMatchesEverythingOption);
    QString text = html;
    if (mayHoldScriptOrStyle(text))
        text.remove(dropped);
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype lt = text.indexOf(QLatin1Char('<'), i);
        if (lt < 0) {
            out += QStringView(text).mid(i);
            break;
        }
        out += QStringView(text).mid(i, lt - i);
        const qsizetype gt = text.indexOf(QLatin1Char('>'), lt + 1);
        if (gt < 0) {
            out += QStringView(text).mid(lt);   // a lone '<' is text ("a < b")
            break;
        }
        if (isBreakTag(QStringView(text).mid(lt + 1, gt - lt - 1)))
            out += QLatin1Char('\n');
        i = gt + 1;
    }
    return out;
}

// Runs of blanks become one space; blank lines collapse to one empty line.
QString normalizeSpaces(const QString &text)
{
    // Written through a raw buffer: appending QChar by QChar dominated parse time.
    QString out(text.size() + 2, Qt::Uninitialized);
    QChar *dst = out.data();
    QChar *const begin = dst;
    int pendingNewlines = 0;
    bool pendingSpace = false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        // Most characters are neither blank nor pending anything: one test.
        if (u > u' ' && u != 0x00A0 && !pendingSpace && pendingNewlines == 0) {
            *dst++ = c;
            continue;
        }
        if (u == u'\n') {
            ++pendingNewlines;
            pendingSpace = false;
        } else if (u == u' ' || u == u'\t' || u == u'\r' || u == u'\f' || u == 0x00A0) {
            pendingSpace = true;
        } else {
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
    }
    out.truncate(dst - begin);
    return out;
}
} // namespace

QString plainTextFromHtml(const QString &html)
{
    QString text = html.contains(QLatin1Char('<')) ? stripTags(html) : html;
    if (text.contains(QLatin1Char('&'))) {
        text = decodeEntities(text);
        // Entity-escaped HTML ("&lt;p&gt;") decodes into tags: strip once more.
        if (text.contains(QLatin1Char('<')) && text.contains(QLatin1Char('>')))
            text = stripTags(text);
    }
    return normalizeSpaces(text);
}

namespace {
const QHash<QString, int> &namedZoneOffsets()
{
    static const QHash<QString, int> zones{
        {QStringLiteral("UT"), 0},       {QStringLiteral("UTC"), 0},      {QStringLiteral("GMT"), 0},
        {QStringLiteral("Z"), 0},        {QStringLiteral("EST"), -5 * 60}, {QStringLiteral("EDT"), -4 * 60},
        {QStringLiteral("CST"), -6 * 60}, {QStringLiteral("CDT"), -5 * 60}, {QStringLiteral("MST"), -7 * 60},
        {QStringLiteral("MDT"), -6 * 60}, {QStringLiteral("PST"), -8 * 60}, {QStringLiteral("PDT"), -7 * 60},
        {QStringLiteral("BST"), 60},     {QStringLiteral("CET"), 60},     {QStringLiteral("CEST"), 120},
    };
    return zones;
}

int monthFromName(QStringView name)   // "Apr", "april", "APR." -> 4; 0 when unknown
{
    static constexpr const char *kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    if (name.size() < 3)
        return 0;
    for (int i = 0; i < 12; ++i)
        if (name.first(3).compare(QLatin1String(kMonths[i]), Qt::CaseInsensitive) == 0)
            return i + 1;
    return 0;
}

bool isAsciiDigit(QChar c) { return c.unicode() >= u'0' && c.unicode() <= u'9'; }
bool isAsciiLetter(QChar c) { return (c.unicode() | 0x20) >= u'a' && (c.unicode() | 0x20) <= u'z'; }

int digitsAt(QStringView s, qsizetype at, qsizetype count)   // -1 unless `count` ASCII digits
{
    if (at + count > s.size())
        return -1;
    int value = 0;
    for (qsizetype i = at; i < at + count; ++i) {
        if (!isAsciiDigit(s[i]))
            return -1;
        value = value * 10 + (s[i].unicode() - u'0');
    }
    return value;
}

// The shape nearly every feed writes, "Wed, 08 Apr 2026 17:00:00 +0000"
// (weekday optional, day of one or two digits, a numeric offset or a named
// zone), read without the regular expression and its string copies. Returns
// nullopt for anything else, which the general reader then takes.
std::optional<QDateTime> readCanonicalRfc822(QStringView s)
{
    qsizetype i = 0;
    if (s.size() >= 5 && isAsciiLetter(s[0]) && isAsciiLetter(s[1]) && isAsciiLetter(s[2]) && s[3] == QLatin1Char(',')
        && s[4] == QLatin1Char(' '))
        i = 5;
    int day = digitsAt(s, i, 2);
    if (day >= 0) {
        i += 2;
    } else if ((day = digitsAt(s, i, 1)) >= 0) {
        i += 1;
    } else {
        return std::nullopt;
    }
    if (i + 5 > s.size() || s[i] != QLatin1Char(' ') || !isAsciiLetter(s[i + 1]) || !isAsciiLetter(s[i + 2])
        || !isAsciiLetter(s[i + 3]) || s[i + 4] != QLatin1Char(' '))
        return std::nullopt;
    const int month = monthFromName(s.sliced(i + 1, 3));
    i += 5;
    int year = digitsAt(s, i, 4);
    if (year < 0 || i + 4 >= s.size() || s[i + 4] != QLatin1Char(' '))
        return std::nullopt;
    if (year < 100)   // "0026", as the general reader takes two-digit years
        year += year < 50 ? 2000 : 1900;
    i += 5;
    const int hour = digitsAt(s, i, 2);
    const int minute = digitsAt(s, i + 3, 2);
    const int second = digitsAt(s, i + 6, 2);
    if (hour < 0 || minute < 0 || second < 0 || s[i + 2] != QLatin1Char(':') || s[i + 5] != QLatin1Char(':'))
        return std::nullopt;
    i += 8;
    if (i + 1 >= s.size() || s[i] != QLatin1Char(' '))
        return std::nullopt;
    const QStringView zone = s.sliced(i + 1);
    int offsetMinutes = 0;
    if (zone.size() == 5 && (zone[0] == QLatin1Char('+') || zone[0] == QLatin1Char('-'))) {
        const int hh = digitsAt(zone, 1, 2);
        const int mm = digitsAt(zone, 3, 2);
        if (hh < 0 || mm < 0)
            return std::nullopt;
        offsetMinutes = (hh * 60 + mm) * (zone[0] == QLatin1Char('-') ? -1 : 1);
    } else if (zone.size() >= 1 && zone.size() <= 5 && std::all_of(zone.begin(), zone.end(), isAsciiLetter)) {
        offsetMinutes = namedZoneOffsets().value(zone.toString().toUpper(), 0);
    } else {
        return std::nullopt;
    }
    const QDate date(year, month, day);
    const QTime time(hour, minute, second);
    if (month < 1 || !date.isValid() || !time.isValid())
        return QDateTime();
    return QDateTime(date, time, Qt::UTC).addSecs(-qint64(offsetMinutes) * 60);
}
} // namespace

QDateTime parseRfc822Date(const QString &input)
{
    if (const auto canonical = readCanonicalRfc822(QStringView(input).trimmed()))
        return *canonical;
    static const QRegularExpression re(QStringLiteral(
        "^(?:[A-Za-z]{3,},?\\s*)?(\\d{1,2})\\s+([A-Za-z]{3,})\\.?\\s+(\\d{2,4})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*"
        "([+-]\\d{4}|[+-]\\d{2}:\\d{2}|[A-Za-z]{1,5})?"));
    static const QStringList months{QStringLiteral("jan"), QStringLiteral("feb"), QStringLiteral("mar"),
                                    QStringLiteral("apr"), QStringLiteral("may"), QStringLiteral("jun"),
                                    QStringLiteral("jul"), QStringLiteral("aug"), QStringLiteral("sep"),
                                    QStringLiteral("oct"), QStringLiteral("nov"), QStringLiteral("dec")};
    const QHash<QString, int> &zones = namedZoneOffsets();

    const QString text = input.simplified();
    const auto m = re.match(text);
    if (!m.hasMatch()) {
        // Some feeds put ISO 8601 in pubDate.
        QDateTime iso = QDateTime::fromString(text, Qt::ISODate);
        return iso.isValid() ? iso.toUTC() : QDateTime();
    }
    const int day = m.captured(1).toInt();
    const int month = int(months.indexOf(m.captured(2).left(3).toLower())) + 1;
    int year = m.captured(3).toInt();
    if (year < 100)
        year += year < 50 ? 2000 : 1900;
    const QDate date(year, month, day);
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).isEmpty() ? 0 : m.captured(6).toInt());
    if (month < 1 || !date.isValid() || !time.isValid())
        return {};
    int offsetMinutes = 0;
    const QString zone = m.captured(7);
    if (zone.startsWith(QLatin1Char('+')) || zone.startsWith(QLatin1Char('-'))) {
        const QString digits = QString(zone).remove(QLatin1Char(':'));
        offsetMinutes = digits.mid(1, 2).toInt() * 60 + digits.mid(3, 2).toInt();
        if (zone.startsWith(QLatin1Char('-')))
            offsetMinutes = -offsetMinutes;
    } else if (!zone.isEmpty()) {
        offsetMinutes = zones.value(zone.toUpper(), 0);
    }
    return QDateTime(date, time, Qt::UTC).addSecs(-qint64(offsetMinutes) * 60);
}

QDateTime parseRfc3339Date(const QString &input)
{
    QString text = input.trimmed();
    if (text.size() >= 11 && (text.at(10) == QLatin1Char(' ') || text.at(10) == QLatin1Char('t')))
        text[10] = QLatin1Char('T');
    if (text.endsWith(QLatin1Char('z')))
        text[text.size() - 1] = QLatin1Char('Z');
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return {};
    // A bare local time carries no zone; UTC is the least surprising reading.
    if (t.timeSpec() == Qt::LocalTime)
        t = QDateTime(t.date(), t.time(), Qt::UTC);
    return t.toUTC();
}

QDateTime parseFeedDate(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.size() >= 10 && trimmed.at(0).isDigit() && trimmed.at(4) == QLatin1Char('-'))
        return parseRfc3339Date(trimmed);
    return parseRfc822Date(trimmed);
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
