#include "models/store/sqlitefilecheck.h"

#include "models/store/migrations/migration.h"

#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QStorageInfo>

#include <sqlite3.h>

namespace tw {

namespace {
// One read-only SQLite connection to a file, for looking only.
class ReadOnlyFile {
public:
    ReadOnlyFile(const QString &path, int busyTimeoutMs)
    {
        // No URI, no create: a missing file is an error, not a new database.
        m_rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db,
                               SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
        if (m_rc == SQLITE_OK)
            sqlite3_busy_timeout(m_db, busyTimeoutMs);
    }
    ~ReadOnlyFile() { sqlite3_close_v2(m_db); }
    ReadOnlyFile(const ReadOnlyFile &) = delete;
    ReadOnlyFile &operator=(const ReadOnlyFile &) = delete;

    bool opened() const { return m_rc == SQLITE_OK; }
    int errorCode() const { return m_db ? sqlite3_errcode(m_db) : m_rc; }
    QString errorText() const
    {
        return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(m_rc));
    }

    // The first column of each row of `sql`, as text; nullopt-like failure via ok.
    bool rows(const char *sql, QStringList *out)
    {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr) != SQLITE_OK)
            return false;
        const auto finalize = qScopeGuard([&] { sqlite3_finalize(stmt); });
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
            *out << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        return rc == SQLITE_DONE;
    }

private:
    sqlite3 *m_db = nullptr;
    int m_rc = SQLITE_OK;
};

QString untouched(const QString &path, const QString &what)
{
    return QStringLiteral("%1 %2; it was left untouched").arg(path, what);
}

// Reading a store in WAL mode needs room for its `-shm` index (32 KiB): on a
// full disk SQLite says only "disk I/O error".
bool diskIsFull(const QString &path)
{
    const QStorageInfo storage(QFileInfo(path).absolutePath());
    return storage.isValid() && storage.bytesAvailable() >= 0 && storage.bytesAvailable() < 1024 * 1024;
}

QString describeFailure(const QString &path, const ReadOnlyFile &file)
{
    const int code = file.errorCode() & 0xff;
    if ((code == SQLITE_IOERR || code == SQLITE_FULL || code == SQLITE_CANTOPEN) && diskIsFull(path))
        return untouched(path, QStringLiteral("cannot be opened: the disk that holds it is full; free some space and "
                                              "run it again (%1)").arg(file.errorText()));
    // A store in WAL mode is read through its -shm index, which SQLite makes
    // beside it: a folder the user cannot write (permissions, a read-only
    // mount) stops even a read.
    if ((code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_PERM)
        && !QFileInfo(QFileInfo(path).absolutePath()).isWritable())
        return untouched(path, QStringLiteral("cannot be opened: its folder is read-only for you and SQLite must "
                                              "create its -shm and -wal files there (%1)").arg(file.errorText()));
    switch (code) {
    case SQLITE_NOTADB:
        // Only asked once the file starts as SQLite's do: its header is broken.
        return untouched(path, QStringLiteral("is damaged: it starts like an SQLite database but its header is "
                                              "not valid (%1); restore a backup").arg(file.errorText()));
    case SQLITE_CORRUPT:
        return untouched(path, QStringLiteral("is damaged (%1)").arg(file.errorText()));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return untouched(path, QStringLiteral("is locked by another program (%1)").arg(file.errorText()));
    case SQLITE_READONLY:
        return untouched(path, QStringLiteral("cannot be opened: SQLite must create its -shm and -wal files beside it "
                                              "and cannot (%1): check the permissions of the file and its folder")
                                   .arg(file.errorText()));
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_IOERR:
        return untouched(path, QStringLiteral("cannot be read (%1)").arg(file.errorText()));
    default:
        return untouched(path, QStringLiteral("is damaged or unreadable (%1)").arg(file.errorText()));
    }
}

Result<bool> hasSqliteMagic(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    static const QByteArray magic("SQLite format 3\0", 16);
    return file.read(magic.size()) == magic;
}
} // namespace

Result<SqliteStoreFile> inspectSqliteFile(const QString &path, int busyTimeoutMs)
{
    const QFileInfo info(path);
    if (!info.exists() || (info.isFile() && info.size() == 0))
        return SqliteStoreFile{};
    if (!info.isFile())
        return fail(QStringLiteral("%1 is not a file").arg(path));
    // Said before SQLite is asked, so a text file or a spreadsheet gets the plain answer.
    auto magic = hasSqliteMagic(path);
    if (!magic)
        return magic.error();
    if (!*magic)
        return fail(untouched(path, QStringLiteral("is not a Tickerwire store (not an SQLite database)")));

    ReadOnlyFile file(path, busyTimeoutMs);
    if (!file.opened())
        return fail(describeFailure(path, file));
    QStringList version, tables;
    // Reading the schema makes SQLite check the header against the file and
    // its log (a truncated file is "malformed") before anything else.
    if (!file.rows("SELECT name FROM sqlite_master WHERE type = 'table'", &tables)
        || !file.rows("PRAGMA user_version", &version) || version.isEmpty())
        return fail(describeFailure(path, file));

    SqliteStoreFile result;
    result.exists = true;
    result.userVersion = version.constFirst().toInt();
    // A store's first migration creates its tables and sets the version in
    // one transaction: version 0 with tables, or a version without our
    // tables, is somebody else's database.
    if ((result.userVersion == 0 && !tables.isEmpty())
        || (result.userVersion > 0 && !tables.contains(QLatin1String("articles"))))
        return fail(untouched(path, QStringLiteral("is an SQLite database but not a Tickerwire store")));
    // What its steps left, for the check that the version number tells the truth.
    QStringList objects;
    if (result.userVersion > 0 && !file.rows(schemaObjectsSql(SqlDialect::Sqlite).toUtf8().constData(), &objects))
        return fail(describeFailure(path, file));
    for (const QString &o : std::as_const(objects))
        result.schemaObjects.insert(o.toLower());
    return result;
}

Status verifySqliteCopy(const QString &path, int userVersion)
{
    auto magic = hasSqliteMagic(path);
    if (!magic)
        return magic.error();
    if (!*magic)
        return fail(QStringLiteral("not an SQLite database"));
    ReadOnlyFile file(path, 5000);
    if (!file.opened())
        return fail(file.errorText());
    QStringList check, version;
    if (!file.rows("PRAGMA integrity_check", &check) || !file.rows("PRAGMA user_version", &version))
        return fail(file.errorText());
    if (check != QStringList{QStringLiteral("ok")})
        return fail(QStringLiteral("integrity check: %1").arg(check.mid(0, 3).join(QStringLiteral("; "))));
    if (version.value(0).toInt() != userVersion)
        return fail(QStringLiteral("schema version %1 where %2 was expected").arg(version.value(0)).arg(userVersion));
    return {};
}

} // namespace tw
