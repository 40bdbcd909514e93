#pragma once

#include <QtGlobal>

namespace tw {

// True when `data` is well-formed UTF-8 by Unicode's table of byte sequences:
// no overlong forms, no surrogates, nothing above U+10FFFF, no sequence cut
// short. Pure ASCII is checked eight bytes at a time.
bool isWellFormedUtf8(const char *data, qsizetype size);

} // namespace tw
