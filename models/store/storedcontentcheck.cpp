#include "models/store/storedcontentcheck.h"

#include <sqlite3.h>

namespace tw {

Result<std::unique_ptr<StoredContentCheck>> StoredContentCheck::open(const QString &file)
{
    if (file.isEmpty())
        return fail(QStringLiteral("Not a store file"));
    sqlite3 *opened = nullptr;
    const int rc = sqlite3_open_v2(file.toUtf8().constData(), &opened, SQLITE_OPEN_READONLY, nullptr);
    std::unique_ptr<sqlite3, decltype(&sqlite3_close)> connection(opened, &sqlite3_close);
    if (rc != SQLITE_OK)
        return fail(QStringLiteral("Could not open %1 to read it: %2")
                        .arg(file, QString::fromUtf8(opened ? sqlite3_errmsg(opened) : sqlite3_errstr(rc))));
    auto mode = SqliteStatement::prepare(connection.get(), "PRAGMA journal_mode");
    if (!mode)
        return mode.error();
    if (auto row = mode->step(); !row || !*row || mode->columnText(0).compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return fail(QStringLiteral("%1 is not in WAL mode").arg(file));
    auto byIdentity = SqliteStatement::prepare(connection.get(), ArticleStore::kSqliteFindByIdentitySql);
    if (!byIdentity)
        return byIdentity.error();
    auto byUrl = SqliteStatement::prepare(connection.get(), ArticleStore::kSqliteFindByUrlSql);
    if (!byUrl)
        return byUrl.error();
    return std::unique_ptr<StoredContentCheck>(
        new StoredContentCheck(connection.release(), std::move(*byIdentity), std::move(*byUrl)));
}

StoredContentCheck::StoredContentCheck(sqlite3 *connection, SqliteStatement byIdentity, SqliteStatement byUrl)
    : m_connection(connection), m_byIdentity(std::move(byIdentity)), m_byUrl(std::move(byUrl))
{
}

StoredContentCheck::~StoredContentCheck()
{
    m_byIdentity = {};
    m_byUrl = {};
    sqlite3_close(m_connection);
}

bool StoredContentCheck::storedUnchanged(const ArticleStore::PreparedText &text) const
{
    const std::lock_guard turn(m_turn);
    // Each look-up its own read (the statements are reset): no snapshot held between them.
    auto stored = ArticleStore::findOnSqlite(m_byIdentity, m_byUrl, text);
    return stored && *stored && (*stored)->second == text.hash;
}

} // namespace tw
