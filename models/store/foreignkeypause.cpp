#include "models/store/foreignkeypause.h"

#include "models/store/sqldialect.h"
#include "models/store/sqlexec.h"

namespace tw {

Result<ForeignKeyPause> ForeignKeyPause::begin(QSqlDatabase db)
{
    if (dialectOf(db) != SqlDialect::Sqlite)
        return ForeignKeyPause(std::move(db), false);
    auto keys = queryScalar(db, QStringLiteral("PRAGMA foreign_keys"));
    if (!keys)
        return keys.error();
    if (*keys == 0)
        return ForeignKeyPause(std::move(db), false);
    if (auto off = execStatements(db, {QStringLiteral("PRAGMA foreign_keys = OFF")}); !off)
        return off.error();
    return ForeignKeyPause(std::move(db), true);
}

ForeignKeyPause::ForeignKeyPause(ForeignKeyPause &&other) noexcept
    : m_db(std::move(other.m_db))
    , m_paused(std::exchange(other.m_paused, false))
{
}

ForeignKeyPause::~ForeignKeyPause()
{
    (void)end();
}

Status ForeignKeyPause::end()
{
    if (!std::exchange(m_paused, false))
        return {};
    return execStatements(m_db, {QStringLiteral("PRAGMA foreign_keys = ON")});
}

} // namespace tw
