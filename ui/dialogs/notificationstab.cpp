#include "ui/dialogs/notificationstab.h"

#include "models/alerts/alertrulestore.h"
#include "models/alerts/analyststate.h"

#include <QCheckBox>
#include <QLabel>
#include <QListWidget>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace tw {

NotificationsTab::NotificationsTab(QSqlDatabase db, QWidget *parent)
    : SettingsPage(tr("Notifications"), parent)
    , m_db(std::move(db))
    , m_dnd(new QCheckBox(tr("&Do not disturb: no desktop notifications until switched off"), this))
    , m_popups(new QCheckBox(tr("Show a desktop &pop-up for each new alert"), this))
    , m_rules(new QListWidget(this))
{
    setObjectName(QStringLiteral("notificationsTab"));
    m_dnd->setToolTip(tr("Also in the tray menu and `tickerwire alerts dnd on|off`."));
    m_popups->setToolTip(tr("Off: new alerts appear only in the Alerts panel."));
    QLabel *note = footNote(tr("Fired alerts are always listed in the Alerts panel. Muted rules (checked below) "
                               "still fire there but never pop up."));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_dnd);
    layout->addWidget(m_popups);
    layout->addWidget(new QLabel(tr("<b>Muted rules</b>"), this));
    layout->addWidget(m_rules, 1);
    layout->addWidget(note);
    connect(m_dnd, &QCheckBox::toggled, this, [this](bool on) { AnalystState::forStore(m_db).setDoNotDisturb(on); });
    connect(m_popups, &QCheckBox::toggled, this, [this](bool on) { AnalystState::forStore(m_db).setPopups(on); });
    connect(m_rules, &QListWidget::itemChanged, this, &NotificationsTab::ruleToggled);
    load();
}

void NotificationsTab::load()
{
    const QSignalBlocker dnd(m_dnd);
    const QSignalBlocker popups(m_popups);
    const QSignalBlocker rules(m_rules);
    const AnalystState analyst = AnalystState::forStore(m_db);
    m_dnd->setChecked(analyst.doNotDisturb());
    m_popups->setChecked(analyst.popups());
    m_rules->clear();
    auto all = AlertRuleStore(m_db).all();
    if (!all) {
        noteError(all.errorMessage());
        return;
    }
    for (const AlertRule &rule : *all) {
        auto *item = new QListWidgetItem(rule.describe(), m_rules);
        item->setData(Qt::UserRole, rule.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(rule.muted ? Qt::Checked : Qt::Unchecked);
        if (!rule.enabled)
            item->setToolTip(tr("This rule is disabled."));
    }
}

void NotificationsTab::ruleToggled(QListWidgetItem *item)
{
    const bool muted = item->checkState() == Qt::Checked;
    if (auto s = AlertRuleStore(m_db).setMuted(item->data(Qt::UserRole).toLongLong(), muted); !s) {
        report(s.errorMessage());
        load();
        return;
    }
    clearError();
}

} // namespace tw
