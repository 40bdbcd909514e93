#pragma once

#include "domain/article.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace tw {

// What a news parser makes of one document: the items it could read and, for
// each item it had to skip, why. A parser never touches network or store.
struct ParsedFeed {
    QString title;
    QString link;
    QList<Article> articles;
    QStringList skipped;   // "item 3: no title, link or description"
};

} // namespace tw
