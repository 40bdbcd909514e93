#include "feeds/fetch/secaccess.h"

#include "feeds/fetch/contactsetting.h"

#include "models/core/version.h"

namespace tw {

bool SecAccessRules::covers(const QUrl &url) const
{
    const QString host = url.host().toLower();
    if (host.isEmpty())
        return false;
    for (const QString &h : hosts) {
        const QString sec = h.toLower();
        if (host == sec || host.endsWith(QLatin1Char('.') + sec))
            return true;
    }
    return false;
}

QString SecAccessRules::userAgent() const
{
    if (!isPlausibleContactEmail(contact))
        return QString();
    return QStringLiteral("Tickerwire/" TICKERWIRE_VERSION " ") + contact.trimmed();
}

QString SecAccessRules::noContactMessage()
{
    return QStringLiteral("not fetched: SEC EDGAR requires a contact e-mail in the User-Agent of every request; set "
                          "one in Settings ▸ Feeds or with `tickerwire feeds contact EMAIL`");
}

QString SecAccessRules::refusedMessage(int status)
{
    return QStringLiteral("SEC refused: set a contact address (HTTP %1; Settings ▸ Feeds, or `tickerwire feeds "
                          "contact EMAIL`). SEC also refuses clients over 10 requests a second")
        .arg(status);
}

bool isPlausibleContactEmail(const QString &text)
{
    return ContactSetting::looksLikeAddress(text);
}

} // namespace tw
