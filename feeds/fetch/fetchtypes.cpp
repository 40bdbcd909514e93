#include "feeds/fetch/fetchtypes.h"

#include <QRegularExpression>

namespace tw {

QString redactSecrets(const QString &text)
{
    static const QRegularExpression secret(
        QStringLiteral("((?:api_?key|apikey|token|access_token|key|crumb|password)=)[^&#\\s\"']+"),
        QRegularExpression::CaseInsensitiveOption);
    QString out = text;
    out.replace(secret, QStringLiteral("\\1***"));
    return out;
}

QString displayUrl(const QUrl &url)
{
    return redactSecrets(url.toString(QUrl::FullyEncoded | QUrl::RemoveUserInfo));
}

} // namespace tw
