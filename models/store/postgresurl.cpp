#include "models/store/postgresurl.h"

#include <QRegularExpression>
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

namespace {
// Where a password may sit in the text as typed, by position, not by how
// QUrl reads it: a password may hold '@', '/', ':' or '?' unencoded, and
// then QUrl takes part of it for the host or the path (which a message would
// show). So: everything from the first ':' after "scheme://" to the last
// '@'; with no '@' at all, everything after a ':' that is not a port
// number. Errs on hiding too much.
struct SecretSpan {
    qsizetype start = -1;
    qsizetype length = 0;
};

SecretSpan secretSpan(const QString &location)
{
    const qsizetype scheme = location.indexOf(QLatin1String("://"));
    if (scheme < 0)
        return {};
    const qsizetype start = scheme + 3;
    const qsizetype colon = location.indexOf(QLatin1Char(':'), start);
    if (colon < 0)
        return {};
    const qsizetype at = location.lastIndexOf(QLatin1Char('@'));
    if (at > colon)
        return {colon, at - colon};
    if (at >= start)
        return {};   // "user@host:port": the colon is the port's
    qsizetype end = colon + 1;
    while (end < location.size() && location.at(end).isDigit())
        ++end;
    const bool port = end > colon + 1
                   && (end == location.size() || QStringLiteral("/?#").contains(location.at(end)));
    if (port)
        return {};
    return {colon, location.size() - colon};
}

// Said when a URL that holds a password does not parse: the usual cause.
QString passwordHint(const QString &location)
{
    if (secretSpan(location).start < 0)
        return {};
    return QStringLiteral(" (a password in the URL must have '@', '/', ':', '?' and '%' percent-encoded; "
                          "better, keep it in ~/.pgpass or the keychain)");
}

QString withoutSecrets(QString text, const QString &location)
{
    const SecretSpan span = secretSpan(location);
    if (span.start >= 0 && span.length > 1) {
        const QString secret = location.mid(span.start + 1, span.length - 1);
        text.replace(secret, QStringLiteral("***"));
        const QString decoded = QUrl::fromPercentEncoding(secret.toUtf8());
        if (!decoded.isEmpty())
            text.replace(decoded, QStringLiteral("***"));
    }
    return text;
}
} // namespace

QString PostgresUrl::redact(const QString &location)
{
    if (!isPostgresLocation(location))
        return location;
    QString shown = location;
    const SecretSpan span = secretSpan(location);
    if (span.start >= 0)
        shown.remove(span.start, span.length);
    // A password given as a query item goes, item and all.
    static const QRegularExpression later(QStringLiteral("&password=[^&#]*"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression first(QStringLiteral("\\?password=[^&#]*(&?)"), QRegularExpression::CaseInsensitiveOption);
    shown.remove(later);
    for (auto m = first.match(shown); m.hasMatch(); m = first.match(shown))
        shown.replace(m.capturedStart(), m.capturedLength(), m.captured(1).isEmpty() ? QString() : QStringLiteral("?"));
    return shown;
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
    if (!url.isValid()) {
        // QUrl's reason goes on to quote the whole source ("source was ..."),
        // password and all: only the reason is kept, and scrubbed again.
        QString reason = url.errorString();
        if (const qsizetype quoted = reason.indexOf(QLatin1String("; source was")); quoted >= 0)
            reason.truncate(quoted);
        return fail(withoutSecrets(QStringLiteral("%1 is not a valid PostgreSQL URL (%2); expected "
                                                  "postgresql://USER@HOST:PORT/DB%3")
                                       .arg(redact(location), reason, passwordHint(location)),
                                   location));
    }
    PostgresUrl parsed;
    parsed.user = url.userName();
    parsed.password = url.password();
    parsed.host = url.host();
    parsed.port = url.port(5432);
    parsed.database = url.path();
    if (parsed.database.startsWith(QLatin1Char('/')))
        parsed.database.remove(0, 1);
    if (parsed.database.contains(QLatin1Char('/')))
        return fail(QStringLiteral("%1: the database name cannot contain '/'%2").arg(redact(location), passwordHint(location)));
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
