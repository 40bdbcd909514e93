#include "feeds/parsers/htmlentities.h"

#include <algorithm>
#include <cstring>
#include <iterator>

namespace tw {

namespace {
constexpr HtmlEntity kEntities[] = {
#include "feeds/parsers/htmlentitytable.inc"
};

// Windows-1252 0x80..0x9F, as HTML maps character references in that range.
constexpr char16_t kCp1252C1[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

// Byte order of the ASCII names, as the generator sorted them.
int compareName(QStringView name, const char *entity)
{
    const qsizetype n = name.size();
    for (qsizetype i = 0;; ++i) {
        const auto e = static_cast<unsigned char>(entity[i]);
        if (i == n)
            return e == 0 ? 0 : -1;
        if (e == 0)
            return 1;
        const char16_t c = name[i].unicode();
        if (c != e)
            return c < e ? -1 : 1;
    }
}
} // namespace

const HtmlEntity *findHtmlEntity(QStringView name)
{
    if (name.isEmpty() || name.size() > 40)
        return nullptr;
    const auto *end = std::end(kEntities);
    const auto *it = std::lower_bound(std::begin(kEntities), end, name,
                                      [](const HtmlEntity &e, QStringView n) { return compareName(n, e.name) > 0; });
    return it != end && compareName(name, it->name) == 0 ? it : nullptr;
}

const HtmlEntity *longestLegacyHtmlEntityPrefix(QStringView text)
{
    // Legacy names are 2 to 6 letters long.
    for (qsizetype n = std::min<qsizetype>(6, text.size()); n >= 2; --n)
        if (const HtmlEntity *e = findHtmlEntity(text.first(n)); e && e->legacy)
            return e;
    return nullptr;
}

void appendHtmlEntity(QString *out, const HtmlEntity &entity)
{
    appendCodePoint(out, entity.first);
    if (entity.second)
        appendCodePoint(out, entity.second);
}

char32_t htmlCharacterReference(quint32 code)
{
    if (code >= 0x80 && code <= 0x9F)
        return kCp1252C1[code - 0x80];
    if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        return 0xFFFD;
    return code;
}

} // namespace tw
