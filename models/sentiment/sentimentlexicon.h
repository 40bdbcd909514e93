#pragma once

#include "core/result.h"
#include "sentiment/financetokenizer.h"

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
    GoodMetric,     // more of it is good: profit, sales, orders, guidance
    BadMetric,      // more of it is bad: loss, costs, debt; a little negative on its own
    Negator,        // not, no, never, didn't, failed to
    Intensifier,    // value is a multiplier: sharply 1.5, slightly 0.5
    Hedge,          // may, could, reportedly: a multiplier for the rest of the clause
    ContrastBut,    // but, however: what follows outweighs what went before
    Concession,     // although, despite: the clause it opens counts less
    From,           // "from" before a figure
    To,             // "to" before a figure
    Versus,         // "versus", "vs", "compared with" between figures
    Scale,          // "mn", "billion": multiplies the figure before it
};

struct LexiconEntry {
    std::vector<quint64> tail;   // hashes of the tokens after the first
    LexiconRole role = LexiconRole::Polar;
    float value = 0;
};

struct LexiconMatch {
    const LexiconEntry *entry = nullptr;
    qint32 tokens = 0;
};

// The finance lexicon (resources/sentiment/lexicon.tsv): terms and phrases
// with a role and a strength. Look-up is by the hash of the first token, then
// the longest phrase whose remaining tokens follow, so "net loss narrowed"
// is one metric and one change, and "shut down" is not a fall.
class SentimentLexicon {
public:
    // Parses `term<TAB>role<TAB>value` lines; a term is space-separated tokens,
    // each token may list alternatives with | and be optional with a trailing ?.
    static Result<SentimentLexicon> parse(const QString &tsv);
    static Result<SentimentLexicon> loadDefault();   // the compiled-in lexicon

    LexiconMatch longestMatch(const std::vector<Token> &tokens, size_t at) const;
    size_t size() const { return m_entries.size(); }
    // Identifies the lexicon's contents (first 8 hex digits of its SHA-256).
    const QString &digest() const { return m_digest; }

private:
    struct Bucket {
        quint64 key = 0;
        quint32 begin = 0;
        quint32 count = 0;   // 0: empty slot
    };
    void buildIndex();

    std::vector<std::pair<quint64, LexiconEntry>> m_entries;   // sorted by first hash, longest first
    std::vector<Bucket> m_buckets;                             // open addressing, power of two
    QString m_digest;
};

} // namespace tw
