#include "models/store/sqlitestatement.h"

#include "models/store/sqlexec.h"
#include "models/text/utf8check.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

#include <cstring>
#include <utility>

namespace tw {

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)),
      m_stmt(std::exchange(other.m_stmt, nullptr)),
      m_needsReset(std::exchange(other.m_needsReset, false)),
      m_text(std::move(other.m_text))
{
}

SqliteStatement &SqliteStatement::operator=(SqliteStatement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_needsReset = std::exchange(other.m_needsReset, false);
        m_text = std::move(other.m_text);
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

Status SqliteStatement::prepareOnce(const QSqlDatabase &db, const char *sql)
{
    if (isPrepared())
        return {};
    auto prepared = prepare(db, sql);
    if (!prepared)
        return prepared.error();
    *this = std::move(*prepared);
    return {};
}

Status SqliteStatement::prepareOnce(const QSqlDatabase &db, const QString &sql)
{
    if (isPrepared())
        return {};
    return prepareOnce(db, sql.toUtf8().constData());
}

Result<SqliteStatement> SqliteStatement::prepare(const QSqlDatabase &db, const char *sql)
{
    return prepare(sqliteHandleOf(db), sql);
}

Result<SqliteStatement> SqliteStatement::prepare(sqlite3 *connection, const char *sql)
{
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

void SqliteStatement::bindText(int index, QByteArray utf8)
{
    resetIfDone();
    if (index < 1)
        return;   // SQLite would refuse it too (SQLITE_RANGE)
    if (m_text.size() < size_t(index))
        m_text.resize(size_t(index));
    QByteArray &kept = m_text[size_t(index) - 1];
    kept = std::move(utf8);
    // A null QByteArray's data() is "", so this binds '' like bind(QString()).
    sqlite3_bind_text(m_stmt, index, kept.constData(), int(kept.size()), SQLITE_STATIC);
}

void SqliteStatement::bind(int index, const QString &text)
{
    bindText(index, text.toUtf8());
}

void SqliteStatement::bindUtf8(int index, const QByteArray &utf8)
{
    bindText(index, utf8);   // shares the bytes, copies nothing
}

void SqliteStatement::bind(int index, qint64 value)
{
    resetIfDone();
    sqlite3_bind_int64(m_stmt, index, value);
}

void SqliteStatement::bind(int index, double value)
{
    resetIfDone();
    sqlite3_bind_double(m_stmt, index, value);
}

void SqliteStatement::bindNull(int index)
{
    resetIfDone();
    sqlite3_bind_null(m_stmt, index);
}

bool SqliteStatement::bindAsQt(int index, const QVariant &value)
{
    resetIfDone();
    // QSqlResultPrivate::isVariantNull for the types bound below.
    const int type = value.userType();
    if (value.isNull() || (type == QMetaType::QString && static_cast<const QString *>(value.constData())->isNull())
        || (type == QMetaType::QByteArray && static_cast<const QByteArray *>(value.constData())->isNull()))
        return sqlite3_bind_null(m_stmt, index) == SQLITE_OK;
    int rc = SQLITE_OK;
    switch (type) {
    case QMetaType::QByteArray: {
        const auto *bytes = static_cast<const QByteArray *>(value.constData());
        rc = sqlite3_bind_blob(m_stmt, index, bytes->constData(), int(bytes->size()), SQLITE_TRANSIENT);
        break;
    }
    case QMetaType::Int:
    case QMetaType::Bool:
        rc = sqlite3_bind_int(m_stmt, index, value.toInt());
        break;
    case QMetaType::Double:
        rc = sqlite3_bind_double(m_stmt, index, value.toDouble());
        break;
    case QMetaType::UInt:
    case QMetaType::LongLong:
        rc = sqlite3_bind_int64(m_stmt, index, value.toLongLong());
        break;
    case QMetaType::QString: {
        const auto *text = static_cast<const QString *>(value.constData());
        rc = sqlite3_bind_text16(m_stmt, index, text->unicode(), int(text->size() * sizeof(QChar)), SQLITE_TRANSIENT);
        break;
    }
    default:
        return false;
    }
    return rc == SQLITE_OK;
}

int SqliteStatement::parameterCount() const
{
    return sqlite3_bind_parameter_count(m_stmt);
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

int SqliteStatement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

SqliteStatement::Value SqliteStatement::value(int column) const
{
    return Value(sqlite3_column_value(m_stmt, column));
}

SqliteStatement::Storage SqliteStatement::Value::storage() const
{
    switch (sqlite3_value_type(m_value)) {
    case SQLITE_INTEGER: return Storage::Integer;
    case SQLITE_FLOAT: return Storage::Real;
    case SQLITE_BLOB: return Storage::Blob;
    case SQLITE_NULL: return Storage::Null;
    default: return Storage::Text;
    }
}

qint64 SqliteStatement::Value::toInt64() const
{
    return sqlite3_value_int64(m_value);
}

double SqliteStatement::Value::toDouble() const
{
    return sqlite3_value_double(m_value);
}

const char *SqliteStatement::Value::exactUtf8(qsizetype *size) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(m_value));
    *size = sqlite3_value_bytes(m_value);
    if (!isWellFormedUtf8(text, *size))
        return nullptr;
    // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
    for (const char *p = text, *end = text + *size;
         (p = static_cast<const char *>(std::memchr(p, '\xEF', size_t(end - p)))) != nullptr; ++p) {
        if (end - p >= 3 && p[1] == '\xBF' && (p[2] == '\xBE' || p[2] == '\xBF'))
            return nullptr;
    }
    return text;
}

QVariant SqliteStatement::Value::asQt() const
{
    // QSQLiteResultPrivate::fetchNext, with the default precision policy.
    switch (sqlite3_value_type(m_value)) {
    case SQLITE_BLOB:
        return QByteArray(static_cast<const char *>(sqlite3_value_blob(m_value)), sqlite3_value_bytes(m_value));
    case SQLITE_INTEGER:
        return qint64(sqlite3_value_int64(m_value));
    case SQLITE_FLOAT:
        return sqlite3_value_double(m_value);
    case SQLITE_NULL:
        return QVariant(QMetaType::fromType<QString>());
    default:
        return QString(reinterpret_cast<const QChar *>(sqlite3_value_text16(m_value)),
                       sqlite3_value_bytes16(m_value) / qsizetype(sizeof(QChar)));
    }
}

bool SqliteStatement::isUtf8Database(const QSqlDatabase &db)
{
    sqlite3 *connection = sqliteHandleOf(db);
    sqlite3_stmt *stmt = nullptr;
    if (!connection || sqlite3_prepare_v2(connection, "PRAGMA encoding", -1, &stmt, nullptr) != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return false;
    }
    const bool utf8 = sqlite3_step(stmt) == SQLITE_ROW
                      && qstrcmp(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)), "UTF-8") == 0;
    sqlite3_finalize(stmt);
    return utf8;
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
