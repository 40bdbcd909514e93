#include "feeds/fetch/contactsetting.h"

#include <QRegularExpression>
#include <QSettings>

namespace tw {

namespace {
const char kKey[] = "fetch/contact";
}

QString ContactSetting::load()
{
    const QString fromEnv = qEnvironmentVariable("TICKERWIRE_CONTACT").trimmed();
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QSettings().value(QLatin1String(kKey)).toString().trimmed();
}

void ContactSetting::save(const QString &address)
{
    QSettings settings;
    if (address.trimmed().isEmpty())
        settings.remove(QLatin1String(kKey));
    else
        settings.setValue(QLatin1String(kKey), address.trimmed());
    settings.sync();
}

bool ContactSetting::looksLikeAddress(const QString &text)
{
    static const QRegularExpression address(QStringLiteral("(^|\\s)[^\\s@]+@[^\\s@]+\\.[^\\s@]+$"));
    return address.match(text.trimmed()).hasMatch();
}

} // namespace tw
