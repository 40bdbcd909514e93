#include "store/sqlexec.h"

#include <QSqlError>

namespace tw {

QString describeSqlError(const QString &what, const QSqlQuery &query)
{
    return QStringLiteral("%1: %2").arg(what, query.lastError().text());
}

QString describeSqlError(const QString &what, const QSqlDatabase &db)
{
    return QStringLiteral("%1: %2").arg(what, db.lastError().text());
}

Status execStatements(QSqlDatabase &db, const QStringList &statements)
{
    for (const QString &sql : statements) {
        QSqlQuery query(db);
        if (!query.exec(sql))
            return fail(describeSqlError(QStringLiteral("SQL failed (%1)").arg(sql.simplified().left(80)), query));
    }
    return {};
}

Status execBound(QSqlQuery &query, std::initializer_list<QVariant> values)
{
    int i = 0;
    for (const QVariant &v : values) {
        // Qt binds a null QString as SQL NULL; our text columns are NOT NULL ''.
        if (v.metaType().id() == QMetaType::QString && v.toString().isNull())
            query.bindValue(i++, QStringLiteral(""));
        else
            query.bindValue(i++, v);
    }
    if (!query.exec())
        return fail(describeSqlError(QStringLiteral("SQL failed"), query));
    return {};
}

Result<qint64> queryScalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return fail(describeSqlError(QStringLiteral("Query failed (%1)").arg(sql), query));
    if (!query.next())
        return qint64{0};
    return query.value(0).toLongLong();
}

Transaction::Transaction(QSqlDatabase db) : m_db(std::move(db))
{
    m_active = m_db.transaction();
    if (!m_active)
        m_beginError = describeSqlError(QStringLiteral("Could not begin a transaction"), m_db);
}

Transaction::~Transaction()
{
    if (m_active)
        m_db.rollback();
}

Status Transaction::commit()
{
    if (!m_active)
        return fail(m_beginError.isEmpty() ? QStringLiteral("No transaction is active") : m_beginError);
    m_active = false;
    if (!m_db.commit()) {
        const QString message = describeSqlError(QStringLiteral("Could not commit"), m_db);
        m_db.rollback();
        return fail(message);
    }
    return {};
}

} // namespace tw
