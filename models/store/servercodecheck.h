#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>
#include <QString>

namespace tw {

// A shared PostgreSQL store's tables may be altered by anyone who owns them
// or holds TRIGGER on them. Tickerwire puts no code of its own on its tables
// there, so a trigger, a rule, a row-level security policy, a column of a
// type (or domain) defined outside PostgreSQL's own schemas, or a default,
// check or index expression calling a function defined there is a
// colleague's code, which would run with this user's privileges on every
// write or read. Fails naming each such object (at most a few), so
// the store is not used until its owner removes them.
Status refuseColleagueCode(const QSqlDatabase &db, const QString &display);

// The indexes this build makes, checked on a shared store whose tables a
// colleague may have changed: a missing unique index makes every new row's
// write fail ("no unique or exclusion constraint matching the ON CONFLICT
// specification"), so the store is refused, naming it and its remedy; a
// missing index that only speeds reads up is a warning.
Status refuseMissingServerIndexes(const QSqlDatabase &db, const QString &display);

// PostgreSQL's default search_path starts with "$user": a colleague who may
// create schemas can make one named after this user, and every unqualified
// name would then resolve there, away from the desk's store, to an empty
// schema where Tickerwire would build a new store the colleague controls.
// Fails when the first schema of the path belongs to someone else, holds no
// store, and a later one does.
Status refuseShadowingSchema(const QSqlDatabase &db, const QString &display);

} // namespace tw
