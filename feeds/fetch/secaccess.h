#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace tw {

// SEC EDGAR's fair-access rules (sec.gov/os/accessing-edgar-data): every
// request names the app and a contact e-mail in its User-Agent, and no more
// than 10 requests a second go to SEC's hosts altogether. Requests without a
// contact are refused before anything is sent (SEC would answer 403 and may
// block the address).
struct SecAccessRules {
    // A host equal to or under one of these is SEC's (tests point it at 127.0.0.1).
    QStringList hosts = {QStringLiteral("sec.gov")};
    QString contact;                // the user's address, from Settings (ContactSetting)
    int minSpacingMs = 100;         // between request starts to any SEC host: 10 per second
    // Read `contact` from ContactSetting again before each batch (the
    // window's and watch's fetcher outlive a change in Settings).
    bool readsSettings = false;

    bool covers(const QUrl &url) const;
    // "Tickerwire/0.1.0 analyst@example.com"; empty without a usable contact.
    QString userAgent() const;
    // Why a request to SEC is not sent, for the feed's status and the CLI.
    static QString noContactMessage();
    // What a 403 from SEC means.
    static QString refusedMessage(int status);
};

// Whether `text` names an address SEC could write to (ContactSetting's rule).
bool isPlausibleContactEmail(const QString &text);


} // namespace tw
