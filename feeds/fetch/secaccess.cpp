#include "feeds/fetch/secaccess.h"

#include "models/core/version.h"

#include <QRegularExpression>
#include <QSettings>

namespace tw {

namespace {
const QString kSettingsKey = QStringLiteral("sec/contactEmail");
} // namespace

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
                          "one in Settings ▸ Feeds or with `tickerwire feeds sec-contact EMAIL`");
}

QString SecAccessRules::refusedMessage(int status)
{
    return QStringLiteral("SEC refused: set a contact address (HTTP %1; Settings ▸ Feeds, or `tickerwire feeds "
                          "sec-contact EMAIL`). SEC also refuses clients over 10 requests a second")
        .arg(status);
}

bool isPlausibleContactEmail(const QString &text)
{
    static const QRegularExpression email(QStringLiteral("^[^@\\s()<>]+@[^@\\s()<>]+\\.[A-Za-z]{2,}$"));
    return email.match(text.trimmed()).hasMatch();
}

QString SecContactSetting::load()
{
    const QByteArray fromEnvironment = qgetenv("TICKERWIRE_SEC_CONTACT");
    if (!fromEnvironment.trimmed().isEmpty())
        return QString::fromUtf8(fromEnvironment).trimmed();
    return QSettings().value(kSettingsKey).toString().trimmed();
}

void SecContactSetting::save(const QString &email)
{
    QSettings settings;
    if (email.trimmed().isEmpty())
        settings.remove(kSettingsKey);
    else
        settings.setValue(kSettingsKey, email.trimmed());
}

} // namespace tw
