#pragma once

#include "models/domain/article.h"

#include <QDateTime>
#include <QString>

namespace twtest {

// A story as a news wire delivers it, fetched the moment it was published:
// the article the ingest and event suites feed their stores.
inline tw::Article wireStory(const QString &guid, const QString &title, const QString &body,
                             const QDateTime &published, const QString &source = QStringLiteral("Test Wire"))
{
    tw::Article a;
    a.guid = guid;
    a.title = title;
    a.body = body;
    a.source = source;
    a.published = published;
    a.fetched = published;
    return a;
}

} // namespace twtest
