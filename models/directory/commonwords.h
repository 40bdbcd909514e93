#pragma once

#include "models/core/result.h"

#include <QSet>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace tw {

// Everyday English words in lower case (SCOWL size 35, the Debian
// wamerican-small list, see resources/directory/README.md). A company name
// or ticker that is one of them ("Apple", "Ford", "COST", "NET") means the
// company only when the text gives evidence of it.
class CommonWords {
public:
    CommonWords() = default;
    explicit CommonWords(const QStringList &words);

    // The list compiled into the app; parsed once, on first use.
    static const CommonWords &builtIn();
    // A system word list (one word a line) reduced to what the app ships:
    // all-lower-case alphabetic words, sorted, one a line.
    static QByteArray reduce(const QByteArray &wordList);

    bool contains(QStringView word) const;   // case-insensitive
    // contains() for a word already in lower case as QString::toLower writes
    // it (a linker token's lower case): no second folding, no copy.
    bool containsLower(QStringView lower) const
    {
        return m_words.contains(QString::fromRawData(lower.data(), lower.size()));
    }
    qsizetype size() const { return m_words.size(); }

private:
    QSet<QString> m_words;
};

} // namespace tw
