#include "models/linking/texttokens.h"

#include "models/text/sentencesplitter.h"


#include <algorithm>

namespace tw {

namespace {
bool isApostrophe(QChar c)
{
    return c == QLatin1Char('\'') || c == QChar(0x2019);
}

bool isJoiner(QChar c)
{
    return c == QLatin1Char('.') || c == QLatin1Char('&') || isApostrophe(c);
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
    const QChar *const chars = text.data();
    QChar *folded = nullptr;   // taken at the first word: an empty text needs no buffer
    while (i < n) {
        if (!text[i].isLetterOrNumber()) {
            ++i;
            continue;
        }
        // Addresses, handles and hashtags name no company: "example.com/Meta", "@Meta", "#Apple".
        const bool embedded = i > 0
            && (text[i - 1] == QLatin1Char('/') || text[i - 1] == QLatin1Char('@') || text[i - 1] == QLatin1Char('#')
                || text[i - 1] == QLatin1Char('\\') || text[i - 1] == QLatin1Char('_'));
        if (embedded || startsAddress(text.mid(i))) {
            while (i < n && !text[i].isSpace())
                ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < n) {
            if (text[i].isLetterOrNumber()) {
                ++i;
            } else if (isJoiner(text[i]) && i + 1 < n && text[i + 1].isLetterOrNumber()) {
                ++i;
            } else {
                break;
            }
        }
        TextToken t;
        t.start = start;
        qsizetype end = i;
        // "Meta's", "Amazon’s": the possessive is a flag, not part of the name.
        if (end - start > 2 && (text[end - 1] == QLatin1Char('s') || text[end - 1] == QLatin1Char('S'))
            && isApostrophe(text[end - 2])) {
            t.possessive = true;
            end -= 2;
        } else if (end < n && isApostrophe(text[end]) && text[end - 1].toLower() == QLatin1Char('s')) {
            t.possessive = true;   // "investors' "
        }
        t.length = end - start;
        t.text = text.mid(start, t.length);
        if (!folded)
            folded = out.folded.data();
        // ASCII words (nearly all): lower case, hash and letter cases in one pass.
        QChar *const lowered = folded + start;
        size_t hash = kWordHashSeed;
        bool ascii = true;
        bool anyLetter = false;
        bool allUpper = true;
        for (qsizetype k = 0; k < t.length; ++k) {
            char16_t u = chars[start + k].unicode();
            if (u >= 0x80) {
                ascii = false;
                break;
            }
            if (u >= u'A' && u <= u'Z') {
                anyLetter = true;
                u = char16_t(u + (u'a' - u'A'));
            } else if (u >= u'a' && u <= u'z') {
                anyLetter = true;
                allUpper = false;
            }
            lowered[k] = QChar(u);
            hash = wordHashStep(hash, u);
        }
        if (ascii) {
            t.lower = QStringView(lowered, t.length);
            t.lowerHash = hash;
        } else {
            // Put back what the ASCII pass wrote: foldInPlace leaves the copy as it was for a longer fold.
            std::copy(chars + start, chars + start + t.length, lowered);
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
        t.hyphenBefore = start > 0 && text[start - 1] == QLatin1Char('-') && start > 1 && text[start - 2].isLetterOrNumber();
        t.hyphenAfter = i + 1 < n && text[i] == QLatin1Char('-') && text[i + 1].isLetterOrNumber();
        t.allCaps = anyLetter && allUpper;
        t.capitalized = t.text.at(0).isUpper();
        while (sentenceIndex + 1 < sentences.size() && start >= sentences[sentenceIndex + 1].start)
            ++sentenceIndex;
        t.sentence = int(sentenceIndex);
        t.sentenceStart = t.sentence != lastSentence;
        lastSentence = t.sentence;
        out.tokens << t;
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
