#include "ui/dialogs/storetab.h"

#include "feeds/keys/secretstore.h"
#include "models/store/postgresurl.h"

#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace tw {

StoreTab::StoreTab(QString keychainService, QString currentLocation, QWidget *parent)
    : SettingsPage(tr("Store"), parent)
    , m_service(std::move(keychainService))
    , m_location(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("storeTab"));
    const QString saved = QSettings().value(QLatin1String(kLocationKey)).toString();
    m_location->setText(PostgresUrl::redact(saved.isEmpty() ? currentLocation : saved));
    m_location->setPlaceholderText(tr("/path/to/store.db or postgresql://USER@HOST:5432/DB"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("PostgreSQL only; empty keeps the stored one (or libpq's ~/.pgpass)"));
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("storeStatus"));
    auto *save = new QPushButton(tr("Save"), this);
    connect(save, &QPushButton::clicked, this, [this] {
        if (this->save(m_location->text(), m_password->text()))
            m_password->clear();
    });
    connect(m_location, &QLineEdit::textChanged, this, &StoreTab::locationEdited);

    auto *form = new QFormLayout;
    form->addRow(tr("&Location"), m_location);
    form->addRow(tr("&Password"), m_password);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(save);
    QLabel *note = footNote(tr("Takes effect at the next start (a --store option or $TICKERWIRE_STORE still wins). "
                               "The password is kept in the system keychain, never in the location."));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(note);
    layout->addStretch(1);
    locationEdited();
}

QString StoreTab::statusText() const
{
    return m_status->text();
}

void StoreTab::locationEdited()
{
    m_password->setEnabled(PostgresUrl::isPostgresLocation(m_location->text().trimmed()));
}

bool StoreTab::refuse(const QString &error)
{
    m_status->setText(error);
    return report(error);
}

bool StoreTab::save(const QString &typed, const QString &password)
{
    const QString location = typed.trimmed();
    if (location.isEmpty())
        return refuse(tr("Name a store: a SQLite file or a postgresql:// URL."));
    QString toSave;
    if (PostgresUrl::isPostgresLocation(location)) {
        auto url = PostgresUrl::parse(location);
        if (!url)
            return refuse(url.errorMessage());
        toSave = PostgresUrl::redact(location);   // keeps connection options such as sslmode
        // A password typed into the URL counts as typed into the field.
        const QString secret = password.isEmpty() ? url->password : password;
        if (!secret.isEmpty()) {
            // Written the way the store's password lookup reads it (SecretStore::read).
            const QString entry = SecretStore::storePasswordEntry(url->withoutPassword());
            if (auto written = SecretStore(m_service).write(entry, secret); !written)
                return refuse(tr("The location was not saved: %1").arg(written.errorMessage()));
        }
        m_status->setText(secret.isEmpty()
                              ? tr("Saved. The password comes from the keychain or libpq (~/.pgpass, PGPASSFILE).")
                              : tr("Saved; the password is in the keychain."));
    } else {
        toSave = QDir::cleanPath(QFileInfo(location).absoluteFilePath());
        if (!QFileInfo(QFileInfo(toSave).absolutePath()).isDir())
            return refuse(tr("The folder of %1 does not exist.").arg(toSave));
        m_status->setText(tr("Saved."));
    }
    QSettings().setValue(QLatin1String(kLocationKey), toSave);
    m_location->setText(toSave);
    clearError();
    return true;
}

} // namespace tw
