#include "models/linking/nameindex.h"

namespace tw {

namespace {
// Hyphenated forms that still name the company ("Meta-owned WhatsApp");
// any other hyphenated continuation ("meta-analysis") does not.
bool allowedHyphenSuffix(QStringView lower)
{
    static const QStringList suffixes{QStringLiteral("owned"), QStringLiteral("backed"), QStringLiteral("led"),
                                      QStringLiteral("based"), QStringLiteral("made"), QStringLiteral("built"),
                                      QStringLiteral("parent"), QStringLiteral("funded"), QStringLiteral("designed"),
                                      QStringLiteral("branded"), QStringLiteral("run"), QStringLiteral("operated"),
                                      QStringLiteral("powered"), QStringLiteral("protected"), QStringLiteral("hosted"),
                                      QStringLiteral("sponsored"), QStringLiteral("affiliated"), QStringLiteral("listed")};
    return suffixes.contains(lower);
}

// EDGAR drops apostrophes ("MCDONALDS CORP", "LOWES COMPANIES", "DICKS
// SPORTING GOODS"): a name's word that may be a possessive ("mcdonalds") is
// also looked for as one ("McDonald's"); not one ending in "ss", "us" or
// "is" ("Express", "Nexus", "Paris"). A name such as "Williams" passes: its
// possessive form still needs what every name needs to link.
bool mayBePossessive(const QString &lower)
{
    return lower.size() >= 4 && lower.endsWith(QLatin1Char('s')) && !lower.endsWith(QLatin1String("ss"))
        && !lower.endsWith(QLatin1String("us")) && !lower.endsWith(QLatin1String("is"));
}
} // namespace

void NameIndex::add(const QString &name, int owner)
{
    const TokenizedText t = TextTokenizer::tokenize(name);
    if (t.tokens.isEmpty())
        return;
    Entry e;
    for (const TextToken &tok : t.tokens)
        e.words << tok.lower.toString();
    e.firstAsWritten = t.tokens.first().text.toString();
    e.owner = owner;
    // A name written with its possessive ("BJ's Wholesale Club", "DICK'S
    // Sporting Goods") is matched where the text writes it so.
    for (qsizetype k = 0; k < t.tokens.size() && e.possessiveAt < 0; ++k) {
        if (t.tokens.at(k).possessive && k + 1 < t.tokens.size())
            e.possessiveAt = int(k);
    }
    insert(e);
    for (qsizetype k = 0; k < e.words.size(); ++k) {
        if (e.possessiveAt >= 0 || t.tokens.at(k).possessive || !mayBePossessive(e.words.at(k)))
            continue;
        Entry possessive = e;
        possessive.words[k].chop(1);
        possessive.possessiveAt = int(k);
        if (k == 0)
            possessive.firstAsWritten.chop(1);
        insert(possessive);
    }
}

void NameIndex::insert(const Entry &e)
{
    const size_t bit = firstBit(wordHash(e.words.first()));
    m_firstBits[bit / 64] |= std::uint64_t(1) << (bit % 64);
    QList<Entry> &list = m_byFirst[e.words.first()];
    for (const Entry &existing : list) {
        if (existing.owner == e.owner && existing.words == e.words && existing.possessiveAt == e.possessiveAt)
            return;
    }
    list << e;
    ++m_count;
}

void NameIndex::longest(const QList<TextToken> &tokens, qsizetype at, const QHash<int, int> *skipOwners,
                        int &length, QVarLengthArray<int, 4> *owners) const
{
    const TextToken &first = tokens.at(at);
    if (first.hyphenBefore)
        return;   // "non-Meta", "anti-Amazon" name something else
    const auto it = m_byFirst.find(HashedWord(first));
    if (it == m_byFirst.end())
        return;
    for (const Entry &e : it->second) {
        const qsizetype n = e.words.size();
        if (n < length || at + n > tokens.size())
            continue;
        // A name is written with a capital ("apple" is fruit, "metadata" a word),
        // unless the name itself starts in lower case ("eBay").
        if (!first.capitalized && first.text != e.firstAsWritten)
            continue;
        bool ok = e.possessiveAt < 0 || tokens.at(at + e.possessiveAt).possessive;
        for (qsizetype k = 1; k < n && ok; ++k) {
            const TextToken &t = tokens.at(at + k);
            ok = t.lower == e.words.at(k) && t.sentence == first.sentence
                && (!tokens.at(at + k - 1).possessive || e.possessiveAt == k - 1);
        }
        if (!ok)
            continue;
        // Last, as the rarest reason to pass over a name (the filters' order changes nothing).
        if (skipOwners && skipOwners->contains(e.owner))
            continue;
        const TextToken &last = tokens.at(at + n - 1);
        if (last.hyphenAfter && !last.possessive && at + n < tokens.size()
            && !allowedHyphenSuffix(tokens.at(at + n).lower))
            continue;   // "Meta-analysis", "Apple-flavoured"
        if (n > length) {
            length = int(n);
            if (owners)
                owners->clear();
        }
        if (owners && !owners->contains(e.owner))
            owners->append(e.owner);
    }
}

} // namespace tw
