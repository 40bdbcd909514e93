#pragma once

#include "models/core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <type_traits>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;
struct sqlite3_value;

namespace tw {

// The connection Qt's QSQLITE driver opened for `db`; nullptr for any other
// driver or a closed connection.
sqlite3 *sqliteHandleOf(const QSqlDatabase &db);

// A prepared statement run straight on the SQLite connection Qt's QSQLITE
// driver opened (QSqlDriver::handle()), inside the same transactions. For the
// few statements ingest runs per article, and the readers of a study's long
// histories (ArticleEvidenceReader, QuoteStore::dailyCloses): QSqlQuery
// spends more on binding (a string key per placeholder), on a QVariant per
// value and on UTF-16 values than SQLite spends on the statement itself.
// Everything else goes through QSqlQuery.
class SqliteStatement {
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&other) noexcept;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // Fails when `db` is not an open QSQLITE connection or the SQL is bad.
    static Result<SqliteStatement> prepare(const QSqlDatabase &db, const char *sql);
    // The same on a connection opened with sqlite3_open_v2 (one of our own,
    // beside Qt's); fails when `connection` is null or the SQL is bad.
    static Result<SqliteStatement> prepare(sqlite3 *connection, const char *sql);
    // prepare() into this statement unless it already is (a statement kept
    // for its owner's life, prepared on first use).
    Status prepareOnce(const QSqlDatabase &db, const char *sql);
    Status prepareOnce(const QSqlDatabase &db, const QString &sql);   // converted only when it is prepared

    // Parameters are 1-based, as SQLite numbers them. A null QString binds ''
    // (our text columns are NOT NULL DEFAULT '').
    void bind(int index, const QString &text);
    // Text already in UTF-8 (converted once for several statements).
    void bindUtf8(int index, const QByteArray &utf8);
    void bind(int index, qint64 value);
    void bind(int index, double value);
    void bindNull(int index);
    bool isPrepared() const { return m_stmt != nullptr; }
    // Binds as QSQLITE binds a QSqlQuery value (a QString as UTF-16, a null
    // QString as NULL, ...); false for a type it would only bind as text
    // through QVariant::toString (a date, a time, ...).
    bool bindAsQt(int index, const QVariant &value);
    int parameterCount() const;

    // Runs until the next row (true) or the end (false). The statement is
    // reset by the next bind after the end, or by reset().
    Result<bool> step();
    void reset();

    // How SQLite stores a column of the current row (its "storage class"):
    // our columns' declared types do not stop a REAL or a BLOB reaching a
    // TEXT column, or TEXT a number column.
    enum class Storage { Integer, Real, Text, Blob, Null };

    // One column of the current row, looked up once for all its accessors.
    // Valid until the next step.
    class Value {
    public:
        Storage storage() const;
        qint64 toInt64() const;
        double toDouble() const;
        // The stored bytes of a TEXT value when they are exactly the text
        // asQt() reads: well-formed UTF-8 without U+FFFE or U+FFFF (SQLite's
        // own conversion to UTF-16 replaces those, and any malformed
        // sequence, with U+FFFD). nullptr otherwise, to fall back on asQt().
        // Assumes a UTF-8 database (isUtf8Database).
        const char *exactUtf8(qsizetype *size) const;
        // The value as QSQLITE gives it to QSqlQuery::value(), for readers
        // that must turn it into text exactly as the QSqlQuery path does.
        QVariant asQt() const;

    private:
        friend class SqliteStatement;
        explicit Value(sqlite3_value *value) : m_value(value) {}
        sqlite3_value *m_value;
    };

    int columnCount() const;
    Value value(int column) const;
    qint64 columnInt64(int column) const;
    double columnDouble(int column) const;   // NULL reads 0
    bool columnIsNull(int column) const;
    QString columnText(int column) const;
    // The column's UTF-8 bytes, valid until the next step() or reset(): for
    // comparing or parsing a value without making a QString of it.
    QByteArrayView columnUtf8(int column) const;
    // SQLite stores text as UTF-8 unless a store was made with PRAGMA encoding.
    static bool isUtf8Database(const QSqlDatabase &db);
    int changes() const;             // rows the last INSERT/UPDATE/DELETE changed
    qint64 lastInsertRowId() const;

private:
    SqliteStatement(sqlite3 *db, sqlite3_stmt *stmt) : m_db(db), m_stmt(stmt) {}
    void resetIfDone();

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_needsReset = false;
    // The UTF-8 of each text parameter, kept until it is bound again: SQLite
    // reads it in place (SQLITE_STATIC) instead of copying every value.
    std::vector<QByteArray> m_text;
    void bindText(int index, QByteArray utf8);
};

// A statement's current row read as QSqlQuery::value() reads it: a row
// reader written as a template over its row type serves both paths.
struct SqliteRow {
    const SqliteStatement &statement;
    QVariant value(int column) const { return statement.value(column).asQt(); }
};

// Calls `each(statement)` on every row the statement gives; the statement is
// reset after, on failure too (a failed step's error as SQLite gave it).
template <typename Each>
Status forEachRow(SqliteStatement &statement, const Each &each)
{
    for (;;) {
        auto row = statement.step();
        if (!row) {
            statement.reset();
            return row.error();
        }
        if (!*row)
            break;
        each(std::as_const(statement));
    }
    statement.reset();
    return {};
}

// Every row the statement gives, each made a value by `read` from its
// SqliteRow (as readRows does for a QSqlQuery); the statement is reset
// after, on failure too. `what()` begins the error message (made only then).
template <typename Read, typename What>
auto readAllRows(SqliteStatement &statement, const What &what, const Read &read)
    -> Result<QList<std::invoke_result_t<const Read &, const SqliteRow &>>>
{
    QList<std::invoke_result_t<const Read &, const SqliteRow &>> out;
    if (auto s = forEachRow(statement, [&](const SqliteStatement &row) { out << read(SqliteRow{row}); }); !s)
        return fail(QStringLiteral("%1: %2").arg(what(), s.errorMessage()));
    return out;
}

} // namespace tw
