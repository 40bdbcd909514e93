#pragma once

#include <QStringView>

#include <optional>

namespace tw {

// `word` in lower case as QString::toLower gives it, folded into `buffer`
// on the stack, when the word is ASCII and fits; nullopt otherwise (the
// caller folds it the general way). For the per-word look-ups of hot paths.
template <qsizetype N>
std::optional<QStringView> asciiLower(QStringView word, char16_t (&buffer)[N])
{
    if (word.size() > N)
        return std::nullopt;
    for (qsizetype k = 0; k < word.size(); ++k) {
        const char16_t u = word[k].unicode();
        if (u >= 0x80)
            return std::nullopt;
        buffer[k] = (u >= u'A' && u <= u'Z') ? char16_t(u + (u'a' - u'A')) : u;
    }
    return QStringView(buffer, word.size());
}

} // namespace tw
