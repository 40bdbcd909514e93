#pragma once

#include <QString>

namespace tw {

// The analyst's contact address for providers that require one (SEC EDGAR's
// User-Agent): $TICKERWIRE_CONTACT, else the personal settings
// ("fetch/contact", written by `tickerwire feeds contact` and Settings > Feeds).
class ContactSetting {
public:
    static QString load();
    static void save(const QString &address);
    // "name@example.com", optionally after a name: "Jane Doe jane@example.com".
    static bool looksLikeAddress(const QString &text);
};

} // namespace tw
