#pragma once

#include "models/core/result.h"
#include "models/domain/ticker.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace tw {

// The companies the workspace knows, their aliases and the watchlist order.
class TickerStore {
public:
    explicit TickerStore(QSqlDatabase db);

    Status upsert(const TickerInfo &ticker);
    Status remove(const QString &symbol);
    Result<QList<TickerInfo>> all() const;        // by watchlist position
    Result<QList<TickerInfo>> watchlist() const;  // on_watchlist only
    Result<std::optional<TickerInfo>> bySymbol(const QString &symbol) const;
    // The stored companies with this SEC CIK, watched ones first (GOOGL and
    // GOOG share Alphabet's).
    Result<QList<TickerInfo>> byCik(qint64 cik) const;

private:
    Result<QList<TickerInfo>> select(const QString &where, const QVariant &value) const;

    QSqlDatabase m_db;
};

} // namespace tw
