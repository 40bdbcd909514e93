#pragma once

#include "models/domain/article.h"
#include "models/events/eventtypes.h"
#include "models/linking/entitylinker.h"

#include <QHash>
#include <QList>

namespace tw {

class KeywordScreen;
struct SentenceContext;

// Finds dated events in an article, per company it is linked to: launches,
// guidance (and reported actuals), deals, share-price moves, leadership
// changes, legal actions and benchmark rankings. Rule-based and tuned for
// precision: a sentence yields an event only when a trigger, the company
// doing it and (for figures) a well-formed amount all line up. The same
// event stated several times in one article (title, summary, body) comes out
// once, with the best-dated, most confident statement as its source.
class EventExtractor {
public:
    explicit EventExtractor(const EntityLinker &linker);

    QList<ExtractedEvent> extract(const Article &article, const QList<TickerLink> &links) const;

private:
    QHash<QString, QString> productOwners(const QString &text, const KeywordScreen &screen,
                                          const QSet<QString> &linked) const;

    const EntityLinker &m_linker;
};

} // namespace tw
