#include "ui/dialogs/settingspage.h"

#include <QLabel>
#include <QMessageBox>

namespace tw {

SettingsPage::SettingsPage(QString title, QWidget *parent) : QWidget(parent), m_title(std::move(title)) {}

bool SettingsPage::report(const QString &error)
{
    m_lastError = error;
    if (isVisible())
        QMessageBox::warning(this, m_title, error);
    return false;
}

QLabel *SettingsPage::footNote(const QString &text)
{
    auto *note = new QLabel(text, this);
    note->setWordWrap(true);
    return note;
}

} // namespace tw
