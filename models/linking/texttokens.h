#pragma once

#include <QHashFunctions>
#include <QList>
#include <QString>
#include <QStringView>
#include <QVarLengthArray>

#include <array>
#include <cstdint>
#include <unordered_set>

namespace tw {

// A word of a text as entity linking sees it: letters and figures, with
// inner '.', '&' and apostrophes kept ("Amazon.com", "AT&T", "U.S", "COST.O");
// a possessive "'s" is split off into a flag, hyphens split words.
// The token's strings are views: `text` into the tokenized text, `lower` into
// its TokenizedText; neither outlives them.
struct TextToken {
    qsizetype start = 0;        // in the text
    qsizetype length = 0;       // without the possessive
    QStringView text;
    QStringView lower;
    size_t lowerHash = 0;       // wordHash(lower): computed once, for every word set the token is looked up in
    int sentence = 0;           // index of the sentence it is in
    bool sentenceStart = false; // first word of its sentence
    bool possessive = false;    // "Meta's", "Amazon’s"
    bool hyphenBefore = false;  // joined to the previous word by '-' ("Meta-owned")
    bool hyphenAfter = false;
    bool capitalized = false;   // first letter upper case
    bool allCaps = false;       // every letter upper case, at least one letter
};

// The tokens of a text and what kind of text it is, per sentence: headlines
// in Title Case or ALL CAPS say nothing by their capitals.
struct TokenizedText {
    QList<TextToken> tokens;
    // Most texts the linker sees are a headline or a few sentences: no allocation for those.
    QVarLengthArray<bool, 8> titleCase;      // per sentence
    QVarLengthArray<bool, 8> capitals;       // per sentence: mostly all-caps words
    // What TextToken::lower views: the text with its tokens in lower case
    // (other characters as they were), and the few lower cases longer than their word.
    QString folded;
    QList<QString> longerFolds;
};

class TextTokenizer {
public:
    // The result views `text`: keep the text alive and unchanged while it is used.
    static TokenizedText tokenize(QStringView text);
};

// The hash of a word as HashedWordSet and NameIndex use it: FNV-1a over the
// UTF-16 units, so the tokenizer can hash a word in the same pass that folds
// it (qHash would be a second pass and a call per word).
constexpr size_t kWordHashSeed = 14695981039346656037ULL;
constexpr size_t wordHashStep(size_t hash, char16_t unit)
{
    return (hash ^ unit) * 1099511628211ULL;
}
inline size_t wordHash(QStringView word)
{
    size_t hash = kWordHashSeed;
    for (const QChar c : word)
        hash = wordHashStep(hash, c.unicode());
    return hash;
}

// A word and its hash, to look it up without hashing it again.
struct HashedWord {
    QStringView text;
    size_t hash = 0;

    explicit HashedWord(QStringView word) : text(word), hash(wordHash(word)) {}
    explicit HashedWord(const TextToken &t) : text(t.lower), hash(t.lowerHash) {}
};

// Hash and equality for containers of QString words that are looked up by
// HashedWord (C++20 heterogeneous look-up): a token's word is hashed once by
// the tokenizer, not again by each of the sets it is looked up in.
struct WordHasher {
    using is_transparent = void;
    size_t operator()(const QString &word) const { return wordHash(word); }
    size_t operator()(const HashedWord &word) const { return word.hash; }
};
struct WordEqual {
    using is_transparent = void;
    bool operator()(const QString &a, const QString &b) const { return a == b; }
    bool operator()(const HashedWord &a, const QString &b) const { return a.text == b; }
    bool operator()(const QString &a, const HashedWord &b) const { return a == b.text; }
};

// A set of words (lower case) that a token is looked up in by its hash.
// Most words looked up are not in it: a bit per hash (its top bits) says so
// without the look-up; a set bit may be another word's, the look-up decides.
class HashedWordSet {
public:
    void insert(const QString &word)
    {
        const size_t bit = wordBit(wordHash(word));
        m_bits[bit / 64] |= std::uint64_t(1) << (bit % 64);
        m_words.insert(word);
    }
    bool contains(const HashedWord &word) const
    {
        const size_t bit = wordBit(word.hash);
        return ((m_bits[bit / 64] >> (bit % 64)) & 1U) && m_words.find(word) != m_words.end();
    }
    bool contains(const TextToken &t) const { return contains(HashedWord(t)); }
    bool contains(QStringView word) const { return contains(HashedWord(word)); }

private:
    static constexpr int kBitsLog2 = 14;   // 16,384 bits: a few hundred words set under 3% of them
    static size_t wordBit(size_t hash) { return hash >> (sizeof(size_t) * 8 - kBitsLog2); }

    std::array<std::uint64_t, (size_t(1) << kBitsLog2) / 64> m_bits{};
    std::unordered_set<QString, WordHasher, WordEqual> m_words;
};

// A QString over a view's characters without copying them, to look a word up
// in a QHash or QSet of QString keys (Qt 6.4's take no QStringView) without
// an allocation per word. Use it for the lookup only: it must not outlive the view.
inline QString lookupKey(QStringView word)
{
    return QString::fromRawData(word.data(), word.size());
}

} // namespace tw
