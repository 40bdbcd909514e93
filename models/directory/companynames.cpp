#include "models/directory/companynames.h"

#include <QRegularExpression>
#include <QSet>

namespace tw {

namespace {
// Legal forms that never belong to the name the news uses.
const QStringList kLegalForms{
    QStringLiteral("inc"), QStringLiteral("incorporated"), QStringLiteral("corp"), QStringLiteral("corporation"),
    QStringLiteral("co"), QStringLiteral("company"), QStringLiteral("ltd"), QStringLiteral("limited"),
    QStringLiteral("plc"), QStringLiteral("p.l.c"), QStringLiteral("llc"), QStringLiteral("l.l.c"),
    QStringLiteral("lp"), QStringLiteral("l.p"), QStringLiteral("n.v"), QStringLiteral("nv"), QStringLiteral("s.a"),
    QStringLiteral("sa"), QStringLiteral("ag"), QStringLiteral("se"), QStringLiteral("asa"), QStringLiteral("ab"),
    QStringLiteral("oyj"), QStringLiteral("s.p.a"), QStringLiteral("spa"), QStringLiteral("gmbh"),
    QStringLiteral("aktiengesellschaft"), QStringLiteral("bhd"), QStringLiteral("tbk"), QStringLiteral("adr"),
    QStringLiteral("ads"), QStringLiteral("a/s"), QStringLiteral("s.a.b"), QStringLiteral("de c.v"),
    QStringLiteral("public"), QStringLiteral("the")};
// Words that describe a group of companies rather than name it; dropped
// unless nothing distinctive would be left ("Booking Holdings" stays).
const QStringList kGroupForms{QStringLiteral("holdings"), QStringLiteral("holding"), QStringLiteral("hldgs"),
                              QStringLiteral("companies")};
// Words after a name that make it a group's ("Goldman Sachs Group").
const QStringList kGroupWords{QStringLiteral("group"), QStringLiteral("holdings"), QStringLiteral("holding")};
// Lower case inside a title-cased name.
const QStringList kSmallWords{QStringLiteral("of"), QStringLiteral("and"), QStringLiteral("the"), QStringLiteral("for"),
                              QStringLiteral("in"), QStringLiteral("on"), QStringLiteral("at"), QStringLiteral("by"),
                              QStringLiteral("to"), QStringLiteral("de"), QStringLiteral("du"), QStringLiteral("la"),
                              QStringLiteral("le"), QStringLiteral("y"), QStringLiteral("del"), QStringLiteral("da")};

constexpr int kMaxOpening = 2;      // a first word opening more names is generic ("American", "First")
constexpr int kMaxShortNameRank = 2000;   // "Costco", "Ford": the larger companies only
constexpr int kMinDescribing = 2;   // a later word after this many different first words describes a business

QString stripTrailingPunctuation(QString s)
{
    while (!s.isEmpty() && (s.back() == QLatin1Char(',') || s.back() == QLatin1Char('&') || s.back().isSpace()
                            || s.back() == QLatin1Char('-')))
        s.chop(1);
    return s;
}

// Removes one trailing legal form ("..., Inc.", "... CORP", "... & Co."); false when none.
bool stripLegalForm(QString &s, const QStringList &forms)
{
    const QString lower = s.toLower();
    for (const QString &form : forms) {
        for (const QString &spelled : {form, QString(form + QLatin1Char('.'))}) {
            if (!lower.endsWith(spelled))
                continue;
            const qsizetype at = s.size() - spelled.size();
            if (at == 0)
                continue;
            const QChar before = s.at(at - 1);
            if (!before.isSpace() && before != QLatin1Char(','))
                continue;
            s = stripTrailingPunctuation(s.left(at));
            return true;
        }
    }
    return false;
}

bool hasLowerCase(const QString &s)
{
    for (QChar c : s) {
        if (c.isLower())
            return true;
    }
    return false;
}

int vowels(QStringView word)
{
    int n = 0;
    for (QChar c : word) {
        if (QStringLiteral("aeiouAEIOU").contains(c))
            ++n;
    }
    return n;
}
} // namespace

QString CompanyNames::displayName(const QString &legalName) const
{
    QString s = legalName.simplified();
    // State and listing suffixes: "/NEW", "/DE/", "\DE\", "Limited/ADR", "CORP/".
    static const QRegularExpression suffix(QStringLiteral("\\s*[/\\\\][A-Za-z .]*[/\\\\]?\\s*$"));
    for (int guard = 0; guard < 4; ++guard) {
        const QString before = s;
        s.remove(suffix);
        s = stripTrailingPunctuation(s.simplified());
        if (s == before)
            break;
    }
    // A parenthesised remark at the end ("(THE)", "(Holding Company)").
    static const QRegularExpression remark(QStringLiteral("\\s*\\([^)]*\\)\\s*$"));
    s.remove(remark);
    for (int guard = 0; guard < 6; ++guard) {
        if (stripLegalForm(s, kLegalForms))
            continue;
        QString shorter = s;
        if (stripLegalForm(shorter, kGroupForms)) {
            // Keep "Booking Holdings": a lone common word is not a name.
            const bool lone = !shorter.contains(QLatin1Char(' '));
            if (!shorter.isEmpty() && !(lone && (m_words.contains(shorter) || shorter.size() <= 2))) {
                s = shorter;
                continue;
            }
        }
        break;
    }
    if (s.startsWith(QLatin1String("The "), Qt::CaseInsensitive) && s.size() > 4)
        s = s.mid(4);
    if (s.isEmpty())
        s = legalName.simplified();
    // A lone short word in capitals is an acronym brand ("SAP", "IBM", "BP").
    const bool acronym = !s.contains(QLatin1Char(' ')) && s.size() <= 4;
    if (!hasLowerCase(s) && !acronym)
        s = titleCased(s);
    // "AMAZON COM" is how EDGAR writes Amazon.com.
    if (s.endsWith(QLatin1String(" com"), Qt::CaseInsensitive) && s.size() > 4)
        s = s.left(s.size() - 4) + QStringLiteral(".com");
    return s;
}

QString CompanyNames::titleCased(const QString &capitals) const
{
    const QStringList words = capitals.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList out;
    for (qsizetype i = 0; i < words.size(); ++i)
        out << titleCasedWord(words.at(i), i == 0);
    QString joined = out.join(QLatin1Char(' '));
    if (joined.endsWith(QLatin1String(".COM")))
        joined = joined.left(joined.size() - 4) + QStringLiteral(".com");
    return joined;
}

QString CompanyNames::titleCasedWord(const QString &word, bool first) const
{
    // AT&T, S&P, 3M, 7-ELEVEN: symbols and figures stay as written.
    for (QChar c : word) {
        if (c == QLatin1Char('&') || c.isDigit())
            return word;
    }
    const QString lower = word.toLower();
    if (!first && kSmallWords.contains(lower))
        return lower;
    // Parts joined by - ' . are cased one by one: Coca-Cola, O'Reilly, T-Mobile.
    QString out;
    QString part;
    auto flush = [&] {
        if (part.isEmpty())
            return;
        const QString p = part.toLower();
        const bool word = m_words.contains(p);
        if (part.size() <= 2 && !word)
            out += part;                               // GE, BP, US
        else if (part.size() == 3 && !word && vowels(part) <= 1)
            out += part;                               // IBM, CSX, KLA
        else if (part.size() == 4 && !word && vowels(part) <= 1)
            out += part;                               // HSBC, MSCI, ASML
        else if (p.startsWith(QLatin1String("mc")) && part.size() > 3)
            out += QStringLiteral("Mc") + p.at(2).toUpper() + p.mid(3);   // McKesson
        else
            out += p.at(0).toUpper() + p.mid(1);
        part.clear();
    };
    for (QChar c : word) {
        if (c == QLatin1Char('-') || c == QLatin1Char('\'') || c == QLatin1Char('.')) {
            flush();
            out += c;
        } else {
            part += c;
        }
    }
    flush();
    return out;
}

void CompanyNames::learn(const QStringList &displayNames)
{
    m_opening.clear();
    m_describing.clear();
    QHash<QString, QSet<QString>> openers;
    for (const QString &name : displayNames) {
        const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.size() < 2)
            continue;
        const QString first = words.first().toLower();
        m_opening[first] += 1;
        // Counted once per first word, so a fund family ("Goldman Sachs ... ETF")
        // does not make "Sachs" look like a description.
        for (qsizetype i = 1; i < words.size(); ++i)
            openers[words.at(i).toLower()].insert(first);
    }
    for (auto it = openers.cbegin(); it != openers.cend(); ++it)
        m_describing.insert(it.key(), int(it.value().size()));
}

QStringList CompanyNames::aliases(const QString &displayName, int rank) const
{
    QStringList out{displayName};
    if (displayName.endsWith(QLatin1String(".com"), Qt::CaseInsensitive) && displayName.size() > 6
        && !displayName.contains(QLatin1Char(' ')))
        out << displayName.left(displayName.size() - 4);
    const QStringList words = displayName.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // "Goldman Sachs Group" is "Goldman Sachs" in the news: a group word after
    // a name of two words or more (one word is the short name below, or none).
    if (words.size() >= 3 && kGroupWords.contains(words.last().toLower()))
        out << QStringList(words.mid(0, words.size() - 1)).join(QLatin1Char(' '));
    if (words.size() >= 2) {
        const QString first = words.first();
        const QString firstLower = first.toLower();
        bool describes = true;
        for (qsizetype i = 1; i < words.size(); ++i)
            describes = describes && m_describing.value(words.at(i).toLower()) >= kMinDescribing;
        if (describes && rank < kMaxShortNameRank && first.size() >= 3 && m_opening.value(firstLower) <= kMaxOpening
            && m_describing.value(firstLower) < kMinDescribing && !kSmallWords.contains(firstLower)
            && first.at(0).isLetter())
            out << first;
    }
    out.removeDuplicates();
    return out;
}

} // namespace tw
