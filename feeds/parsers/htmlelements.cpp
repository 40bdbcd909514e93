#include "feeds/parsers/htmlelements.h"

#include <QtGlobal>

#include <algorithm>
#include <cstddef>
#include <iterator>

namespace tw {

namespace {
// HTML's element names, current and obsolete (feeds still carry <font>,
// <center>, <blink>), sorted for a binary search. A '<' followed by anything
// else is text.
constexpr const char *kHtmlElements[] = {
    "a", "abbr", "acronym", "address", "applet", "area", "article", "aside", "audio", "b", "base", "basefont", "bdi",
    "bdo", "bgsound", "big", "blink", "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite",
    "code", "col", "colgroup", "command", "data", "datagrid", "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt",
    "em", "embed", "fieldset", "figcaption", "figure", "font", "footer", "form", "frame", "frameset", "h1", "h2", "h3",
    "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "img", "input", "ins", "isindex", "kbd",
    "keygen", "label", "legend", "li", "link", "listing", "main", "map", "mark", "marquee", "math", "menu", "menuitem",
    "meta", "meter", "multicol", "nav", "nextid", "nobr", "noembed", "noframes", "noscript", "object", "ol",
    "optgroup", "option", "output", "p", "param", "picture", "plaintext", "pre", "progress", "q", "rb", "rp", "rt",
    "rtc", "ruby", "s", "samp", "script", "search", "section", "select", "slot", "small", "sound", "source", "spacer", "span",
    "strike", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template", "textarea",
    "tfoot", "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul", "var", "video", "wbr", "xmp",
};

constexpr bool sortedNames()
{
    for (std::size_t i = 1; i < std::size(kHtmlElements); ++i) {
        const char *a = kHtmlElements[i - 1];
        const char *b = kHtmlElements[i];
        while (*a && *a == *b) {
            ++a;
            ++b;
        }
        if (static_cast<unsigned char>(*a) >= static_cast<unsigned char>(*b))
            return false;
    }
    return true;
}
static_assert(sortedNames(), "kHtmlElements must stay sorted for the binary search");

// Where the names of each first letter start: a search looks at a dozen names, not 150.
struct LetterIndex {
    std::size_t start[27] = {};
};

constexpr LetterIndex letterIndex()
{
    LetterIndex index;
    std::size_t i = 0;
    for (int letter = 0; letter < 26; ++letter) {
        index.start[letter] = i;
        while (i < std::size(kHtmlElements) && kHtmlElements[i][0] == 'a' + letter)
            ++i;
    }
    index.start[26] = i;
    return index;
}
constexpr LetterIndex kLetters = letterIndex();
static_assert(kLetters.start[26] == std::size(kHtmlElements), "every name starts with a lower-case letter");
} // namespace

bool isHtmlElementName(QStringView name)
{
    if (name.isEmpty() || name.size() > 10)
        return false;
    char lower[11] = {};
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name[i].unicode();
        if (c > 0x7F)
            return false;
        lower[i] = char((c | 0x20) >= u'a' && (c | 0x20) <= u'z' ? (c | 0x20) : c);
    }
    if (lower[0] < 'a' || lower[0] > 'z')
        return false;
    const int letter = lower[0] - 'a';
    const auto *first = std::begin(kHtmlElements) + kLetters.start[letter];
    const auto *last = std::begin(kHtmlElements) + kLetters.start[letter + 1];
    const auto *it = std::lower_bound(first, last, lower, [](const char *a, const char *b) { return qstrcmp(a, b) < 0; });
    return it != last && qstrcmp(*it, lower) == 0;
}

} // namespace tw
