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

QString plainTextFromHtml(const QString &html)
{
    static const QRegularExpression dropped(QStringLiteral("<(script|style)\\b[^>]*>.*?</\\1\\s*>"),
                                            QRegularExpression::CaseInsensitiveOption
                                                | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression breaks(QStringLiteral("<(br|/p|/div|/li|/h[1-6])\\b[^>]*>"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    static const QRegularExpression spaces(QStringLiteral("[ \\t\\r\\f\\x{00A0}]+"));
    static const QRegularExpression blankLines(QStringLiteral("\\s*\\n\\s*(\\n\\s*)+"));

    QString text = html;
    if (text.contains(QLatin1Char('<'))) {
        text.remove(dropped);
        text.replace(breaks, QStringLiteral("\n"));
        text.remove(tags);
    }
    text = decodeEntities(text);
    // Entity-escaped HTML ("&lt;p&gt;") decodes into tags: strip once more.
    if (text.contains(QLatin1Char('<')) && text.contains(QLatin1Char('>'))) {
        text.remove(dropped);
        text.replace(breaks, QStringLiteral("\n"));
        text.remove(tags);
    }
    text.replace(spaces, QStringLiteral(" "));
    text.replace(blankLines, QStringLiteral("\n\n"));
    return text.trimmed();
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
