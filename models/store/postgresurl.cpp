#include "models/store/postgresurl.h"

#include <QUrl>
#include <QUrlQuery>

namespace tw {

namespace {
// libpq keywords a user may reasonably put in the query string. Anything else
// is refused so a typo does not silently fall back to a default.
const QStringList kPassThroughOptions{
    QStringLiteral("sslmode"), QStringLiteral("sslrootcert"), QStringLiteral("sslcert"), QStringLiteral("sslkey"),
    QStringLiteral("connect_timeout"), QStringLiteral("application_name"), QStringLiteral("target_session_attrs"),
};
} // namespace

bool PostgresUrl::isPostgresLocation(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"));
}

QString PostgresUrl::redact(const QString &location)
{
    if (!isPostgresLocation(location))
        return location;
    QUrl url(location);
    if (!url.isValid()) {
        // Unparseable: cut out whatever sits between "://" and "@" after a colon.
        const qsizetype scheme = location.indexOf(QLatin1String("://")) + 3;
        const qsizetype at = location.indexOf(QLatin1Char('@'), scheme);
        const qsizetype colon = location.indexOf(QLatin1Char(':'), scheme);
        if (at > 0 && colon > 0 && colon < at)
            return location.left(colon) + location.mid(at);
        return location;
    }
    if (!url.password().isEmpty())
        url.setPassword(QString());
    QUrlQuery query(url);
    if (query.hasQueryItem(QStringLiteral("password"))) {
        query.removeAllQueryItems(QStringLiteral("password"));
        url.setQuery(query);
    }
    return url.toString();
}

QString PostgresUrl::redacted() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(user);
    if (!host.startsWith(QLatin1Char('/')))
        url.setHost(host);
    url.setPort(port);
    url.setPath(QLatin1Char('/') + database);
    if (host.startsWith(QLatin1Char('/')))
        url.setQuery(QStringLiteral("host=") + host);
    return url.toString();
}

QString PostgresUrl::withoutPassword() const
{
    const QString full = redacted();
    const qsizetype scheme = full.indexOf(QLatin1String("://"));
    return scheme < 0 ? full : full.mid(scheme + 3);
}

Result<PostgresUrl> PostgresUrl::parse(const QString &location)
{
    if (!isPostgresLocation(location))
        return fail(QStringLiteral("%1 is not a postgresql:// URL").arg(redact(location)));
    const QUrl url(location, QUrl::StrictMode);
    if (!url.isValid())
        return fail(QStringLiteral("%1 is not a valid PostgreSQL URL (%2); expected postgresql://USER@HOST:PORT/DB")
                        .arg(redact(location), url.errorString()));
    PostgresUrl parsed;
    parsed.user = url.userName();
    parsed.password = url.password();
    parsed.host = url.host();
    parsed.port = url.port(5432);
    parsed.database = url.path();
    if (parsed.database.startsWith(QLatin1Char('/')))
        parsed.database.remove(0, 1);
    if (parsed.database.contains(QLatin1Char('/')))
        return fail(QStringLiteral("%1: the database name cannot contain '/'").arg(redact(location)));
    if (parsed.database.isEmpty())
        parsed.database = parsed.user;
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("host"))
            parsed.host = value;
        else if (key == QLatin1String("port"))
            parsed.port = value.toInt();
        else if (key == QLatin1String("user"))
            parsed.user = value;
        else if (key == QLatin1String("password"))
            parsed.password = value;
        else if (kPassThroughOptions.contains(key))
            parsed.connectOptions << key + QLatin1Char('=') + value;
        else
            return fail(QStringLiteral("%1: unknown connection option '%2' (known: host, port, user, %3)")
                            .arg(redact(location), key, kPassThroughOptions.join(QStringLiteral(", "))));
    }
    if (parsed.port <= 0 || parsed.port > 65535)
        return fail(QStringLiteral("%1: invalid port").arg(redact(location)));
    if (parsed.database.isEmpty())
        return fail(QStringLiteral("%1 names no database; expected postgresql://USER@HOST:PORT/DB").arg(redact(location)));
    return parsed;
}

} // namespace tw
