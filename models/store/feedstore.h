#pragma once

#include "models/core/result.h"
#include "models/domain/feed.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace tw {

// The configured feeds and their fetch status.
class FeedStore {
public:
    explicit FeedStore(QSqlDatabase db);

    // Adds the feed, or returns the id of the one already configured for the URL.
    Result<qint64> add(const Feed &feed);
    Status update(const Feed &feed);
    Status remove(qint64 id);
    Result<QList<Feed>> all() const;
    Result<std::optional<Feed>> byId(qint64 id) const;

private:
    QSqlDatabase m_db;
};

} // namespace tw
