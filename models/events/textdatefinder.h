#pragma once

#include "models/events/eventtypes.h"

#include <QDate>
#include <QList>
#include <QStringView>

namespace tw {

struct DateMention {
    EventDate date;     // basis is always Text
    qsizetype start = 0;
    qsizetype length = 0;
};

// Finds the dates a sentence names, resolved against the article's
// publication date: "April 8, 2026", "8 April 2026", "on April 8" (year of
// publication), "in June 2025" (a month), "on Wednesday" and "Wednesday's
// session" (the last such day on or before publication), "yesterday",
// "2026-04-08". A year alone ("in 2026") is a period, not a date, and is
// not reported.
class TextDateFinder {
public:
    static QList<DateMention> find(QStringView sentence, QDate published);
};

} // namespace tw
