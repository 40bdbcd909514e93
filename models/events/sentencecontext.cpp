#include "models/events/sentencecontext.h"

#include <QSet>

#include <algorithm>

namespace tw {

namespace {
// What a UTF-16 unit stands for in a screen: ASCII in lower case, the
// non-ASCII characters PCRE2 matches caselessly against ASCII letters, and
// the quotes and currency signs the detectors' words use; anything else
// matches no word.
constexpr char screenByte(char16_t c)
{
    if (c < 0x80)
        return c >= u'A' && c <= u'Z' ? char(c - u'A' + 'a') : char(c);
    switch (c) {
    case 0x017F: return 's';   // LATIN SMALL LETTER LONG S
    case 0x212A: return 'k';   // KELVIN SIGN
    case 0x2019: return '\''; // RIGHT SINGLE QUOTATION MARK ("Meta’s")
    case 0x20AC:               // €
    case 0x00A3: return '$';   // £
    default: return '\x7f';
    }
}
} // namespace

KeywordScreen::KeywordScreen(QStringView text) : m_screening(true)
{
    static constexpr std::array<char, 128> kAsciiByte = [] {
        std::array<char, 128> bytes{};
        for (int c = 0; c < 128; ++c)
            bytes[size_t(c)] = screenByte(char16_t(c));
        return bytes;
    }();
    m_folded.resize(size_t(text.size()));
    char *const folded = m_folded.data();
    const char16_t *const units = text.utf16();
    std::uint64_t low = 0;    // bytes 0-63 seen
    std::uint64_t high = 0;   // bytes 64-127
    unsigned previous = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = units[i];
        const char byte = u < 0x80 ? kAsciiByte[u] : screenByte(u);
        folded[i] = byte;
        const unsigned b = static_cast<unsigned char>(byte);
        const std::uint64_t bit = std::uint64_t(1) << (b % 64);
        low |= b < 64 ? bit : 0;
        high |= b < 64 ? 0 : bit;
        if (i > 0) {
            const unsigned pair = previous * 128 + b;
            m_pairs[pair / 64] |= std::uint64_t(1) << (pair % 64);
        }
        previous = b;
    }
    m_bytes = {low, high};
}

bool KeywordScreen::mayContain(std::string_view word) const
{
    if (word.empty())
        return true;
    if (!hasByte(static_cast<unsigned char>(word[0]) & 0x7f))
        return false;
    for (size_t i = 1; i < word.size(); ++i)
        if (!hasPair(static_cast<unsigned char>(word[i - 1]) & 0x7f, static_cast<unsigned char>(word[i]) & 0x7f))
            return false;
    return std::string_view(m_folded).find(word) != std::string_view::npos;
}

bool KeywordScreen::mayContainAny(std::initializer_list<std::string_view> words) const
{
    if (!m_screening)
        return true;
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return mayContain(w); });
}

const QString &properNamePattern()
{
    static const QString pattern =
        QStringLiteral("[A-Z][A-Za-z0-9+-]*(?:\\.\\d+)?(?:[ ](?:[A-Z][A-Za-z0-9+-]*(?:\\.\\d+)?|\\d+(?:\\.\\d+)?))*");
    return pattern;
}

bool isStopName(const QString &name)
{
    static const QSet<QString> stop{
        QStringLiteral("AI"), QStringLiteral("US"), QStringLiteral("UK"), QStringLiteral("EU"), QStringLiteral("API"),
        QStringLiteral("CEO"), QStringLiteral("CFO"), QStringLiteral("The"), QStringLiteral("This"),
        QStringLiteral("That"), QStringLiteral("These"), QStringLiteral("It"), QStringLiteral("Its"),
        QStringLiteral("A"), QStringLiteral("An"), QStringLiteral("On"), QStringLiteral("In"), QStringLiteral("For"),
        QStringLiteral("With"), QStringLiteral("After"), QStringLiteral("As"), QStringLiteral("But"),
        QStringLiteral("And"), QStringLiteral("When"), QStringLiteral("While"), QStringLiteral("His"),
        QStringLiteral("Her"), QStringLiteral("Their"), QStringLiteral("Shares"), QStringLiteral("Stock"),
        QStringLiteral("Monday"), QStringLiteral("Tuesday"), QStringLiteral("Wednesday"), QStringLiteral("Thursday"),
        QStringLiteral("Friday"), QStringLiteral("Saturday"), QStringLiteral("Sunday"), QStringLiteral("January"),
        QStringLiteral("February"), QStringLiteral("March"), QStringLiteral("April"), QStringLiteral("May"),
        QStringLiteral("June"), QStringLiteral("July"), QStringLiteral("August"), QStringLiteral("September"),
        QStringLiteral("October"), QStringLiteral("November"), QStringLiteral("December"), QStringLiteral("Chief"),
        QStringLiteral("Explainer"), QStringLiteral("Opinion"), QStringLiteral("Analysis"), QStringLiteral("Commentary"),
    };
    const QString first = name.section(QLatin1Char(' '), 0, 0);
    return stop.contains(name) || stop.contains(first);
}

QString cleanName(QString name)
{
    name = name.trimmed();
    while (!name.isEmpty() && (name.back() == QLatin1Char('.') || name.back() == QLatin1Char('-')))
        name.chop(1);
    return name;
}

namespace {
// Words that may open a sentence about a company without naming it.
bool isReferenceOpener(const QString &word)
{
    static const QSet<QString> openers{
        QStringLiteral("The"),   QStringLiteral("This"),   QStringLiteral("That"),    QStringLiteral("These"),
        QStringLiteral("It"),    QStringLiteral("Its"),    QStringLiteral("His"),     QStringLiteral("Her"),
        QStringLiteral("Their"), QStringLiteral("They"),   QStringLiteral("He"),      QStringLiteral("She"),
        QStringLiteral("Shares"), QStringLiteral("Stock"), QStringLiteral("At"),      QStringLiteral("In"),
        QStringLiteral("On"),    QStringLiteral("For"),    QStringLiteral("After"),   QStringLiteral("As"),
        QStringLiteral("But"),   QStringLiteral("And"),    QStringLiteral("When"),    QStringLiteral("While"),
        QStringLiteral("With"),  QStringLiteral("Since"),  QStringLiteral("Despite"), QStringLiteral("Still"),
        QStringLiteral("So"),    QStringLiteral("Yet"),    QStringLiteral("Then"),    QStringLiteral("Now"),
        QStringLiteral("Earlier"), QStringLiteral("Later"), QStringLiteral("Meanwhile"), QStringLiteral("Also"),
        QStringLiteral("A"),     QStringLiteral("An"),
        // A company's own newsroom speaks in the first person.
        QStringLiteral("We"),    QStringLiteral("Our"),    QStringLiteral("Today"),
    };
    return openers.contains(word);
}

bool isHarmlessCapital(const QString &word)
{
    return isStopName(word) && !isReferenceOpener(word);
}
} // namespace

QString SentenceContext::actorBefore(qsizetype position, bool *explicitly) const
{
    if (explicitly)
        *explicitly = false;
    for (const EntityMention &m : companies) {
        if (m.start < position) {
            if (explicitly)
                *explicitly = true;
            return m.ticker;
        }
    }
    if (primary.isEmpty())
        return QString();
    // Not the letters of a figure ("$115B").
    static const QRegularExpression word(QStringLiteral("(?<![\\w$€£.])[A-Za-z][A-Za-z'’]*"));
    int index = 0;
    for (auto it = word.globalMatch(text.left(position)); it.hasNext(); ++index) {
        const QString w = it.next().captured(0);
        if (!w.front().isUpper())
            continue;
        if (index == 0 && isReferenceOpener(w))
            continue;
        if (isHarmlessCapital(w))
            continue;
        return QString();  // an unknown name acts here: not ours to claim
    }
    return primary;
}

QString SentenceContext::nearestActorBefore(qsizetype position, bool *explicitly) const
{
    const EntityMention *nearest = nullptr;
    for (const EntityMention &m : companies)
        if (m.start < position)
            nearest = &m;
    if (!nearest)
        return actorBefore(position, explicitly);
    if (explicitly)
        *explicitly = true;
    return nearest->ticker;
}

QString SentenceContext::anyActor(bool *explicitly) const
{
    if (!companies.isEmpty()) {
        if (explicitly)
            *explicitly = true;
        return companies.first().ticker;
    }
    return actorBefore(text.size(), explicitly);
}

EventDate SentenceContext::dateNear(qsizetype position) const
{
    for (const DateMention &d : dates)
        if (d.start >= position)
            return d.date;
    if (!dates.isEmpty())
        return dates.last().date;
    return EventDate{published, DatePrecision::Day, DateBasis::Published};
}

} // namespace tw
