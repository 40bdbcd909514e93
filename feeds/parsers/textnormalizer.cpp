#include "parsers/textnormalizer.h"

#include <QCryptographicHash>
#include <QHash>
#include <QRegularExpression>
#include <QTimeZone>

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

QString decodeEntities(const QString &text)
{
    static const QRegularExpression entity(QStringLiteral("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);"));
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    auto it = entity.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        bool ok = false;
        uint code = 0;
        if (name.startsWith(QLatin1String("#x")))
            code = name.mid(2).toUInt(&ok, 16);
        else if (name.startsWith(QLatin1Char('#')))
            code = name.mid(1).toUInt(&ok, 10);
        if (ok && code > 0 && code <= 0x10FFFF) {
            const char32_t c = code;
            out += QString::fromUcs4(&c, 1);
        } else if (auto found = namedEntities().constFind(name); found != namedEntities().cend()) {
            out += *found;
        } else {
            out += m.captured(0);
        }
        last = m.capturedEnd();
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

// One linear pass: tags dropped, block ends and <br> become newlines,
// <script>/<style> elements dropped with their content.
QString stripTags(const QString &html)
{
    static const QRegularExpression dropped(QStringLiteral("<(script|style)\\b[^>]*>.*?</\\1\\s*>"),
                                            QRegularExpression::CaseInsensitiveOption
                                                | QRegularExpression::DotMatchesEverythingOption);
    QString text = html;
    if (text.contains(QLatin1String("<script"), Qt::CaseInsensitive) || text.contains(QLatin1String("<style"), Qt::CaseInsensitive))
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

QDateTime parseRfc822Date(const QString &input)
{
    static const QRegularExpression re(QStringLiteral(
        "^(?:[A-Za-z]{3,},?\\s*)?(\\d{1,2})\\s+([A-Za-z]{3,})\\.?\\s+(\\d{2,4})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*"
        "([+-]\\d{4}|[+-]\\d{2}:\\d{2}|[A-Za-z]{1,5})?"));
    static const QStringList months{QStringLiteral("jan"), QStringLiteral("feb"), QStringLiteral("mar"),
                                    QStringLiteral("apr"), QStringLiteral("may"), QStringLiteral("jun"),
                                    QStringLiteral("jul"), QStringLiteral("aug"), QStringLiteral("sep"),
                                    QStringLiteral("oct"), QStringLiteral("nov"), QStringLiteral("dec")};
    static const QHash<QString, int> zones{
        {QStringLiteral("UT"), 0},       {QStringLiteral("UTC"), 0},      {QStringLiteral("GMT"), 0},
        {QStringLiteral("Z"), 0},        {QStringLiteral("EST"), -5 * 60}, {QStringLiteral("EDT"), -4 * 60},
        {QStringLiteral("CST"), -6 * 60}, {QStringLiteral("CDT"), -5 * 60}, {QStringLiteral("MST"), -7 * 60},
        {QStringLiteral("MDT"), -6 * 60}, {QStringLiteral("PST"), -8 * 60}, {QStringLiteral("PDT"), -7 * 60},
        {QStringLiteral("BST"), 60},     {QStringLiteral("CET"), 60},     {QStringLiteral("CEST"), 120},
    };

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
