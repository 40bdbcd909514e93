#pragma once

#include "models/events/eventtypes.h"
#include "models/events/textdatefinder.h"
#include "models/linking/entitylinker.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>

namespace tw {

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
