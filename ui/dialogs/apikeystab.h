#pragma once

#include <QString>
#include "ui/dialogs/settingspage.h"

class QLabel;
class QTableWidget;

namespace tw {

// The "API keys" settings page: one row per provider SecretStore knows, saying
// only whether a key is stored ("Key set" / "No key"), never the key itself,
// with Set… (typed into a password field) and Remove. The keychain is asked
// when the page is first shown, so a missing keychain never delays or breaks
// the rest of the dialog; it then says so on the page.
class ApiKeysTab : public SettingsPage {
    Q_OBJECT

public:
    explicit ApiKeysTab(QString keychainService, QWidget *parent = nullptr);

    // Reads every provider's state from the keychain (again).
    void load();
    bool keychainAvailable() const { return m_available; }
    QString message() const;
    QString statusText(const QString &provider) const;
    QTableWidget *table() const { return m_table; }

    // The actions behind Set… and Remove; false (and lastError()) when refused.
    bool setKey(const QString &provider, const QString &key);
    bool removeKey(const QString &provider);

protected:
    void showEvent(QShowEvent *event) override;

private:
    int rowOf(const QString &provider) const;
    void askForKey(const QString &provider);

    QString m_service;
    QLabel *m_message;
    QTableWidget *m_table;
    bool m_loaded = false;
    bool m_available = true;
};

} // namespace tw
