#pragma once

#include "models/linking/texttokens.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

#include <array>
#include <cstdint>
#include <unordered_map>

namespace tw {

// Names as word sequences, looked up by their first word (lower case), so a
// text is matched against every name in the directory in one pass over its words.
class NameIndex {
public:
    struct Entry {
        QStringList words;      // lower case
        QString firstAsWritten; // the name's first word as written ("eBay" matches only so)
        int owner = 0;
        int possessiveAt = -1;  // the word the text must write possessive: EDGAR's "McDonalds" is "McDonald's"
    };

    void add(const QString &name, int owner);

    // The longest name starting at token `at` (same sentence, capitalised as a
    // name is), its length in tokens and every owner of that name; 0 when none.
    struct Match {
        int length = 0;
        QVarLengthArray<int, 4> owners;
    };
    Match longestAt(const QList<TextToken> &tokens, qsizetype at, const QHash<int, int> *skipOwners = nullptr) const
    {
        Match best;
        if (mayStartName(tokens.at(at)))
            longest(tokens, at, skipOwners, best.length, &best.owners);
        return best;
    }
    // longestAt(...).length, without collecting the owners.
    int longestLengthAt(const QList<TextToken> &tokens, qsizetype at, const QHash<int, int> *skipOwners = nullptr) const
    {
        int length = 0;
        if (mayStartName(tokens.at(at)))
            longest(tokens, at, skipOwners, length, nullptr);
        return length;
    }

    qsizetype size() const { return m_count; }

private:
    // Most words start no name: a bit per first-word hash (its top bits) says
    // so without a look-up. A set bit may be another word's: the look-up decides.
    static constexpr int kFirstBitsLog2 = 16;
    static size_t firstBit(size_t hash) { return hash >> (sizeof(size_t) * 8 - kFirstBitsLog2); }
    bool mayStartName(const TextToken &t) const
    {
        const size_t bit = firstBit(t.lowerHash);
        return (m_firstBits[bit / 64] >> (bit % 64)) & 1U;
    }
    void insert(const Entry &e);
    void longest(const QList<TextToken> &tokens, qsizetype at, const QHash<int, int> *skipOwners, int &length,
                 QVarLengthArray<int, 4> *owners) const;

    std::unordered_map<QString, QList<Entry>, WordHasher, WordEqual> m_byFirst;
    std::array<std::uint64_t, (size_t(1) << kFirstBitsLog2) / 64> m_firstBits{};
    qsizetype m_count = 0;
};

} // namespace tw
