#pragma once

#include <QString>
#include "ui/dialogs/settingspage.h"

class QLabel;
class QLineEdit;

namespace tw {

// The "Store" settings page: where the next start opens the store (a SQLite
// file or postgresql://USER@HOST:PORT/DB), kept in QSettings "store/location",
// and a PostgreSQL password, kept only in the keychain under
// SecretStore::storePasswordEntry(). The location is never saved with a
// password in it: one typed into the URL moves to the keychain.
class StoreTab : public SettingsPage {
    Q_OBJECT

public:
    static constexpr const char *kLocationKey = "store/location";

    StoreTab(QString keychainService, QString currentLocation, QWidget *parent = nullptr);

    QLineEdit *locationEdit() const { return m_location; }
    QLineEdit *passwordEdit() const { return m_password; }
    QString statusText() const;

    // Saves the location (and password, if any); false (and lastError()) when refused.
    bool save(const QString &location, const QString &password);

private:
    void locationEdited();
    // report() that also leaves the reason in the page's status line.
    bool refuse(const QString &error);

    QString m_service;
    QLineEdit *m_location;
    QLineEdit *m_password;
    QLabel *m_status;
};

} // namespace tw
