#pragma once

#include "models/directory/commonwords.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace tw {

// Turns the SEC's legal names into the names the news uses.
//   "COSTCO WHOLESALE CORP /NEW" -> "Costco Wholesale", alias "Costco"
//   "Meta Platforms, Inc."       -> "Meta Platforms",   alias "Meta"
//   "AMAZON COM INC"             -> "Amazon.com",       alias "Amazon"
// Legal forms (Inc., Corp., Co., Holdings, Ltd, plc, ...), state suffixes
// ("/NEW", "/DE/") and a leading "The" go; names written in capitals are
// title-cased, keeping acronyms ("IBM", "AT&T", "CVS") in capitals.
class CompanyNames {
public:
    explicit CompanyNames(const CommonWords &words) : m_words(words) {}

    QString displayName(const QString &legalName) const;

    // Counts, over every company's display name, how often a word opens a
    // name and how often it follows the first word ("Wholesale",
    // "Platforms", "Motor" describe; "Fargo" in "Wells Fargo" does not).
    void learn(const QStringList &displayNames);

    // The display name, then its shorter forms: "Amazon" for "Amazon.com";
    // the first word when the rest only describes the business ("Costco" of
    // "Costco Wholesale") and few other names open with it.
    // `rank` is the company's place in the SEC list (by market value): only
    // well-known companies go by their first word alone.
    QStringList aliases(const QString &displayName, int rank) const;

private:
    QString titleCased(const QString &capitals) const;
    QString titleCasedWord(const QString &word, bool first) const;

    const CommonWords &m_words;
    QHash<QString, int> m_opening;     // lower-case first word -> names it opens
    QHash<QString, int> m_describing;  // lower-case later word -> names it appears in
};

} // namespace tw
