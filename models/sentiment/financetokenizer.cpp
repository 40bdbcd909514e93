#include "models/sentiment/financetokenizer.h"

namespace tw {

namespace {

constexpr quint64 kFnvOffset = 14695981039346656037ULL;
constexpr quint64 kFnvPrime = 1099511628211ULL;

inline bool isAsciiLetter(char16_t c) { return (c | 0x20) >= u'a' && (c | 0x20) <= u'z'; }
inline bool isDigit(char16_t c) { return c >= u'0' && c <= u'9'; }
inline bool isSpace(char16_t c) { return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == 0xA0; }

inline bool isLetter(char16_t c)
{
    if (c < 0x80)
        return isAsciiLetter(c);
    return QChar(c).isLetter();
}

// Apostrophe variants hash alike so "didn’t" is "didn't".
inline char16_t foldChar(char16_t c)
{
    if (c < 0x80)
        return (c >= u'A' && c <= u'Z') ? char16_t(c | 0x20) : c;
    if (c == 0x2019 || c == 0x2018)
        return u'\'';
    return QChar(c).toLower().unicode();
}

inline quint64 mix(quint64 h, char16_t c) { return (h ^ c) * kFnvPrime; }

inline bool isCurrencySymbol(char16_t c) { return c == u'$' || c == 0x20AC || c == 0xA3 || c == 0xA5; }

inline bool isBoundaryPunct(char16_t c)
{
    switch (c) {
    case u',': case u';': case u':': case u'.': case u'!': case u'?': case u'(': case u')':
    case u'[': case u']': case u'|': case 0x2026:
        return true;
    default:
        return false;
    }
}

} // namespace

quint64 FinanceTokenizer::hashWord(QStringView word)
{
    quint64 h = kFnvOffset;
    for (QChar c : word)
        h = mix(h, foldChar(c.unicode()));
    return h;
}

void FinanceTokenizer::tokenize(QStringView text, std::vector<Token> &out)
{
    const char16_t *s = reinterpret_cast<const char16_t *>(text.data());
    const qint32 n = qint32(text.size());
    // Tokens gather in a small local buffer and reach `out` in blocks: a
    // push_back per token costs more than the scanning itself.
    constexpr int kBlock = 64;
    Token block[kBlock];   // trivial: costs nothing until written
    int pending = 0;
    auto flush = [&] {
        out.insert(out.end(), block, block + pending);
        pending = 0;
    };
    auto pushToken = [&](const Token &t) {
        block[pending++] = t;
        if (pending == kBlock)
            flush();
    };
    qint32 i = 0;
    while (i < n) {
        const char16_t c = s[i];
        if (isSpace(c)) {
            ++i;
            continue;
        }
        // Figures: digits, or .digits (PhraseBank writes "EUR7 .4 m").
        const bool signedStart = (c == u'-' || c == u'+' || c == 0x2212) && i + 1 < n && isDigit(s[i + 1])
                              && (i == 0 || isSpace(s[i - 1]) || s[i - 1] == u'(');
        if (isDigit(c) || signedStart || (c == u'.' && i + 1 < n && isDigit(s[i + 1]) && (i == 0 || isSpace(s[i - 1])))) {
            Token t{};
            t.start = i;
            t.kind = TokenKind::Number;
            double sign = 1;
            if (signedStart) {
                t.signedFigure = true;
                sign = c == u'+' ? 1 : -1;
                ++i;
            }
            double value = 0;
            while (i < n) {
                if (isDigit(s[i])) {
                    value = value * 10 + (s[i] - u'0');
                    ++i;
                } else if (s[i] == u',' && i + 3 < n && isDigit(s[i + 1]) && isDigit(s[i + 2]) && isDigit(s[i + 3])
                           && (i + 4 >= n || !isDigit(s[i + 4]))) {
                    ++i;   // thousands separator
                } else {
                    break;
                }
            }
            auto fraction = [&](qint32 at) {
                double scale = 0.1;
                qint32 j = at;
                while (j < n && isDigit(s[j])) {
                    value += (s[j] - u'0') * scale;
                    scale /= 10;
                    ++j;
                }
                return j;
            };
            if (i + 1 < n && s[i] == u'.' && isDigit(s[i + 1]))
                i = fraction(i + 1);
            else if (i + 2 < n && s[i] == u' ' && s[i + 1] == u'.' && isDigit(s[i + 2]))
                i = fraction(i + 2);   // "EUR7 .4 m"
            t.value = sign * value;
            qint32 j = i;
            while (j < n && s[j] == u' ')
                ++j;
            if (j < n && s[j] == u'%') {
                t.percent = true;
                i = j + 1;
            }
            t.length = i - t.start;
            pushToken(t);
            continue;
        }
        if (isLetter(c)) {
            Token t{};
            t.start = i;
            t.kind = TokenKind::Word;
            quint64 h = kFnvOffset;
            qint32 j = i;
            while (j < n) {
                const char16_t d = s[j];
                if (d < 0x80 && isAsciiLetter(d)) {   // the common case first
                    h = mix(h, char16_t(d | 0x20));
                    ++j;
                } else if (isLetter(d)
                           || ((d == u'\'' || d == 0x2019 || d == u'-' || d == u'&') && j + 1 < n && isLetter(s[j + 1]))) {
                    h = mix(h, foldChar(d));
                    ++j;
                } else {
                    break;
                }
            }
            i = j;
            // A URL carries no sentiment and would otherwise become many words.
            if (i + 2 < n && s[i] == u':' && s[i + 1] == u'/' && s[i + 2] == u'/') {
                while (i < n && !isSpace(s[i]))
                    ++i;
                continue;
            }
            t.length = i - t.start;
            t.hash = h;
            pushToken(t);
            continue;
        }
        if (isCurrencySymbol(c)) {
            Token t{};
            t.start = i;
            ++i;
            if (c == u'$' && i < n && isAsciiLetter(s[i])) {
                while (i < n && (isAsciiLetter(s[i]) || s[i] == u'.'))
                    ++i;
                t.kind = TokenKind::Cashtag;
            } else {
                t.kind = TokenKind::Currency;
            }
            t.length = i - t.start;
            pushToken(t);
            continue;
        }
        // Quotation marks say who spoke, not what: `` "buy" '' is the word buy.
        if (c == u'"' || c == u'`' || c == 0x2018 || c == 0x201C || c == 0x201D || c == 0x201E || c == 0xAB || c == 0xBB
            || ((c == u'\'' || c == 0x2019) && !(i + 1 < n && isLetter(s[i + 1])))) {
            ++i;
            continue;
        }
        if (c == u'#' || c == u'@') {   // hashtags read as words, handles as nothing
            ++i;
            if (c == u'@')
                while (i < n && !isSpace(s[i]))
                    ++i;
            continue;
        }
        Token t{};
        t.start = i;
        t.length = 1;
        t.kind = TokenKind::Punct;
        t.hash = mix(kFnvOffset, foldChar(c));
        const bool dash = c == u'-' || c == 0x2013 || c == 0x2014;
        t.boundary = isBoundaryPunct(c) || (dash && (i == 0 || isSpace(s[i - 1])) && (i + 1 >= n || isSpace(s[i + 1])));
        pushToken(t);
        ++i;
    }
    flush();
}

} // namespace tw
