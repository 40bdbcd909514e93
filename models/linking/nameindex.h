#pragma once

#include "models/linking/texttokens.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <unordered_map>

namespace tw {

// Names as word sequences, looked up by their first word (lower case), so a
// text is matched against every name in the directory in one pass over its words.
class NameIndex {
public:
    struct Entry {
        QStringList words;      // lower case
        QString firstAsWritten; // the name's first word as written ("eBay" matches only so)
        int owner = 0;
    };

    void add(const QString &name, int owner);

    // The longest name starting at token `at` (same sentence, capitalised as a
    // name is), its length in tokens and every owner of that name; 0 when none.
    struct Match {
        int length = 0;
        QList<int> owners;
    };
    Match longestAt(const QList<TextToken> &tokens, qsizetype at, const QHash<int, int> *skipOwners = nullptr) const;

    qsizetype size() const { return m_count; }

private:
    std::unordered_map<QString, QList<Entry>, WordHasher, WordEqual> m_byFirst;
    qsizetype m_count = 0;
};

} // namespace tw
