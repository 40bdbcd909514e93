#include "feeds/parsers/feeddates.h"

#include <QRegularExpression>
#include <QStringList>
#include <QTimeZone>

#include <algorithm>
#include <optional>

namespace tw {

namespace {
struct ZoneName {
    const char *name;
    int minutes;   // east of UTC
};

// feedparser's zone names (RFC 822's plus ET/CT/MT/PT, AT, MET/MEST and the
// military letters it knows), and the abbreviations news sites print.
constexpr ZoneName kZones[] = {
    {"UT", 0}, {"UTC", 0}, {"GMT", 0}, {"Z", 0}, {"WET", 0},
    {"A", -60}, {"N", 60}, {"M", -720}, {"Y", 720},
    {"ADT", -180}, {"AST", -240}, {"AT", -240},
    {"EDT", -240}, {"EST", -300}, {"ET", -300},
    {"CDT", -300}, {"CST", -360}, {"CT", -360},
    {"MDT", -360}, {"MST", -420}, {"MT", -420},
    {"PDT", -420}, {"PST", -480}, {"PT", -480},
    {"AKDT", -480}, {"AKST", -540}, {"HST", -600}, {"NDT", -150}, {"NST", -210},
    {"MET", 60}, {"MEST", 120}, {"CET", 60}, {"CEST", 120}, {"BST", 60}, {"IST", 330}, {"WEST", 60},
    {"EET", 120}, {"EEST", 180}, {"MSK", 180}, {"JST", 540}, {"KST", 540}, {"HKT", 480}, {"SGT", 480},
    {"AWST", 480}, {"ACST", 570}, {"AEST", 600}, {"AEDT", 660}, {"NZST", 720}, {"NZDT", 780},
    {"BRT", -180}, {"ART", -180},
};

constexpr const char *kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr const char *kWeekdays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

bool isAsciiDigit(QChar c) { return c.unicode() >= u'0' && c.unicode() <= u'9'; }
bool isAsciiLetter(QChar c) { return (c.unicode() | 0x20) >= u'a' && (c.unicode() | 0x20) <= u'z'; }

bool allDigits(QStringView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), isAsciiDigit);
}

bool allLetters(QStringView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), isAsciiLetter);
}

int monthFromName(QStringView name)   // "Apr", "april", "APR." -> 4; 0 when unknown
{
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (name.size() < 3 || !allLetters(name))
        return 0;
    for (int i = 0; i < 12; ++i)
        if (name.first(3).compare(QLatin1String(kMonths[i]), Qt::CaseInsensitive) == 0)
            return i + 1;
    return 0;
}

bool isWeekday(QStringView name)
{
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (name.size() < 3 || !allLetters(name))
        return false;
    for (const char *d : kWeekdays)
        if (name.first(3).compare(QLatin1String(d), Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

int digitsAt(QStringView s, qsizetype at, qsizetype count)   // -1 unless `count` ASCII digits
{
    if (at < 0 || at + count > s.size())
        return -1;
    int value = 0;
    for (qsizetype i = at; i < at + count; ++i) {
        if (!isAsciiDigit(s[i]))
            return -1;
        value = value * 10 + (s[i].unicode() - u'0');
    }
    return value;
}

// "+0200", "-01:01", "+2", "-05" -> minutes east of UTC.
std::optional<int> numericOffset(QStringView z)
{
    if (z.size() < 2 || (z[0] != QLatin1Char('+') && z[0] != QLatin1Char('-')))
        return std::nullopt;
    const int sign = z[0] == QLatin1Char('-') ? -1 : 1;
    const QStringView d = z.sliced(1);
    int hours = -1;
    int minutes = 0;
    if (d.size() == 4 && allDigits(d)) {
        hours = digitsAt(d, 0, 2);
        minutes = digitsAt(d, 2, 2);
    } else if (d.size() == 5 && d[2] == QLatin1Char(':')) {
        hours = digitsAt(d, 0, 2);
        minutes = digitsAt(d, 3, 2);
    } else if (d.size() == 4 && d[1] == QLatin1Char(':')) {
        hours = digitsAt(d, 0, 1);
        minutes = digitsAt(d, 2, 2);
    } else if ((d.size() == 1 || d.size() == 2) && allDigits(d)) {
        hours = digitsAt(d, 0, d.size());
    }
    if (hours < 0 || minutes < 0 || hours > 23 || minutes > 59)
        return std::nullopt;
    return sign * (hours * 60 + minutes);
}

// A zone as feeds write it: a numeric offset, a name, GMT/UTC with an offset
// ("GMT-01:01"), "Etc/GMT". nullopt when it is none of these.
std::optional<int> zoneOffset(QStringView token)
{
    QString z = token.toString().toUpper();
    if (z.startsWith(QLatin1String("(")) && z.endsWith(QLatin1Char(')')))
        z = z.mid(1, z.size() - 2);
    if (z.startsWith(QLatin1String("ETC/")))
        z = z.mid(4);
    for (const char *prefix : {"GMT", "UTC", "UT"}) {
        if (z.startsWith(QLatin1String(prefix)) && z.size() > qsizetype(qstrlen(prefix))
            && (z.at(qstrlen(prefix)) == QLatin1Char('+') || z.at(qstrlen(prefix)) == QLatin1Char('-'))) {
            z = z.mid(qstrlen(prefix));
            break;
        }
    }
    if (z.startsWith(QLatin1Char('+')) || z.startsWith(QLatin1Char('-')))
        return numericOffset(z);
    for (const ZoneName &n : kZones)
        if (z == QLatin1String(n.name))
            return n.minutes;
    return std::nullopt;
}

int fullYear(int year, qsizetype digits)
{
    // feedparser's reading: two-digit years up to 89 are 20xx, 90-99 are 19xx.
    if (digits <= 2)
        return year + (year < 90 ? 2000 : 1900);
    return year;
}

QDateTime utcFrom(const QDate &date, const QTime &time, int offsetMinutes)
{
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC).addSecs(-qint64(offsetMinutes) * 60);
}

// "Wed, 08 Apr 2026 17:00:00 +0000", the shape nearly every feed writes,
// read without splitting (this runs on every item). nullopt for anything
// else, which the general reader then takes.
std::optional<QDateTime> readCanonicalRfc822(QStringView s)
{
    qsizetype i = 0;
    if (s.size() >= 5 && isAsciiLetter(s[0]) && isAsciiLetter(s[1]) && isAsciiLetter(s[2]) && s[3] == QLatin1Char(',')
        && s[4] == QLatin1Char(' '))
        i = 5;
    int day = digitsAt(s, i, 2);
    if (day >= 0)
        i += 2;
    else if ((day = digitsAt(s, i, 1)) >= 0)
        i += 1;
    else
        return std::nullopt;
    if (i + 5 > s.size() || s[i] != QLatin1Char(' ') || !isAsciiLetter(s[i + 1]) || !isAsciiLetter(s[i + 2])
        || !isAsciiLetter(s[i + 3]) || s[i + 4] != QLatin1Char(' '))
        return std::nullopt;
    const int month = monthFromName(s.sliced(i + 1, 3));
    i += 5;
    const int year = digitsAt(s, i, 4);
    if (year < 0 || month < 1 || i + 4 >= s.size() || s[i + 4] != QLatin1Char(' '))
        return std::nullopt;
    i += 5;
    const int hour = digitsAt(s, i, 2);
    const int minute = digitsAt(s, i + 3, 2);
    const int second = digitsAt(s, i + 6, 2);
    if (hour < 0 || minute < 0 || second < 0 || s[i + 2] != QLatin1Char(':') || s[i + 5] != QLatin1Char(':'))
        return std::nullopt;
    i += 8;
    if (i + 1 >= s.size() || s[i] != QLatin1Char(' '))
        return std::nullopt;
    const std::optional<int> offset = zoneOffset(s.sliced(i + 1));
    if (!offset)
        return std::nullopt;
    return utcFrom(QDate(year, month, day), QTime(hour, minute, second), *offset);
}

// Any RFC 822-like arrangement of weekday, day, month name, year, time and
// zone, in the orders feeds use (day and month swapped, asctime's year after
// the time, commas anywhere, a date as yyyy/mm/dd). Every token must be read.
QDateTime readLooseDate(const QString &input)
{
    QString text = input;
    static const QRegularExpression comment(QStringLiteral("\\([^)]*\\)"));
    text.remove(comment);   // "(Eastern Standard Time)"
    const QStringList tokens = text.split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
    int day = -1, month = -1, year = -1;
    qsizetype yearDigits = 4;
    int hour = 0, minute = 0, second = 0;
    bool haveTime = false;
    std::optional<int> offset;
    bool pm = false, am = false;
    for (const QString &tokenText : tokens) {
        const QStringView token(tokenText);
        if (isWeekday(token) && day < 0 && month < 0 && year < 0)
            continue;
        if (const int m = monthFromName(token); m > 0 && month < 0) {
            month = m;
            continue;
        }
        if (token.contains(QLatin1Char(':')) && isAsciiDigit(token[0]) && !haveTime) {
            // hh:mm[:ss[.fff]], possibly with the zone glued on ("17:00:00Z").
            static const QRegularExpression timeRe(QStringLiteral("^(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?([A-Za-z]+|[+-]\\d{2}:?\\d{2})?$"));
            const auto m = timeRe.match(token.toString());
            if (!m.hasMatch())
                return {};
            hour = m.captured(1).toInt();
            minute = m.captured(2).toInt();
            second = m.captured(3).isEmpty() ? 0 : m.captured(3).toInt();
            if (!m.captured(4).isEmpty()) {
                offset = zoneOffset(m.captured(4));
                if (!offset)
                    return {};
            }
            haveTime = true;
            continue;
        }
        if (token.count(QLatin1Char('/')) == 2 && isAsciiDigit(token[0]) && year < 0) {
            const QStringList ymd = token.toString().split(QLatin1Char('/'));
            if (ymd.at(0).size() != 4 || !allDigits(ymd.at(1)) || !allDigits(ymd.at(2)))
                return {};
            year = ymd.at(0).toInt();
            month = ymd.at(1).toInt();
            day = ymd.at(2).toInt();
            continue;
        }
        if (allDigits(token)) {
            if (token.size() <= 2 && day < 0 && (month < 0 || year < 0)) {
                day = token.toInt();
            } else if ((token.size() == 4 || token.size() == 2) && year < 0) {
                year = token.toInt();
                yearDigits = token.size();
            } else {
                return {};
            }
            continue;
        }
        if (token.compare(QLatin1String("pm"), Qt::CaseInsensitive) == 0) {
            pm = true;
            continue;
        }
        if (token.compare(QLatin1String("am"), Qt::CaseInsensitive) == 0) {
            am = true;
            continue;
        }
        if (const std::optional<int> z = zoneOffset(token); z && !offset) {
            offset = z;
            continue;
        }
        if (allLetters(token) && !offset && token.size() <= 5 && haveTime) {
            offset = 0;   // an unknown zone name: UTC, as feedparser reads it
            continue;
        }
        return {};
    }
    if (day < 0 || month < 1 || year < 0)
        return {};
    if (pm && hour < 12)
        hour += 12;
    else if (am && hour == 12)
        hour = 0;
    return utcFrom(QDate(fullYear(year, yearDigits), month, day), QTime(hour, minute, second), offset.value_or(0));
}

// W3C-DTF and the ISO 8601 forms feedparser reads: "2003-12-31T10:14:55Z",
// fractions, "-08:00"/"+0800"/"Z", date only, year-month, year, ordinal days
// ("2003-335", "03335"), two-digit years ("03-12-31", "031231", "-0312"),
// a space before the time or the offset, Google's extra month digit
// ("2003-012-31"). No zone: UTC.
// The time part W3C-DTF allows after a date (hh, mm, ss, fraction, zone),
// a zone only after a time.
QDateTime withIsoTime(const QDate &date, const QRegularExpressionMatch &m, int first)
{
    if (!date.isValid())
        return {};
    const QString fraction = QString(m.captured(first + 3) + QStringLiteral("000")).left(3);   // milliseconds
    const QTime time(m.captured(first).isEmpty() ? 0 : m.captured(first).toInt(),
                     m.captured(first + 1).isEmpty() ? 0 : m.captured(first + 1).toInt(),
                     m.captured(first + 2).isEmpty() ? 0 : m.captured(first + 2).toInt(), fraction.toInt());
    int offset = 0;
    if (const QString z = m.captured(first + 4); !z.isEmpty() && z != QLatin1String("Z") && z != QLatin1String("z")) {
        const std::optional<int> o = numericOffset(z);
        if (!o)
            return {};
        offset = *o;
    }
    return utcFrom(date, time, offset);
}

#define TW_ISO_TIME "(?:[Tt ](\\d{1,2})(?::?(\\d{2})(?::?(\\d{2})(?:[.,](\\d+))?)?)?(?:\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?))?)?$"

QDateTime readIsoDate(QStringView s)
{
    // Four-digit years first: "2003-12" is December, not 2020-03-12.
    static const QRegularExpression fullYear4(QStringLiteral(
        "^(\\d{4})(?:-?(\\d{2,3})(?:-?(\\d{2}))?)?" TW_ISO_TIME));   // 1 year, 2 month or ordinal day, 3 day; time from 4
    static const QRegularExpression twoDigitYear(QStringLiteral(
        "^(?:(\\d{2})-?(\\d{2})-?(\\d{2})|(\\d{2})(\\d{3})|-(\\d{2})-?(\\d{2}))" TW_ISO_TIME));   // time from 8
    const QString text = s.toString();
    if (const auto m = fullYear4.match(text); m.hasMatch()) {
        const int year = m.captured(1).toInt();
        const QString second = m.captured(2);
        QDate date;
        if (second.isEmpty()) {
            date = QDate(year, 1, 1);
        } else if (second.size() == 3 && m.captured(3).isEmpty()) {
            date = QDate(year, 1, 1).addDays(second.toInt() - 1);   // ordinal day
            if (second.toInt() < 1 || date.year() != year)
                date = QDate();
        } else {
            date = QDate(year, second.toInt(), m.captured(3).isEmpty() ? 1 : m.captured(3).toInt());   // "012": Google's December
        }
        if (QDateTime t = withIsoTime(date, m, 4); t.isValid())
            return t;
    }
    const auto m = twoDigitYear.match(text);
    if (!m.hasMatch())
        return {};
    QDate date;
    if (m.hasCaptured(1)) {
        date = QDate(fullYear(m.captured(1).toInt(), 2), m.captured(2).toInt(), m.captured(3).toInt());
    } else if (m.hasCaptured(4)) {
        const int year = fullYear(m.captured(4).toInt(), 2);
        date = QDate(year, 1, 1).addDays(m.captured(5).toInt() - 1);
        if (m.captured(5).toInt() < 1 || date.year() != year)
            return {};
    } else {
        date = QDate(fullYear(m.captured(6).toInt(), 2), m.captured(7).toInt(), 1);
    }
    return withIsoTime(date, m, 8);
}

#undef TW_ISO_TIME

// Greek (feedparser's table): weekday and month abbreviations to English.
QString withGreekNamesInEnglish(const QString &text)
{
    static const std::pair<const char16_t *, const char *> kNames[] = {
        {u"Ιαν", "Jan"}, {u"Φεβ", "Feb"}, {u"Μάώ", "Mar"}, {u"Μαώ", "Mar"}, {u"Απρ", "Apr"}, {u"Μάι", "May"},
        {u"Μαϊ", "May"}, {u"Μαι", "May"}, {u"Ιούν", "Jun"}, {u"Ιον", "Jun"}, {u"Ιούλ", "Jul"}, {u"Ιολ", "Jul"},
        {u"Αύγ", "Aug"}, {u"Αυγ", "Aug"}, {u"Σεπ", "Sep"}, {u"Οκτ", "Oct"}, {u"Νοέ", "Nov"}, {u"Νοε", "Nov"},
        {u"Δεκ", "Dec"}, {u"Κυρ", "Sun"}, {u"Δευ", "Mon"}, {u"Τρι", "Tue"}, {u"Τετ", "Wed"}, {u"Πεμ", "Thu"},
        {u"Παρ", "Fri"}, {u"Σαβ", "Sat"},
    };
    QString out = text;
    for (const auto &[greek, english] : kNames)
        out.replace(QString::fromUtf16(greek), QLatin1String(english));
    return out;
}

// Hungarian month names in an ISO-like date: "2004-július-13T9:15-05:00".
QString withHungarianMonthNumbers(const QString &text)
{
    static const char16_t *const kMonths[] = {u"január", u"február", u"március", u"április", u"május", u"június",
                                              u"július", u"augusztus", u"szeptember", u"október", u"november",
                                              u"december"};
    for (int i = 0; i < 12; ++i) {
        const QString name = QString::fromUtf16(kMonths[i]);
        if (text.contains(name, Qt::CaseInsensitive))
            return QString(text).replace(name, QStringLiteral("%1").arg(i + 1, 2, 10, QLatin1Char('0')), Qt::CaseInsensitive);
    }
    return text;
}

// Korean sites (feedparser's Nate and OnBlog forms), in Korean time (+09:00):
// "2004-05-25 오후 11:23:17" and "2004년 05월 28일  01:31:15".
QDateTime readKoreanDate(const QString &text)
{
    static const QRegularExpression nate(QString::fromUtf16(u"^(\\d{4})-(\\d{2})-(\\d{2})\\s+(오전|오후)\\s+(\\d{1,2}):(\\d{2}):(\\d{2})$"));
    static const QRegularExpression onblog(QString::fromUtf16(u"^(\\d{4})년\\s*(\\d{2})월\\s*(\\d{2})일\\s+(\\d{2}):(\\d{2}):(\\d{2})$"));
    constexpr int kKoreanMinutes = 9 * 60;
    if (const auto m = nate.match(text); m.hasMatch()) {
        int hour = m.captured(5).toInt();
        if (m.captured(4) == QString::fromUtf16(u"오후") && hour < 12)
            hour += 12;
        return utcFrom(QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()),
                       QTime(hour, m.captured(6).toInt(), m.captured(7).toInt()), kKoreanMinutes);
    }
    if (const auto m = onblog.match(text); m.hasMatch())
        return utcFrom(QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()),
                       QTime(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt()), kKoreanMinutes);
    return {};
}

bool looksIso(QStringView s)
{
    // Starts with digits and goes on with '-', 'T' or more digits, not "/" or a month name.
    if (s.isEmpty())
        return false;
    if (s[0] == QLatin1Char('-'))
        return s.size() > 1 && isAsciiDigit(s[1]);
    qsizetype i = 0;
    while (i < s.size() && isAsciiDigit(s[i]))
        ++i;
    return i >= 4 && (i == s.size() || s[i] == QLatin1Char('-') || s[i] == QLatin1Char('T') || s[i] == QLatin1Char('t'));
}
} // namespace

QDateTime parseRfc822Date(const QString &input)
{
    return parseFeedDate(input);   // feeds put ISO dates in pubDate too
}

QDateTime parseRfc3339Date(const QString &input)
{
    return readIsoDate(QStringView(input).trimmed());
}

QDateTime parseFeedDate(const QString &input)
{
    // The shape nearly every item has, before any copy is made.
    if (const auto canonical = readCanonicalRfc822(QStringView(input).trimmed()))
        return *canonical;
    const QString text = input.simplified();
    if (text.isEmpty())
        return {};
    if (looksIso(text)) {
        if (QDateTime t = readIsoDate(text); t.isValid())
            return t;
        if (QDateTime t = readIsoDate(withHungarianMonthNumbers(text)); t.isValid())
            return t;
    }
    if (QDateTime t = readLooseDate(text); t.isValid())
        return t;
    if (QDateTime t = readKoreanDate(text); t.isValid())
        return t;
    if (QDateTime t = readIsoDate(withHungarianMonthNumbers(text)); t.isValid())
        return t;
    return readLooseDate(withGreekNamesInEnglish(text));
}

} // namespace tw
