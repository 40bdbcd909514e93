#include "models/store/sqlexec.h"

#include "models/store/sqldialect.h"
#include "models/store/sqlitelockwait.h"

#include <QElapsedTimer>
#include <QSqlError>

namespace tw {

QString sqliteErrorAdvice(int code)
{
    switch (code & 0xff) {
    case 13:   // SQLITE_FULL
        return QStringLiteral("the disk that holds the store is full: free some space and run it again; "
                              "everything committed before is kept");
    case 10:   // SQLITE_IOERR: a write that failed (EFBIG, EIO, ...)
        return QStringLiteral("the disk that holds the store could not be written (full, failing, or over a "
                              "file-size limit): make room and run it again; everything committed before is kept");
    case 8:    // SQLITE_READONLY: the file, its -wal/-shm or its folder is not writable for this user
        return QStringLiteral("the store is read-only for you (the file, its -wal and -shm beside it, or its folder): "
                              "check their owner and permissions; everything committed before is kept");
    case 5:    // SQLITE_BUSY
    case 6:    // SQLITE_LOCKED
        return QStringLiteral("another process kept the store busy for longer than this one waits; run it again "
                              "when that process is done");
    default:
        return {};
    }
}

namespace {
// A server store whose connection died (network cut, server restart, session
// killed) answers with libpq's multi-line text; say plainly what it means.
QString describe(const QString &what, const QSqlError &error)
{
    // SQLite's codes are numbers; PostgreSQL's are five-character SQLSTATEs.
    const QString code = error.nativeErrorCode();
    if (const QString advice = code.size() < 5 ? sqliteErrorAdvice(code.toInt()) : QString(); !advice.isEmpty())
        return QStringLiteral("%1: %2 (%3)").arg(what, error.text(), advice);
    if (code == QLatin1String("42501"))   // insufficient_privilege: a shared store's owner did not grant it
        return QStringLiteral("%1: the server refused it (%2): your user lacks a privilege on the store's tables; "
                              "ask the owner of the store's tables to grant it; nothing was changed by it")
            .arg(what, error.databaseText().section(QLatin1Char('\n'), 0, 0).simplified());
    if (code == QLatin1String("55P03"))   // lock_not_available: lock_timeout ran out
        return QStringLiteral("%1: another client held a lock on the store for longer than this one waits (%2); "
                              "run it again when that client is done (an open transaction, a long copy or upgrade); "
                              "what was not yet committed was not stored")
            .arg(what, error.databaseText().section(QLatin1Char('\n'), 0, 0).simplified());
    const QString text = (error.databaseText() + QLatin1Char(' ') + error.driverText()).toLower();
    const bool lost = text.contains(QLatin1String("server closed the connection"))
        || text.contains(QLatin1String("terminating connection")) || text.contains(QLatin1String("no connection to the server"))
        || text.contains(QLatin1String("could not receive data from server"));
    if (!lost)
        return QStringLiteral("%1: %2").arg(what, error.text());
    QString reason = error.databaseText().section(QLatin1Char('\n'), 0, 0).simplified();
    if (reason.isEmpty())
        reason = error.driverText().simplified();
    return QStringLiteral("%1: the connection to the store was lost (%2); what was not yet committed was not stored")
        .arg(what, reason);
}
} // namespace

QString describeSqlError(const QString &what, const QSqlQuery &query)
{
    return describe(what, query.lastError());
}

QString describeSqlError(const QString &what, const QSqlDatabase &db)
{
    return describe(what, db.lastError());
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

Status execBound(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values)
{
    QSqlQuery query(db);
    query.prepare(sql);
    return execBound(query, values);
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

Result<QVariant> selectValue(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values)
{
    QSqlQuery q(db);
    q.prepare(sql);
    if (auto s = execBound(q, values); !s)
        return s.error();
    return q.next() ? q.value(0) : QVariant();
}

namespace {
qint64 idOf(const QSqlQuery &row)
{
    return row.value(0).toLongLong();
}
} // namespace

QList<qint64> readIds(QSqlQuery &query)
{
    return readRows(query, idOf);
}

Result<QList<qint64>> selectIds(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values)
{
    return selectRows(db, sql, values, idOf);
}

Transaction::Transaction(QSqlDatabase db) : m_db(std::move(db))
{
    if (dialectOf(m_db) != SqlDialect::Sqlite) {
        m_active = m_db.transaction();
        if (!m_active)
            m_beginError = describeSqlError(QStringLiteral("Could not begin a transaction"), m_db);
        return;
    }
    // IMMEDIATE takes the write lock now, waiting through the busy handler.
    // A deferred BEGIN would read first and then have to upgrade to writing,
    // and SQLite fails that upgrade at once ("database is locked") when
    // another connection wrote meanwhile: no busy timeout ever applies to it.
    m_lockWait = SqliteLockWait::of(m_db);
    QSqlQuery begin(m_db);
    m_active = begin.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (m_lockWait)
        m_lockWait->stopWaiting();
    if (!m_active)
        m_beginError = describeSqlError(QStringLiteral("Could not begin a transaction"), begin);
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
    if (dialectOf(m_db) == SqlDialect::Sqlite) {
        // Through a query, whose error keeps SQLite's code (disk full, busy).
        QSqlQuery commit(m_db);
        if (!commit.exec(QStringLiteral("COMMIT"))) {
            const QString message = describeSqlError(QStringLiteral("Could not commit"), commit);
            m_db.rollback();
            return fail(message);
        }
    } else if (!m_db.commit()) {
        const QString message = describeSqlError(QStringLiteral("Could not commit"), m_db);
        m_db.rollback();
        return fail(message);
    }
    if (m_lockWait)
        m_lockWait->yieldToWaiters();
    return {};
}

Status inTransaction(QSqlDatabase db, const std::function<Status()> &work)
{
    Transaction tx(std::move(db));
    if (!tx.active())
        return fail(tx.beginError());
    if (Status s = work(); !s)
        return s;
    return tx.commit();
}

Status writeInTimedBatches(QSqlDatabase db, qsizetype count, const std::function<Status(qsizetype)> &step,
                           const std::function<void(qsizetype done)> &committed, qint64 budgetMs)
{
    qsizetype done = 0;
    while (done < count) {
        Transaction tx(db);
        if (!tx.active())
            return fail(tx.beginError());
        QElapsedTimer held;
        held.start();
        do {
            if (Status s = step(done); !s)
                return s;
            ++done;
        } while (done < count && held.elapsed() < budgetMs);
        if (Status s = tx.commit(); !s)
            return s;
        if (committed)
            committed(done);
    }
    return {};
}

} // namespace tw
