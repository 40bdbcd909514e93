#include "models/store/servercodecheck.h"

#include "models/core/logging.h"
#include "models/store/sqlexec.h"
#include "models/store/sqliteschemarepair.h"

#include <QSet>
#include <QSqlQuery>
#include <QStringList>

namespace tw {

namespace {
// The store's own schema (current_schema(), as the rest of the store code
// uses); functions in pg_catalog and information_schema are PostgreSQL's.
const char *const kColleagueCodeSql = R"(
WITH store AS (SELECT c.oid, c.relname FROM pg_class AS c
               WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
                 AND c.relkind IN ('r', 'p')),
foreign_functions AS (SELECT p.oid, n.nspname || '.' || p.proname AS name FROM pg_proc AS p
                      JOIN pg_namespace AS n ON n.oid = p.pronamespace
                      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema'))
SELECT 'trigger ' || t.tgname || ' on ' || s.relname || ' (runs ' || t.tgfoid::regproc::text || ')'
  FROM pg_trigger AS t JOIN store AS s ON s.oid = t.tgrelid WHERE NOT t.tgisinternal
UNION ALL
SELECT 'rule ' || r.rulename || ' on ' || s.relname
  FROM pg_rewrite AS r JOIN store AS s ON s.oid = r.ev_class WHERE r.rulename <> '_RETURN'
UNION ALL
SELECT 'row-level security policy ' || p.polname || ' on ' || s.relname
  FROM pg_policy AS p JOIN store AS s ON s.oid = p.polrelid
UNION ALL
SELECT 'column ' || s.relname || '.' || a.attname || ' of type ' || format_type(a.atttypid, a.atttypmod)
       || ' (a type of its own, whose checks and conversions are functions)'
  FROM pg_attribute AS a JOIN store AS s ON s.oid = a.attrelid JOIN pg_type AS ty ON ty.oid = a.atttypid
  JOIN pg_namespace AS tn ON tn.oid = ty.typnamespace
  WHERE a.attnum > 0 AND NOT a.attisdropped AND tn.nspname NOT IN ('pg_catalog', 'information_schema')
UNION ALL
SELECT DISTINCT 'function ' || f.name || ' called by a default, check or index of ' || s.relname
  FROM pg_depend AS d
  JOIN foreign_functions AS f ON d.refclassid = 'pg_proc'::regclass AND d.refobjid = f.oid
  JOIN store AS s ON s.oid = CASE d.classid
      WHEN 'pg_attrdef'::regclass THEN (SELECT adrelid FROM pg_attrdef WHERE oid = d.objid)
      WHEN 'pg_constraint'::regclass THEN (SELECT conrelid FROM pg_constraint WHERE oid = d.objid)
      WHEN 'pg_class'::regclass THEN (SELECT indrelid FROM pg_index WHERE indexrelid = d.objid)
  END
)";
} // namespace

Status refuseColleagueCode(const QSqlDatabase &db, const QString &display)
{
    QSqlQuery q(db);
    if (!q.exec(QString::fromLatin1(kColleagueCodeSql)))
        return fail(describeSqlError(QStringLiteral("Could not read the code on the tables of %1").arg(display), q));
    QStringList found;
    while (q.next())
        found << q.value(0).toString();
    if (found.isEmpty())
        return {};
    constexpr qsizetype kShown = 5;
    QString listed = found.mid(0, kShown).join(QStringLiteral("; "));
    if (found.size() > kShown)
        listed += QStringLiteral("; and %1 more").arg(found.size() - kShown);
    return fail(QStringLiteral("%1 holds code that Tickerwire did not put there and that would run with your "
                               "privileges (%2); it was not used. Ask the owner of its tables to remove it")
                    .arg(display, listed));
}

Status refuseMissingServerIndexes(const QSqlDatabase &db, const QString &display)
{
    auto expected = SqliteSchemaRepair::referenceIndexes();
    if (!expected)
        return expected.error();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT CAST(indexname AS TEXT) FROM pg_indexes WHERE schemaname = current_schema()")))
        return fail(describeSqlError(QStringLiteral("Could not read the indexes of %1").arg(display), q));
    QSet<QString> present;
    while (q.next())
        present.insert(q.value(0).toString());
    QStringList missingUnique, missingOther;
    for (auto it = expected->cbegin(); it != expected->cend(); ++it) {
        if (!present.contains(it.key()))
            (it.value() ? missingUnique : missingOther) << it.key();
    }
    missingUnique.sort();
    missingOther.sort();
    if (!missingOther.isEmpty())
        qCWarning(twStore).noquote() << display << "lacks the index(es)" << missingOther.join(QStringLiteral(", "))
                                     << "(dropped by someone); reads will be slower until its owner makes them again";
    if (missingUnique.isEmpty())
        return {};
    return fail(QStringLiteral("%1 lacks the unique index(es) %2 that keep one row per article or item (someone "
                               "dropped them), so no new row could be stored; it was not used. Ask the owner of its "
                               "tables to make them again")
                    .arg(display, missingUnique.join(QStringLiteral(", "))));
}

Status refuseShadowingSchema(const QSqlDatabase &db, const QString &display)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral(
            "SELECT CAST(s.nspname AS TEXT), pg_get_userbyid(s.nspowner), CAST(later.name AS TEXT) "
            "FROM pg_namespace AS s, unnest(current_schemas(false)) AS later(name) "
            "JOIN pg_namespace AS n ON n.nspname = later.name "
            "JOIN pg_class AS c ON c.relnamespace = n.oid AND c.relname = 'schema_version' "
            "WHERE s.nspname = current_schema() AND later.name <> s.nspname "
            "AND s.nspowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user) "
            "AND NOT EXISTS (SELECT 1 FROM pg_class AS v WHERE v.relnamespace = s.oid AND v.relname = 'schema_version') "
            "LIMIT 1")))
        return fail(describeSqlError(QStringLiteral("Could not read the search path of %1").arg(display), q));
    if (!q.next())
        return {};
    return fail(QStringLiteral("%1: the schema %2, owned by %3, comes first in your search_path and would hide the "
                               "Tickerwire store in schema %4 (a new, empty store would be made there instead); it "
                               "was not used. Ask %3 to drop or rename that schema, or set your search_path")
                    .arg(display, q.value(0).toString(), q.value(1).toString(), q.value(2).toString()));
}

} // namespace tw
