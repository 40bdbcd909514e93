#pragma once

#include "models/events/eventtypes.h"
#include "models/events/textdatefinder.h"
#include "models/linking/entitylinker.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace tw {

// A cheap first test before the regular expressions: "could this text
// contain any of these words at all?". The text is folded once to lower-case
// ASCII bytes, so each word costs a byte search instead of a pattern run,
// and most sentences never reach the patterns that cannot match them.
// The answer is necessary, never sufficient: a pattern that needs one of the
// words cannot match a text the screen rejects. The fold follows PCRE2's
// caseless matching of ASCII letters (U+017F "ſ" is an "s", U+212A KELVIN
// SIGN a "k"), so one screen serves case-sensitive and case-insensitive
// patterns alike; it may merge more (’ with ', € and £ with $), which only
// lets more texts through.
class KeywordScreen {
public:
    KeywordScreen() = default;   // screens nothing out: every word may occur
    explicit KeywordScreen(QStringView text);

    // `words` in lower case, ASCII only.
    bool mayContainAny(std::initializer_list<std::string_view> words) const;

private:
    bool mayContain(std::string_view word) const;

    bool hasByte(unsigned b) const { return (m_bytes[b / 64] >> (b % 64)) & 1U; }
    bool hasPair(unsigned a, unsigned b) const
    {
        const unsigned bit = a * 128 + b;
        return (m_pairs[bit / 64] >> (bit % 64)) & 1U;
    }

    std::string m_folded;
    // Which bytes and adjacent byte pairs occur: most absent words are
    // ruled out by a few bit tests, without searching the text.
    std::array<std::uint64_t, 128 / 64> m_bytes{};
    std::array<std::uint64_t, 128 * 128 / 64> m_pairs{};
    bool m_screening = false;
};

// A capitalised name as news writes products and companies: "Muse Spark",
// "Llama 4", "Gemini 3.1 Pro Preview", "Scale AI".
const QString &properNamePattern();
// Capitalised words that are never a product or counterparty on their own
// ("AI", "US", months, weekdays, sentence openers).
bool isStopName(const QString &name);
// "Muse Spark." -> "Muse Spark"; empty when nothing of a name is left.
QString cleanName(QString name);

// One sentence with what the extractor needs to attribute and date an event
// in it: the companies it names (aliases, and product names the article ties
// to a company: "Meta's Muse Spark"), the article's main company and its
// publication date.
struct SentenceContext {
    QString text;
    qsizetype offset = 0;       // of the sentence in ArticleText::compose()
    QDate published;
    QString primary;            // the article's main company, or empty
    QList<EntityMention> companies;    // aliases and the article's product names, by position
    QList<EntityMention> aliases;      // only what the linker found (names of companies themselves)
    QList<DateMention> dates;
    KeywordScreen screen;       // of `text`

    // Who does what the words at `position` say: the first company named
    // before it; else the article's main company when the sentence opens
    // with a reference to it ("The company", "Its", "Shares", "His arrival");
    // else nobody (an unknown name opens it: "OpenAI has closed ...").
    // `explicitly` tells whether the company was named.
    QString actorBefore(qsizetype position, bool *explicitly = nullptr) const;
    // The company named last before `position` ("Microsoft shares rose 4%
    // while Meta's stock fell 2%": Meta for the second verb), else as
    // actorBefore.
    QString nearestActorBefore(qsizetype position, bool *explicitly = nullptr) const;
    // The first company named anywhere in the sentence, else actorBefore(end).
    QString anyActor(bool *explicitly = nullptr) const;
    // The date the text gives for what is at `position` (the first date after
    // it, else the last before it), else the publication date.
    EventDate dateNear(qsizetype position) const;
};

} // namespace tw
