#include "models/store/preparedwrite.h"

#include "models/store/sqldialect.h"
#include "models/store/sqlexec.h"

namespace tw {

PreparedWrite::PreparedWrite(QSqlDatabase db, const char *sql)
    : m_db(db), m_sql(sql), m_sqlite(dialectOf(db) == SqlDialect::Sqlite), m_query(db)
{
}

Status PreparedWrite::prepare()
{
    if (m_sqlite)
        return m_statement.prepareOnce(m_db, m_sql);
    m_query.setForwardOnly(true);
    if (!m_query.prepare(QString::fromLatin1(m_sql)))
        return fail(describeSqlError(QStringLiteral("Could not prepare a statement"), m_query));
    return {};
}

Status PreparedWrite::exec(std::initializer_list<QVariant> values)
{
    if (m_sqlite ? !m_statement.isPrepared() : m_query.lastQuery().isEmpty())
        if (auto ready = prepare(); !ready)
            return ready;
    if (!m_sqlite)
        return execBound(m_query, values);
    int index = 1;
    for (const QVariant &v : values) {
        // As execBound: a null QString is '' (our text columns are NOT NULL '').
        if (v.metaType().id() == QMetaType::QString)
            m_statement.bind(index, *static_cast<const QString *>(v.constData()));
        else if (!m_statement.bindAsQt(index, v))
            m_statement.bind(index, v.toString());   // as QSQLITE binds the rest
        ++index;
    }
    auto done = m_statement.step();
    m_statement.reset();
    if (!done)
        return fail(QStringLiteral("SQL failed: %1").arg(done.errorMessage()));
    return {};
}

} // namespace tw
