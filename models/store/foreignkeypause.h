#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>

namespace tw {

// Turns SQLite's foreign-key checks off for a write whose rows are known to
// keep every key (child rows deleted, or child rows made from parents read
// under the same write lock), and back on when it leaves scope. SQLite
// ignores the pragma inside a transaction, so it must be made before the
// write's transaction begins. Does nothing on PostgreSQL, or when the
// checks were off already.
class ForeignKeyPause {
public:
    static Result<ForeignKeyPause> begin(QSqlDatabase db);
    ForeignKeyPause(ForeignKeyPause &&other) noexcept;
    ForeignKeyPause &operator=(ForeignKeyPause &&) = delete;
    ForeignKeyPause(const ForeignKeyPause &) = delete;
    ForeignKeyPause &operator=(const ForeignKeyPause &) = delete;
    ~ForeignKeyPause();

    // Turns the checks back on now; the error, if any, is the caller's to report.
    Status end();

private:
    explicit ForeignKeyPause(QSqlDatabase db, bool paused) : m_db(std::move(db)), m_paused(paused) {}
    QSqlDatabase m_db;
    bool m_paused = false;   // true: this object turned the checks off and must turn them on
};

} // namespace tw
