#include "models/linking/texttokens.h"

#include "models/text/sentencesplitter.h"

#include <algorithm>
#include <array>

namespace tw {

namespace {
// ASCII characters by class: one table look-up per character, not a chain of comparisons.
enum : unsigned char {
    kWordClass = 1,      // letter or figure (QChar::isLetterOrNumber)
    kLowerClass = 2,      // 'a'-'z'
    kJoinerClass = 4,    // '.', '&', '\''
    kUpperClass = 0x20,   // 'A'-'Z': the bit that makes them lower case
};
constexpr std::array<unsigned char, 128> kAsciiClass = [] {
    std::array<unsigned char, 128> c{};
    for (int u = '0'; u <= '9'; ++u)
        c[size_t(u)] = kWordClass;
    for (int u = 'A'; u <= 'Z'; ++u)
        c[size_t(u)] = kWordClass | kUpperClass;
    for (int u = 'a'; u <= 'z'; ++u)
        c[size_t(u)] = kWordClass | kLowerClass;
    c['.'] = c['&'] = c['\''] = kJoinerClass;
    return c;
}();

// The lower case, hash and letter cases of an ASCII word, a character at a time.
struct AsciiFold {
    size_t hash = kWordHashSeed;
    unsigned classes = 0;   // every class of the word's characters

    void add(char16_t u, unsigned c, char16_t *lower)
    {
        classes |= c;
        *lower = char16_t(u | (c & kUpperClass));   // 'A'-'Z' differ from 'a'-'z' by that bit
        hash = wordHashStep(hash, *lower);
    }
};

// QChar::isLetterOrNumber of one UTF-16 unit (half a surrogate pair is neither).
inline bool isWordUnit(char16_t u)
{
    return u < 0x80 ? (kAsciiClass[u] & kWordClass) != 0 : QChar::isLetterOrNumber(char32_t(u));
}

inline bool isJoinerUnit(char16_t u)
{
    return u < 0x80 ? (kAsciiClass[u] & kJoinerClass) != 0 : u == 0x2019;
}

// Where a word that starts at `start` ends: letters and figures, with a
// joiner inside it before a letter or figure ("AT&T", "U.S", "Amazon.com",
// "Meta’s"). While its characters are ASCII (nearly all words) they are
// folded into `lowered` and hashed in the same pass.
struct WordScan {
    qsizetype end = 0;
    qsizetype foldedEnd = 0;   // where the ASCII pass stopped: `end` for an ASCII word
    AsciiFold fold;            // of the characters before it
};
WordScan scanWord(const char16_t *chars, qsizetype start, qsizetype n, char16_t *lowered)
{
    WordScan scan;
    size_t hash = kWordHashSeed;
    unsigned classes = 0;
    qsizetype i = start;
    for (; i < n; ++i) {
        const char16_t u = chars[i];
        if (u >= 0x80)
            break;
        const unsigned c = kAsciiClass[u];
        if (!(c & kWordClass) && !((c & kJoinerClass) && i + 1 < n && isWordUnit(chars[i + 1])))
            break;
        classes |= c;
        const char16_t lower = char16_t(u | (c & kUpperClass));   // 'A'-'Z' differ from 'a'-'z' by that bit
        *lowered++ = lower;
        hash = wordHashStep(hash, lower);
    }
    scan.fold.hash = hash;
    scan.fold.classes = classes;
    scan.foldedEnd = i;
    for (; i < n; ++i) {
        const char16_t u = chars[i];
        if (!isWordUnit(u) && !(isJoinerUnit(u) && i + 1 < n && isWordUnit(chars[i + 1])))
            break;
    }
    scan.end = i;
    return scan;
}

bool isApostrophe(QChar c)
{
    return c == QLatin1Char('\'') || c == QChar(0x2019);
}

// Small words that stay lower case in a Title Case headline.
bool isSmallWord(const TextToken &t)
{
    if (t.lower.size() > 4)
        return false;   // the longest is four letters: most words need no look-up
    static const HashedWordSet small = [] {
        HashedWordSet words;
        for (const char *w : {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "as", "vs",
                              "with", "from", "but", "is"})
            words.insert(QString::fromLatin1(w));
        return words;
    }();
    return small.contains(t);
}

// Where a token's lower case goes: over the token's own characters in
// `folded` (a copy of the text), so tokens need no string of their own. A
// lower case longer than the word ("İ" is "i̇") is kept aside in `longer`.
QStringView foldInPlace(QString &folded, QList<QString> &longer, QStringView word, qsizetype start)
{
    QChar *out = folded.data() + start;
    const bool ascii = std::all_of(word.begin(), word.end(), [](QChar c) { return c.unicode() < 0x80; });
    if (ascii) {
        for (qsizetype k = 0; k < word.size(); ++k) {
            const QChar c = word[k];
            out[k] = (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ? QChar(c.unicode() + ('a' - 'A')) : c;
        }
        return QStringView(out, word.size());
    }
    // Anything else exactly as QString::toLower writes it.
    const QString lower = word.toString().toLower();
    if (lower.size() != word.size()) {
        longer << lower;
        return longer.last();   // QList moves the QString, not its characters
    }
    std::copy(lower.begin(), lower.end(), out);
    return QStringView(out, word.size());
}

// "http://", "https://", "www.": an address, not words.
bool startsAddress(QStringView rest)
{
    if (rest.isEmpty() || (rest.front() != QLatin1Char('h') && rest.front() != QLatin1Char('w')))
        return false;   // most words: no comparison
    return rest.startsWith(QLatin1String("http://")) || rest.startsWith(QLatin1String("https://"))
        || rest.startsWith(QLatin1String("www."));
}
} // namespace

TokenizedText TextTokenizer::tokenize(QStringView text)
{
    TokenizedText out;
    out.folded = text.toString();   // one allocation; tokens' lower cases are written over it
    if (!text.isEmpty())
        out.tokens.reserve(text.size() / 6 + 1);   // about a word per six characters in English prose
    SentenceSplitter::Spans sentences;
    SentenceSplitter::split(text, sentences);
    qsizetype sentenceIndex = 0;
    int lastSentence = -1;
    qsizetype i = 0;
    const qsizetype n = text.size();
    const char16_t *const chars = text.utf16();
    char16_t *folded = nullptr;   // taken at the first word: an empty text needs no buffer
    while (i < n) {
        if (!isWordUnit(chars[i])) {
            ++i;
            continue;
        }
        // Addresses, handles and hashtags name no company: "example.com/Meta", "@Meta", "#Apple".
        const bool embedded = i > 0
            && (chars[i - 1] == u'/' || chars[i - 1] == u'@' || chars[i - 1] == u'#' || chars[i - 1] == u'\\'
                || chars[i - 1] == u'_');
        if (embedded || ((chars[i] == u'h' || chars[i] == u'w') && startsAddress(text.sliced(i)))) {
            while (i < n && !QChar::isSpace(chars[i]))
                ++i;
            continue;
        }
        const qsizetype start = i;
        if (!folded)
            folded = reinterpret_cast<char16_t *>(out.folded.data());
        char16_t *const lowered = folded + start;
        const WordScan scan = scanWord(chars, start, n, lowered);
        i = scan.end;
        AsciiFold fold = scan.fold;
        const qsizetype foldedEnd = scan.foldedEnd;
        TextToken &t = out.tokens.emplaceBack();
        t.start = start;
        qsizetype end = i;
        // "Meta's", "Amazon’s": the possessive is a flag, not part of the name.
        if (end - start > 2 && (chars[end - 1] == u's' || chars[end - 1] == u'S') && isApostrophe(QChar(chars[end - 2]))) {
            t.possessive = true;
            end -= 2;
        } else if (end < n && isApostrophe(QChar(chars[end])) && QChar(chars[end - 1]).toLower() == QLatin1Char('s')) {
            t.possessive = true;   // "investors' "
        }
        t.length = end - start;
        t.text = text.sliced(start, t.length);
        const bool ascii = foldedEnd >= end;
        if (foldedEnd > end) {
            // The pass folded the "'s" too: put it back, fold the word alone (few words are possessive).
            std::copy(chars + end, chars + foldedEnd, lowered + t.length);
            fold = AsciiFold();
            for (qsizetype k = 0; k < t.length; ++k)
                fold.add(chars[start + k], kAsciiClass[chars[start + k]], lowered + k);
        }
        bool anyLetter = (fold.classes & (kUpperClass | kLowerClass)) != 0;
        bool allUpper = (fold.classes & kLowerClass) == 0;
        if (ascii) {
            t.lower = QStringView(lowered, t.length);
            t.lowerHash = fold.hash;
        } else {
            // Put back what the ASCII pass wrote: foldInPlace leaves the copy as it was for a longer fold.
            std::copy(chars + start, chars + foldedEnd, lowered);
            t.lower = foldInPlace(out.folded, out.longerFolds, t.text, start);
            t.lowerHash = wordHash(t.lower);
            anyLetter = false;
            allUpper = true;
            for (QChar c : t.text) {
                if (c.isLetter()) {
                    anyLetter = true;
                    allUpper = allUpper && c.isUpper();
                }
            }
        }
        t.hyphenBefore = start > 1 && chars[start - 1] == u'-' && QChar::isLetterOrNumber(chars[start - 2]);
        t.hyphenAfter = i + 1 < n && chars[i] == u'-' && QChar::isLetterOrNumber(chars[i + 1]);
        t.allCaps = anyLetter && allUpper;
        t.capitalized = QChar::isUpper(chars[start]);
        while (sentenceIndex + 1 < sentences.size() && start >= sentences[sentenceIndex + 1].start)
            ++sentenceIndex;
        t.sentence = int(sentenceIndex);
        t.sentenceStart = t.sentence != lastSentence;
        lastSentence = t.sentence;
    }

    // Per sentence: share of capitalised and of all-capitals words.
    const int count = int(std::max<qsizetype>(1, sentences.size()));
    struct WordCounts {
        int words = 0;
        int capital = 0;
        int caps = 0;
    };
    QVarLengthArray<WordCounts, 8> counts(count);
    std::fill(counts.begin(), counts.end(), WordCounts{});
    for (const TextToken &t : out.tokens) {
        if (t.sentence >= count || !t.text.at(0).isLetter())
            continue;
        if (t.sentenceStart || isSmallWord(t))
            continue;
        WordCounts &c = counts[t.sentence];
        ++c.words;
        c.capital += t.capitalized ? 1 : 0;
        c.caps += (t.allCaps && t.length > 1) ? 1 : 0;
    }
    out.titleCase.resize(count);
    out.capitals.resize(count);
    for (int s = 0; s < count; ++s) {
        const WordCounts &c = counts.at(s);
        out.titleCase[s] = c.words >= 3 && c.capital * 10 >= c.words * 7;
        out.capitals[s] = c.words >= 3 && c.caps * 10 >= c.words * 7;
    }
    return out;
}

} // namespace tw
