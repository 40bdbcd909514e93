#pragma once

#include "models/core/result.h"
#include "models/store/articlestore.h"
#include "models/store/sqlitestatement.h"

#include <QString>

#include <memory>
#include <mutex>
#include <optional>

struct sqlite3;

namespace tw {

// Whether an article is stored already with the same content, read on a
// connection of its own so that a fetch's parse threads can ask before they
// analyse: a refresh of a feed whose items are stored unchanged then costs
// its parse and a look-up per item, not the linking, scoring and event
// extraction that storing would throw away (a re-fetch of 200 feeds spent
// 3.2 G instructions on those for 20,000 unchanged items).
//
// The answer is a hint, never a decision: storing looks the article up
// again in its own transaction, and finds what it needs itself when the
// hint was out of date (another writer changed the article meanwhile).
// Any thread may ask; the look-ups take turns on the one connection.
class StoredContentCheck {
public:
    // Opens `file` (WalCheckpoint::fileOf of the writer's connection)
    // read-only. Fails for no file (PostgreSQL, an in-memory store) and for
    // a store not in WAL mode, where a reader would hold up the writer.
    static Result<std::unique_ptr<StoredContentCheck>> open(const QString &file);
    ~StoredContentCheck();
    StoredContentCheck(const StoredContentCheck &) = delete;
    StoredContentCheck &operator=(const StoredContentCheck &) = delete;

    // True when the article `text` was prepared from is stored, under its
    // guid or its URL as ArticleStore::upsert finds it, with the same
    // content hash: storing it again changes nothing. False when it is new,
    // changed or could not be read (the caller then analyses it: always safe).
    bool storedUnchanged(const ArticleStore::PreparedText &text) const;

private:
    StoredContentCheck(sqlite3 *connection, SqliteStatement byIdentity, SqliteStatement byUrl);

    mutable std::mutex m_turn;
    sqlite3 *m_connection;
    mutable SqliteStatement m_byIdentity;   // finalized before the connection closes
    mutable SqliteStatement m_byUrl;
};

} // namespace tw
