#pragma once

#include <QSqlDatabase>
#include "ui/dialogs/settingspage.h"

class QCheckBox;
class QListWidget;
class QListWidgetItem;

namespace tw {

// The "Notifications" settings page: do-not-disturb and desktop pop-ups
// (per-analyst QSettings switches the notifier reads before each delivery)
// and which alert rules are muted (through AlertRuleStore::setMuted, the
// same switch as the Alerts panel and `tickerwire alerts mute`).
class NotificationsTab : public SettingsPage {
    Q_OBJECT

public:
    explicit NotificationsTab(QSqlDatabase db, QWidget *parent = nullptr);

    QCheckBox *doNotDisturbBox() const { return m_dnd; }
    QCheckBox *popupsBox() const { return m_popups; }
    // One checkable row per rule; checked = muted. The rule id is Qt::UserRole.
    QListWidget *muteList() const { return m_rules; }

public slots:
    void load();

private:
    void ruleToggled(QListWidgetItem *item);

    QSqlDatabase m_db;
    QCheckBox *m_dnd;
    QCheckBox *m_popups;
    QListWidget *m_rules;
};

} // namespace tw
