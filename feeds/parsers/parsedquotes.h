#pragma once

#include "models/domain/quote.h"

#include <QList>
#include <QStringList>

namespace tw {

// What a price parser makes of one body: daily bars, oldest first, and for
// each row it dropped, why. `ticker` is the one the caller named, else the
// one the body names.
struct ParsedQuotes {
    QString ticker;
    QList<QuoteBar> bars;
    QStringList skipped;
};

} // namespace tw
