#include "ui/dialogs/apikeystab.h"

#include "feeds/keys/secretstore.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tw {

namespace {
enum Column { ProviderColumn, StatusColumn, ActionsColumn, Columns };
} // namespace

ApiKeysTab::ApiKeysTab(QString keychainService, QWidget *parent)
    : SettingsPage(tr("API keys"), parent), m_service(std::move(keychainService)), m_message(new QLabel(this)),
      m_table(new QTableWidget(0, Columns, this))
{
    setObjectName(QStringLiteral("apiKeysTab"));
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("keychainMessage"));
    m_message->hide();
    m_table->setHorizontalHeaderLabels({tr("Provider"), tr("Key"), QString()});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(StatusColumn, QHeaderView::Stretch);
    const QStringList providers = SecretStore::knownProviders();
    m_table->setRowCount(int(providers.size()));
    for (int row = 0; row < providers.size(); ++row) {
        const QString provider = providers.at(row);
        m_table->setItem(row, ProviderColumn, new QTableWidgetItem(provider));
        m_table->setItem(row, StatusColumn, new QTableWidgetItem(tr("…")));
        auto *buttons = new QWidget(m_table);
        auto *set = new QPushButton(tr("Set…"), buttons);
        auto *remove = new QPushButton(tr("Remove"), buttons);
        set->setObjectName(QStringLiteral("set-") + provider);
        remove->setObjectName(QStringLiteral("remove-") + provider);
        auto *l = new QHBoxLayout(buttons);
        l->setContentsMargins(2, 0, 2, 0);
        l->addWidget(set);
        l->addWidget(remove);
        m_table->setCellWidget(row, ActionsColumn, buttons);
        connect(set, &QPushButton::clicked, this, [this, provider] { askForKey(provider); });
        connect(remove, &QPushButton::clicked, this, [this, provider] {
            if (QMessageBox::question(this, tr("Remove API key"),
                                      tr("Remove the %1 key from the keychain?").arg(provider))
                == QMessageBox::Yes)
                removeKey(provider);
        });
    }
    QLabel *note = footNote(tr("Keys live in the system keychain, never in the store or the settings file. "
                               "This page only says whether one is set."));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    layout->addWidget(note);
}

void ApiKeysTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loaded)
        load();
}

int ApiKeysTab::rowOf(const QString &provider) const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, ProviderColumn)->text() == provider)
            return row;
    }
    return -1;
}

QString ApiKeysTab::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

QString ApiKeysTab::statusText(const QString &provider) const
{
    const int row = rowOf(provider);
    return row < 0 ? QString() : m_table->item(row, StatusColumn)->text();
}

void ApiKeysTab::load()
{
    m_loaded = true;
    SecretStore secrets(m_service);
    QString failure;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString provider = m_table->item(row, ProviderColumn)->text();
        auto key = failure.isEmpty() ? secrets.read(provider) : Result<QString>(fail(failure));
        if (!key) {
            // One failed read means the keychain is not there; asking again
            // for every provider would only repeat the wait.
            failure = key.errorMessage();
            m_table->item(row, StatusColumn)->setText(tr("Unknown"));
            continue;
        }
        m_table->item(row, StatusColumn)->setText(key->isEmpty() ? tr("No key") : tr("Key set"));
    }
    m_available = failure.isEmpty();
    m_table->setEnabled(m_available);
    m_message->setVisible(!m_available);
    m_message->setText(m_available ? QString()
                                   : tr("The system keychain is not available, so API keys cannot be shown or "
                                        "changed here (%1). Everything else in Settings works.")
                                         .arg(failure));
}

void ApiKeysTab::askForKey(const QString &provider)
{
    bool ok = false;
    const QString key = QInputDialog::getText(this, tr("Set API key"), tr("%1 API key:").arg(provider),
                                              QLineEdit::Password, QString(), &ok);
    if (ok)
        setKey(provider, key);
}

bool ApiKeysTab::setKey(const QString &provider, const QString &key)
{
    const QString trimmed = key.trimmed();
    if (rowOf(provider) < 0)
        return report(tr("Unknown provider \"%1\".").arg(provider));
    if (trimmed.isEmpty())
        return report(tr("The key is empty; use Remove to delete a stored key."));
    if (auto written = SecretStore(m_service).write(provider, trimmed); !written)
        return report(written.errorMessage());
    load();
    return true;
}

bool ApiKeysTab::removeKey(const QString &provider)
{
    if (rowOf(provider) < 0)
        return report(tr("Unknown provider \"%1\".").arg(provider));
    if (auto removed = SecretStore(m_service).remove(provider); !removed)
        return report(removed.errorMessage());
    load();
    return true;
}

} // namespace tw
