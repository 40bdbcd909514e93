#pragma once

#include "models/core/result.h"
#include "models/linking/entitylinker.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace tw {

// One labelled item: a headline (and optionally its lead sentence) and the
// watchlist companies it is about.
struct LabelledText {
    int line = 0;
    QStringList expected;   // tickers; empty for a trap about none of them
    QString title;
    QString lead;
};

// A labelled set: `TICKERS<TAB>HEADLINE[<TAB>LEAD]` lines, TICKERS being
// comma-separated or "-"; '#' starts a comment; "# watchlist: T T ..." names
// the companies the linker follows (default: the bundled watchlist plus
// every labelled ticker).
struct LabelledSet {
    QStringList watchlist;
    QList<LabelledText> items;

    static Result<LabelledSet> parse(const QString &text);
};

struct LinkingMiss {
    LabelledText item;
    QString ticker;
    bool falsePositive = false;   // linked but not labelled; else labelled but not linked
};

// Precision and recall over (item, ticker) pairs.
struct LinkingScores {
    int truePositives = 0;
    int falsePositives = 0;
    int falseNegatives = 0;
    int items = 0;
    int traps = 0;                // items labelled with no company
    QList<LinkingMiss> misses;

    double precision() const;
    double recall() const;
    double f1() const;

    static LinkingScores measure(const EntityLinker &linker, const QList<LabelledText> &items);
};

} // namespace tw
