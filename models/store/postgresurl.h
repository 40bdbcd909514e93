#pragma once

#include "models/core/result.h"

#include <QString>
#include <QStringList>

namespace tw {

// A PostgreSQL store address, `postgresql://USER@HOST:PORT/DB[?host=/socket/dir&sslmode=...]`.
// The password normally comes from libpq's own sources (PGPASSFILE, ~/.pgpass,
// PGPASSWORD) or the keychain; one written into the URL is accepted but never
// shown: every message and log line uses redacted().
class PostgresUrl {
public:
    static bool isPostgresLocation(const QString &location);
    static Result<PostgresUrl> parse(const QString &location);

    // The location with any password removed, safe for logs and the window.
    static QString redact(const QString &location);
    QString redacted() const;
    // USER@HOST:PORT/DB: the server and database without scheme or password,
    // the name under which the keychain keeps this store's password.
    QString withoutPassword() const;

    QString user;
    QString password;   // empty: let libpq find it
    QString host;       // a name, an address, or a unix socket directory ("/..."); empty: libpq's default
    int port = 5432;
    QString database;
    QStringList connectOptions;  // "key=value" pairs for QSqlDatabase::setConnectOptions
};

} // namespace tw
