#include "feeds/fetch/fetchtypes.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace tw {

QString refusalFor(const FetchPolicy &policy, const QUrl &url)
{
    if (!policy.sec.covers(url) || !policy.sec.userAgent().isEmpty())
        return QString();
    return SecAccessRules::noContactMessage();
}

namespace {
// Shorter "secrets" are not keys, and replacing them would garble the text.
constexpr qsizetype kMinSecretLength = 4;

const QRegularExpression &secretParameter()
{
    static const QRegularExpression re(
        QStringLiteral("((?:api_?key|apikey|token|access_token|key|crumb|password)=)[^&#\\s\"']+"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

bool isSecretParameterName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^(?:api_?key|apikey|token|access_token|key|crumb|password)$"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(name).hasMatch();
}

void redactValue(QString &text, const QString &value)
{
    text.replace(value, QStringLiteral("***"), Qt::CaseInsensitive);
    // An excerpt cut in the middle of the key ("... key ABCD…") or ending in it.
    for (qsizetype k = value.size() - 1; k >= kMinSecretLength; --k) {
        const QString prefix = value.left(k);
        text.replace(prefix + QChar(0x2026), QStringLiteral("***") + QChar(0x2026), Qt::CaseInsensitive);
        text.replace(prefix + QStringLiteral("..."), QStringLiteral("***..."), Qt::CaseInsensitive);
        if (text.endsWith(prefix, Qt::CaseInsensitive))
            text = text.left(text.size() - k) + QStringLiteral("***");
    }
}
} // namespace

QString redactSecrets(const QString &text, const QStringList &secretValues)
{
    QString out = text;
    for (const QString &raw : secretValues) {
        const QString value = raw.trimmed();
        if (value.size() < kMinSecretLength)
            continue;
        redactValue(out, value);
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(value));
        if (encoded != value)
            redactValue(out, encoded);
    }
    out.replace(secretParameter(), QStringLiteral("\\1***"));
    return out;
}

QString displayUrl(const QUrl &url, const QStringList &secretValues)
{
    return redactSecrets(url.toString(QUrl::FullyEncoded | QUrl::RemoveUserInfo), secretValues);
}

QStringList secretsInUrl(const QUrl &url)
{
    QStringList values;
    const QUrlQuery query(url);
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (isSecretParameterName(name) && !value.isEmpty())
            values << value;
    }
    return values;
}

bool isFetchableUrl(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https")) && !url.host().isEmpty();
}

} // namespace tw
