#pragma once

#include "models/core/result.h"
#include "models/sentiment/financetokenizer.h"

#include <QString>

#include <vector>

namespace tw {

// What a lexicon entry does to the sentences it occurs in.
enum class LexiconRole : quint8 {
    Polar,          // carries sentiment itself: "beat estimates" +, "profit warning" -
    Rise,           // a change upwards, read against the metric before it: "profit rose"
    Fall,           // a change downwards: "sales decreased", "loss narrowed"
    RiseBefore,     // a change upwards that names its metric after it: "higher costs", "raised its outlook"
    FallBefore,     // "lower costs", "cut guidance"
    GoodMetric,     // more of it is good: profit, orders, guidance
    TopLineMetric,  // a good metric the bottom line outweighs: "sales rose while profit fell" is bad news
    BadMetric,      // more of it is bad and it is bad news on its own: loss, impairment, layoffs
    CostMetric,     // more of it is bad, but on its own it says nothing: costs, debt, capital expenditure
    GrowthMetric,   // more of it is good and it is a little good news on its own: "revenue growth"
    Negator,        // not, no, never, didn't, failed to
    Intensifier,    // value is a multiplier: sharply 1.5, slightly 0.5
    Hedge,          // may, could, reportedly: a multiplier for the rest of the clause
    ContrastBut,    // but, however: what follows outweighs what went before
    Concession,     // although, despite: the clause it opens counts less
    Clause,         // while, whereas, after, as: opens a clause of its own, weighted as any other
    From,           // "from" before a figure
    To,             // "to" before a figure
    Versus,         // "versus", "vs", "compared with" between figures
    Scale,          // "mn", "billion": multiplies the figure before it
    Qualifier,      // excluding, including: the metric after it qualifies another one ("profit excluding costs")
    Level,          // a metric stated at a level that is news on its own: "posted a loss" (value: its polarity)
};

struct LexiconEntry {
    LexiconRole role = LexiconRole::Polar;
    float value = 0;
};

struct LexiconMatch {
    const LexiconEntry *entry = nullptr;
    qint32 tokens = 0;
};

// The finance lexicon (resources/sentiment/lexicon.tsv): terms and phrases
// with a role and a strength. Every phrase and every prefix of one is a key in
// one open-addressing table of token-sequence hashes, so the longest match
// costs one probe per token it extends over, so "net loss narrowed"
// is one metric and one change, and "shut down" is not a fall.
class SentimentLexicon {
public:
    // Parses `term<TAB>role<TAB>value` lines; a term is phrases separated by |,
    // a phrase is space-separated token slots, a slot may list alternatives
    // with / (multi-word ones joined by _) and be optional with a trailing ?.
    static Result<SentimentLexicon> parse(const QString &tsv);
    static Result<SentimentLexicon> loadDefault();   // the compiled-in lexicon

    LexiconMatch longestMatch(const std::vector<Token> &tokens, size_t at) const;
    // Whether the word on its own is an entry (any role).
    bool hasWord(quint64 hash) const
    {
        const Node *node = findNode(hash);
        return node && node->entry >= 0;
    }
    size_t size() const { return m_entries.size(); }
    // Identifies the lexicon's contents (first 8 hex digits of its SHA-256).
    const QString &digest() const { return m_digest; }

private:
    struct Node {
        quint64 key = 0;
        qint32 entry = -1;     // the phrase that ends here, if any
        bool prefix = false;   // a longer phrase continues from here
        bool used = false;
    };
    Node &insertNode(quint64 key);
    const Node *findNode(quint64 key) const;
    void add(const std::vector<quint64> &sequence, LexiconEntry entry);

    // One bit per hash bucket of every first token: most words of a sentence
    // are in no phrase, and this answers that from L1 cache.
    std::vector<quint64> m_firstTokenFilter = std::vector<quint64>(kFilterWords, 0);
    static constexpr size_t kFilterWords = 1024;
    std::vector<LexiconEntry> m_entries;
    std::vector<Node> m_nodes;   // power-of-two size, at most half full
    size_t m_used = 0;
    QString m_digest;
};

} // namespace tw
