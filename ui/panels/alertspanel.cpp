#include "panels/alertspanel.h"

#include "core/storetime.h"
#include "export/panelexport.h"
#include "panels/emptystate.h"
#include "read/alertreader.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tw {

namespace {
QTableWidget *makeTable(const QStringList &headers, int stretch, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setAlternatingRowColors(true);
    t->setShowGrid(false);
    t->setWordWrap(false);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setSectionResizeMode(stretch, QHeaderView::Stretch);
    return t;
}

QWidget *titled(const QString &title, QWidget *content, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *l = new QVBoxLayout(box);
    l->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(title), box);
    l->addWidget(label);
    l->addWidget(content, 1);
    return box;
}

QString when(qint64 ms)
{
    return ms > 0 ? fromStoreTime(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}
} // namespace

AlertsPanel::AlertsPanel(QSqlDatabase db, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_fired(makeTable({tr("Time (UTC)"), tr("Rule"), tr("Ticker"), tr("Message"), tr("Ack")}, 3, this))
    , m_rules(
          makeTable({tr("Rule"), tr("Kind"), tr("Ticker"), tr("Threshold"), tr("State"), tr("Last fired")}, 0, this))
{
    setObjectName(QStringLiteral("alertsPanel"));
    m_firedStack = new EmptyStateStack(m_fired, this);
    m_rulesStack = new EmptyStateStack(m_rules, this);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(titled(tr("Fired alerts"), m_firedStack, split));
    split->addWidget(titled(tr("Rules"), m_rulesStack, split));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(split);
    addExportContextMenu(m_fired, this);
    reload();
}

QString AlertsPanel::firedEmptyMessage() const
{
    return m_firedStack->message();
}

QString AlertsPanel::rulesEmptyMessage() const
{
    return m_rulesStack->message();
}

void AlertsPanel::reload()
{
    AlertReader reader(m_db);
    auto fired = reader.fired();
    if (!fired) {
        m_firedStack->showMessage(fired.errorMessage());
    } else if (fired->isEmpty()) {
        m_firedStack->showMessage(tr("No alerts have fired yet."));
    } else {
        m_firedStack->showContent();
        m_fired->setRowCount(int(fired->size()));
        for (int i = 0; i < fired->size(); ++i) {
            const FiredAlertRow &a = fired->at(i);
            m_fired->setItem(i, 0, new QTableWidgetItem(when(a.firedUtc)));
            m_fired->setItem(i, 1, new QTableWidgetItem(a.ruleName));
            m_fired->setItem(i, 2, new QTableWidgetItem(a.ticker));
            auto *message = new QTableWidgetItem(a.message);
            message->setToolTip(a.message);
            if (!a.acknowledged) {
                QFont f = message->font();
                f.setBold(true);
                message->setFont(f);
            }
            m_fired->setItem(i, 3, message);
            m_fired->setItem(i, 4, new QTableWidgetItem(a.acknowledged ? tr("yes") : tr("no")));
        }
    }
    auto rules = reader.rules();
    if (!rules) {
        m_rulesStack->showMessage(rules.errorMessage());
    } else if (rules->isEmpty()) {
        m_rulesStack->showMessage(tr("No alert rules defined yet."));
    } else {
        m_rulesStack->showContent();
        m_rules->setRowCount(int(rules->size()));
        for (int i = 0; i < rules->size(); ++i) {
            const AlertRuleRow &r = rules->at(i);
            m_rules->setItem(i, 0, new QTableWidgetItem(r.name.isEmpty() ? r.query : r.name));
            m_rules->setItem(i, 1, new QTableWidgetItem(r.kind));
            m_rules->setItem(i, 2, new QTableWidgetItem(r.ticker));
            m_rules->setItem(i, 3, new QTableWidgetItem(r.threshold ? QString::number(*r.threshold) : QString()));
            m_rules->setItem(
                i, 4, new QTableWidgetItem(!r.enabled ? tr("disabled") : (r.muted ? tr("muted") : tr("on"))));
            m_rules->setItem(i, 5, new QTableWidgetItem(when(r.lastFiredUtc)));
        }
    }
}

} // namespace tw
