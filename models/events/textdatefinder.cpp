#include "models/events/textdatefinder.h"

#include "models/events/sentencecontext.h"

#include <QRegularExpression>

namespace tw {

namespace {
const QString kMonths = QStringLiteral(
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?");
const QString kWeekdays = QStringLiteral("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday");

int monthNumber(QString written)
{
    written = written.left(3).toLower();
    static const QStringList names{QStringLiteral("jan"), QStringLiteral("feb"), QStringLiteral("mar"),
                                   QStringLiteral("apr"), QStringLiteral("may"), QStringLiteral("jun"),
                                   QStringLiteral("jul"), QStringLiteral("aug"), QStringLiteral("sep"),
                                   QStringLiteral("oct"), QStringLiteral("nov"), QStringLiteral("dec")};
    return int(names.indexOf(written)) + 1;
}

int weekdayNumber(const QString &written)
{
    static const QStringList names = kWeekdays.split(QLatin1Char('|'));
    return int(names.indexOf(written)) + 1;
}

// Whether the text has a month's capitalised first three letters, as every
// month name and abbreviation the patterns match starts.
bool namesAMonth(QStringView text)
{
    static constexpr char16_t kStarts[12][3] = {{u'J', u'a', u'n'}, {u'F', u'e', u'b'}, {u'M', u'a', u'r'},
                                                {u'A', u'p', u'r'}, {u'M', u'a', u'y'}, {u'J', u'u', u'n'},
                                                {u'J', u'u', u'l'}, {u'A', u'u', u'g'}, {u'S', u'e', u'p'},
                                                {u'O', u'c', u't'}, {u'N', u'o', u'v'}, {u'D', u'e', u'c'}};
    const char16_t *const units = text.utf16();
    for (qsizetype i = 0; i + 3 <= text.size(); ++i) {
        const char16_t c = units[i];
        if (c < u'A' || c > u'S')
            continue;   // A, D, F, J, M, N, O and S: most characters are no first letter
        for (const auto &start : kStarts) {
            if (c == start[0] && units[i + 1] == start[1] && units[i + 2] == start[2])
                return true;
        }
    }
    return false;
}

// A date written without its year belongs to the publication year, unless
// that would put it well after publication ("on December 30" in a January
// article means last December).
QDate withInferredYear(int month, int day, QDate published)
{
    QDate d(published.year(), month, day);
    if (d.isValid() && d > published.addDays(31))
        d = QDate(published.year() - 1, month, day);
    return d;
}

// The day a match writes with its month and day in the groups given and its
// year, when written, in group 3 ("May 4", "4 May 2026").
QDate writtenDay(const QRegularExpressionMatch &m, int monthGroup, int dayGroup, QDate published)
{
    const int month = monthNumber(m.captured(monthGroup));
    const int day = m.captured(dayGroup).toInt();
    return m.captured(3).isEmpty() ? withInferredYear(month, day, published) : QDate(m.captured(3).toInt(), month, day);
}

void add(QList<DateMention> &out, QDate date, DatePrecision precision, const QRegularExpressionMatch &m)
{
    if (!date.isValid())
        return;
    const bool overlaps = std::any_of(out.cbegin(), out.cend(), [&](const DateMention &d) {
        return m.capturedStart(0) < d.start + d.length && m.capturedEnd(0) > d.start;
    });
    if (!overlaps)
        out << DateMention{EventDate{date, precision, DateBasis::Text}, m.capturedStart(0), m.capturedLength(0)};
}
} // namespace

QList<DateMention> TextDateFinder::find(QStringView sentence, QDate published)
{
    static const QRegularExpression iso(QStringLiteral("\\b(20\\d\\d|19\\d\\d)-(\\d\\d)-(\\d\\d)\\b"));
    static const QRegularExpression monthDay(
        QStringLiteral("\\b(%1) (\\d{1,2})(?:st|nd|rd|th)?\\b(?:,? ((?:19|20)\\d\\d)\\b)?").arg(kMonths));
    static const QRegularExpression dayMonth(
        QStringLiteral("\\b(\\d{1,2}) (%1)(?: ((?:19|20)\\d\\d))?\\b").arg(kMonths));
    static const QRegularExpression monthYear(QStringLiteral("\\b(%1),? ((?:19|20)\\d\\d)\\b").arg(kMonths));
    // A month without a year only after "in"/"during" ("May" is also a verb).
    static const QRegularExpression inMonth(QStringLiteral("\\b(?:in|during|since|early|late) (%1)\\b").arg(kMonths));
    static const QRegularExpression weekday(
        QStringLiteral("\\b(?:on|last|this|since) (%1)\\b|\\b(%1)'s\\b").arg(kWeekdays));
    static const QRegularExpression relativeDay(QStringLiteral("\\b(yesterday|today)\\b"),
                                                QRegularExpression::CaseInsensitiveOption);

    const QString text = sentence.toString();
    QList<DateMention> found;
    if (!published.isValid())
        published = QDate::currentDate();

    // Each block's patterns need one of the words it screens for, so most
    // sentences skip most patterns.
    const KeywordScreen screen(text);
    if (screen.mayContainAny({"-"}) && screen.mayContainAny({"19", "20"})) {
        for (auto it = iso.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            add(found, QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()), DatePrecision::Day, m);
        }
    }
    // The month patterns need a month name (case-sensitive), and \d is an
    // ASCII digit (no UseUnicodePropertiesOption): "market" or "decline" is
    // no reason to run them.
    if (screen.mayContainAny({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"})
        && namesAMonth(text)) {
        if (screen.mayContainAny({"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"})) {   // a day or a year
            for (auto it = monthDay.globalMatch(text); it.hasNext();) {
                const auto m = it.next();
                add(found, writtenDay(m, 1, 2, published), DatePrecision::Day, m);
            }
            for (auto it = dayMonth.globalMatch(text); it.hasNext();) {
                const auto m = it.next();
                add(found, writtenDay(m, 2, 1, published), DatePrecision::Day, m);
            }
            for (auto it = monthYear.globalMatch(text); it.hasNext();) {
                const auto m = it.next();
                add(found, QDate(m.captured(2).toInt(), monthNumber(m.captured(1)), 1), DatePrecision::Month, m);
            }
        }
        for (auto it = inMonth.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            const QDate d = withInferredYear(monthNumber(m.captured(1)), 1, published);
            add(found, d, DatePrecision::Month, m);
        }
    }
    if (screen.mayContainAny({"day"})) {  // weekdays, "yesterday", "today"
        for (auto it = weekday.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            const int wanted = weekdayNumber(m.captured(1).isEmpty() ? m.captured(2) : m.captured(1));
            QDate d = published;
            while (d.dayOfWeek() != wanted)
                d = d.addDays(-1);
            add(found, d, DatePrecision::Day, m);
        }
        for (auto it = relativeDay.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            add(found, m.captured(1).toLower() == QLatin1String("yesterday") ? published.addDays(-1) : published,
                DatePrecision::Day, m);
        }
    }
    std::sort(found.begin(), found.end(), [](const DateMention &a, const DateMention &b) { return a.start < b.start; });
    return found;
}

} // namespace tw
