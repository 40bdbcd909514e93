#pragma once

#include <QString>
#include <QStringList>

namespace tw {

// A company the workspace follows, with the names the news uses for it.
struct TickerInfo {
    QString symbol;             // "META"
    QString name;               // "Meta Platforms, Inc."
    QString exchange;           // "NASDAQ"
    QString timeZone = QStringLiteral("America/New_York");
    QStringList aliases;        // "Meta", "Meta Platforms", "Facebook parent", ...
    bool onWatchlist = true;
    int position = 0;
    qint64 cik = 0;             // SEC company id (0 when unknown); share classes share it
};

} // namespace tw
