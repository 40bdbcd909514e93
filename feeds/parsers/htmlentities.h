#pragma once

#include <QString>
#include <QStringView>

namespace tw {

// One of HTML's named character references (&nbsp;, &rsquo;, &NotEqualTilde;):
// the full list of the HTML standard, as data (htmlentitytable.inc).
struct HtmlEntity {
    const char *name;    // without '&' and ';'
    char32_t first;
    char32_t second;     // 0 for the many one-character references
    bool legacy;         // HTML also reads it without the ';' ("&amp", "&copy")
};

// The reference named `name` (case matters: &Eacute; is not &eacute;), or null.
const HtmlEntity *findHtmlEntity(QStringView name);

// The longest legacy reference `text` starts with ("&copy2024" starts with
// "copy"), or null: what HTML reads where a name is not closed by ';'.
const HtmlEntity *longestLegacyHtmlEntityPrefix(QStringView text);

void appendHtmlEntity(QString *out, const HtmlEntity &entity);

// A numeric character reference as HTML reads it: the Windows-1252 meaning
// for 0x80-0x9F (&#146; is a right single quote), U+FFFD for 0, surrogates
// and anything beyond U+10FFFF.
char32_t htmlCharacterReference(quint32 code);

// One digit of a numeric character reference: 0-9, and a-f or A-F when
// `hex`; -1 for anything else.
constexpr int referenceDigitValue(char16_t c, bool hex)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (hex && c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    if (hex && c >= u'A' && c <= u'F')
        return c - u'A' + 10;
    return -1;
}

// Appends one code point, as a surrogate pair beyond U+FFFF.
inline void appendCodePoint(QString *out, char32_t c)
{
    if (c > 0xFFFF) {
        out->append(QChar(char16_t(0xD800 + ((c - 0x10000) >> 10))));
        out->append(QChar(char16_t(0xDC00 + ((c - 0x10000) & 0x3FF))));
    } else {
        out->append(QChar(char16_t(c)));
    }
}

} // namespace tw
