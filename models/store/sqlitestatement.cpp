#include "models/store/sqlitestatement.h"

#include "models/store/sqlexec.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

#include <utility>

namespace tw {

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)),
      m_stmt(std::exchange(other.m_stmt, nullptr)),
      m_needsReset(std::exchange(other.m_needsReset, false))
{
}

SqliteStatement &SqliteStatement::operator=(SqliteStatement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_needsReset = std::exchange(other.m_needsReset, false);
    }
    return *this;
}

sqlite3 *sqliteHandleOf(const QSqlDatabase &db)
{
    // The pattern Qt documents for QSqlDriver::handle() with QSQLITE.
    const QVariant handle = db.isOpen() && db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

Result<SqliteStatement> SqliteStatement::prepare(const QSqlDatabase &db, const char *sql)
{
    sqlite3 *connection = sqliteHandleOf(db);
    if (!connection)
        return fail(QStringLiteral("Not an open SQLite connection"));
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v3(connection, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
        const QString message = QString::fromUtf8(sqlite3_errmsg(connection));
        sqlite3_finalize(stmt);
        return fail(QStringLiteral("Could not prepare \"%1\": %2").arg(QString::fromUtf8(sql), message));
    }
    return SqliteStatement(connection, stmt);
}

void SqliteStatement::resetIfDone()
{
    if (m_needsReset) {
        sqlite3_reset(m_stmt);
        m_needsReset = false;
    }
}

void SqliteStatement::bind(int index, const QString &text)
{
    resetIfDone();
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::bindUtf8(int index, const QByteArray &utf8)
{
    resetIfDone();
    // A null QByteArray's data() is "", so this binds '' like bind(QString()).
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::bind(int index, qint64 value)
{
    resetIfDone();
    sqlite3_bind_int64(m_stmt, index, value);
}

void SqliteStatement::bindNull(int index)
{
    resetIfDone();
    sqlite3_bind_null(m_stmt, index);
}

Result<bool> SqliteStatement::step()
{
    resetIfDone();
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    m_needsReset = true;
    if (rc == SQLITE_DONE)
        return false;
    const QString message = QString::fromUtf8(sqlite3_errmsg(m_db));
    if (const QString advice = sqliteErrorAdvice(rc); !advice.isEmpty())
        return fail(QStringLiteral("%1 (%2)").arg(message, advice));
    return fail(message);
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    m_needsReset = false;
}

qint64 SqliteStatement::columnInt64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double SqliteStatement::columnDouble(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

bool SqliteStatement::columnIsNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QByteArrayView SqliteStatement::columnUtf8(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QByteArrayView(text, sqlite3_column_bytes(m_stmt, column));
}

QString SqliteStatement::columnText(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, column));
}

int SqliteStatement::changes() const
{
    return sqlite3_changes(m_db);
}

qint64 SqliteStatement::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

} // namespace tw
