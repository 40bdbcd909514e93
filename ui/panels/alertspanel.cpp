#include "ui/panels/alertspanel.h"

#include "models/alerts/alertrulestore.h"
#include "models/alerts/analyststate.h"
#include "models/alerts/firedalertstore.h"
#include "models/core/storetime.h"
#include "ui/dialogs/alertruledialog.h"
#include "ui/panels/chartpanel.h"
#include "ui/panels/columnfitter.h"
#include "ui/panels/emptystate.h"
#include "ui/panels/readerpanel.h"
#include "ui/panels/selectionmodel.h"
#include "models/read/alertreader.h"
#include "models/text/safetext.h"

#include <QAction>
#include <QDockWidget>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSplitter>
#include <QTableWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace tw {

namespace {
enum FiredColumn { FiredNews, FiredAt, FiredRule, FiredTicker, FiredMessage, FiredAck };
constexpr int kCauseArticleRole = Qt::UserRole + 3;   // fired alerts
constexpr int kTickerRole = Qt::UserRole + 4;         // fired alerts
constexpr int kFiredRole = Qt::UserRole + 5;          // fired alerts: fired_utc

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setAlternatingRowColors(true);
    t->setShowGrid(false);
    t->setWordWrap(false);
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

constexpr int kIdRole = Qt::UserRole;
constexpr int kEnabledRole = Qt::UserRole + 1;   // rules
constexpr int kMutedRole = Qt::UserRole + 2;     // rules
constexpr int kAckRole = Qt::UserRole + 1;       // fired alerts

qint64 selectedId(const QTableWidget *table)
{
    const int row = table->currentRow();
    if (row < 0 || !table->item(row, 0) || table->selectionModel()->selectedRows().isEmpty())
        return 0;
    return table->item(row, 0)->data(kIdRole).toLongLong();
}

void selectId(QTableWidget *table, qint64 id)
{
    for (int row = 0; id != 0 && row < table->rowCount(); ++row) {
        if (table->item(row, 0) && table->item(row, 0)->data(kIdRole).toLongLong() == id) {
            table->selectRow(row);
            return;
        }
    }
}

QString when(qint64 ms)
{
    return ms > 0 ? fromStoreTime(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}
} // namespace

AlertsPanel::AlertsPanel(QSqlDatabase db, SelectionModel *selection, QWidget *parent)
    : Panel(std::move(db), selection, parent)
    , m_fired(makeTable({tr("News (UTC)"), tr("Fired (UTC)"), tr("Rule"), tr("Ticker"), tr("Message"), tr("Ack")}, this))
    , m_rules(
          makeTable({tr("Rule"), tr("Kind"), tr("Ticker"), tr("Threshold"), tr("State"), tr("Last fired")}, this))
{
    // The message and the rule say what happened: they keep the room.
    ColumnFitter::install(m_fired, m_fired->horizontalHeader(),
        {{FiredNews, ColumnRule::Fit, 10, 17, Qt::ElideRight, true},
         {FiredAt, ColumnRule::Fit, 10, 17, Qt::ElideRight, true},
         {FiredRule, ColumnRule::Fit, 8, 22, Qt::ElideMiddle},
         {FiredTicker, ColumnRule::Fit, 4, 8},
         {FiredMessage, ColumnRule::Main, 20},
         {FiredAck, ColumnRule::Fit, 3, 5}});
    ColumnFitter::install(m_rules, m_rules->horizontalHeader(),
        {{0, ColumnRule::Main, 16},
         {1, ColumnRule::Fit, 5, 12},
         {2, ColumnRule::Fit, 4, 8},
         {3, ColumnRule::Fit, 4, 10},
         {4, ColumnRule::Fit, 4, 9},
         {5, ColumnRule::Fit, 8, 16}});
    m_fired->horizontalHeaderItem(FiredNews)->setToolTip(tr("When the news behind the alert was published"));
    m_fired->horizontalHeaderItem(FiredAt)->setToolTip(tr("When the alert fired (the news was stored and evaluated)"));
    m_fired->setToolTip(tr("Double-click a firing to open its cause"));
    setObjectName(QStringLiteral("alertsPanel"));
    m_firedStack = new EmptyStateStack(m_fired, this);
    m_rulesStack = new EmptyStateStack(m_rules, this);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(titled(tr("Fired alerts"), m_firedStack, split));
    split->addWidget(titled(tr("Rules"), m_rulesStack, split));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    m_toolBar = new QToolBar(this);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->setIconSize(QSize(16, 16));
    layout->addWidget(m_toolBar);
    layout->addWidget(split);
    addExportAction(m_fired);
    createActions();   // after: the fired list's menu keeps the export entry
    reload();
}

Result<ExportQuery> AlertsPanel::exportQuery() const
{
    return ExportQuery::firedAlerts({}, AnalystState::forStore(m_db).acknowledged());
}

QString AlertsPanel::exportName() const
{
    return QStringLiteral("alerts.csv");
}

void AlertsPanel::createActions()
{
    m_new = m_toolBar->addAction(tr("New rule…"), this, &AlertsPanel::newRule);
    m_edit = m_toolBar->addAction(tr("Edit…"), this, [this] { editRule(selectedRuleId()); });
    m_enable = m_toolBar->addAction(tr("Disable"), this, [this] {
        const int row = m_rules->currentRow();
        if (const qint64 id = selectedRuleId(); id != 0)
            setRuleEnabled(id, !m_rules->item(row, 0)->data(kEnabledRole).toBool());
    });
    m_mute = m_toolBar->addAction(tr("Mute"), this, [this] {
        const int row = m_rules->currentRow();
        if (const qint64 id = selectedRuleId(); id != 0)
            setRuleMuted(id, !m_rules->item(row, 0)->data(kMutedRole).toBool());
    });
    m_delete = m_toolBar->addAction(tr("Delete…"), this, &AlertsPanel::confirmAndRemoveSelected);
    m_toolBar->addSeparator();
    m_ack = m_toolBar->addAction(tr("Acknowledge"), this, [this] {
        if (const qint64 id = selectedAlertId(); id != 0)
            acknowledge(id);
    });
    m_ackAll = m_toolBar->addAction(tr("Acknowledge all"), this, &AlertsPanel::acknowledgeAll);
    m_new->setObjectName(QStringLiteral("newRuleAction"));
    m_edit->setObjectName(QStringLiteral("editRuleAction"));
    m_enable->setObjectName(QStringLiteral("enableRuleAction"));
    m_mute->setObjectName(QStringLiteral("muteRuleAction"));
    m_delete->setObjectName(QStringLiteral("deleteRuleAction"));
    m_ack->setObjectName(QStringLiteral("ackAction"));
    m_ackAll->setObjectName(QStringLiteral("ackAllAction"));
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetShortcut);
    m_rules->addAction(m_delete);   // Delete works while the rule list has the focus

    m_rules->setSelectionMode(QAbstractItemView::SingleSelection);
    m_fired->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rules->setContextMenuPolicy(Qt::CustomContextMenu);
    m_fired->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_rules, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (const int row = m_rules->rowAt(pos.y()); row >= 0)
            m_rules->selectRow(row);
        QMenu menu(this);
        menu.addActions({m_new, m_edit, m_enable, m_mute});
        menu.addSeparator();
        menu.addAction(m_delete);
        menu.exec(m_rules->viewport()->mapToGlobal(pos));
    });
    connect(m_fired, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (const int row = m_fired->rowAt(pos.y()); row >= 0)
            m_fired->selectRow(row);
        QMenu menu(this);
        menu.addActions({m_ack, m_ackAll});
        if (!m_fired->actions().isEmpty()) {   // "Export CSV…" (addExportAction)
            menu.addSeparator();
            menu.addActions(m_fired->actions());
        }
        menu.exec(m_fired->viewport()->mapToGlobal(pos));
    });
    connect(m_rules, &QTableWidget::itemSelectionChanged, this, &AlertsPanel::updateActions);
    connect(m_fired, &QTableWidget::itemSelectionChanged, this, &AlertsPanel::updateActions);
    connect(m_fired, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (m_fired->item(row, 0))
            openCause(m_fired->item(row, 0)->data(kIdRole).toLongLong());
    });
    connect(m_rules, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        editRule(m_rules->item(row, 0)->data(kIdRole).toLongLong());
    });
}

void AlertsPanel::updateActions()
{
    const qint64 rule = selectedRuleId();
    const int row = m_rules->currentRow();
    const bool enabled = rule != 0 && m_rules->item(row, 0)->data(kEnabledRole).toBool();
    const bool muted = rule != 0 && m_rules->item(row, 0)->data(kMutedRole).toBool();
    m_edit->setEnabled(rule != 0);
    m_enable->setEnabled(rule != 0);
    m_enable->setText(rule != 0 && !enabled ? tr("Enable") : tr("Disable"));
    m_mute->setEnabled(rule != 0);
    m_mute->setText(muted ? tr("Unmute") : tr("Mute"));
    m_delete->setEnabled(rule != 0);
    const qint64 alert = selectedAlertId();
    m_ack->setEnabled(alert != 0 && !m_fired->item(m_fired->currentRow(), 0)->data(kAckRole).toBool());
    bool anyOpen = false;
    for (int r = 0; r < m_fired->rowCount() && !anyOpen; ++r)
        anyOpen = m_fired->item(r, 0) && !m_fired->item(r, 0)->data(kAckRole).toBool();
    m_ackAll->setEnabled(anyOpen);
}

qint64 AlertsPanel::selectedRuleId() const
{
    return m_rulesStack->isShowingMessage() ? 0 : selectedId(m_rules);
}

qint64 AlertsPanel::selectedAlertId() const
{
    return m_firedStack->isShowingMessage() ? 0 : selectedId(m_fired);
}

bool AlertsPanel::report(const QString &error)
{
    m_lastError = error;
    if (isVisible())
        QMessageBox::warning(this, tr("Alerts"), error);
    return false;
}

bool AlertsPanel::done()
{
    m_lastError.clear();
    reload();
    emit alertsChanged();
    return true;
}

bool AlertsPanel::setRuleEnabled(qint64 ruleId, bool enabled)
{
    if (auto s = AlertRuleStore(m_db).setEnabled(ruleId, enabled); !s)
        return report(s.errorMessage());
    return done();
}

bool AlertsPanel::setRuleMuted(qint64 ruleId, bool muted)
{
    if (auto s = AlertRuleStore(m_db).setMuted(ruleId, muted); !s)
        return report(s.errorMessage());
    return done();
}

bool AlertsPanel::removeRule(qint64 ruleId)
{
    if (auto s = AlertRuleStore(m_db).remove(ruleId); !s)
        return report(s.errorMessage());
    return done();
}

void AlertsPanel::confirmAndRemoveSelected()
{
    const qint64 id = selectedRuleId();
    if (id == 0)
        return;
    const QString name = m_rules->item(m_rules->currentRow(), 0)->text();
    const auto answer = QMessageBox::question(
        this, tr("Delete alert rule"),
        tr("Delete the rule \"%1\"? Its fired alerts are deleted with it.").arg(name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        removeRule(id);
}

bool AlertsPanel::acknowledge(qint64 alertId)
{
    auto acked = FiredAlertStore(m_db).acknowledge(alertId);
    if (!acked)
        return report(acked.errorMessage());
    if (!*acked)
        return report(tr("No fired alert with id %1.").arg(alertId));
    return done();
}

int AlertsPanel::acknowledgeAll()
{
    FiredAlertStore store(m_db);
    int count = 0;
    for (int r = 0; r < m_fired->rowCount(); ++r) {
        const QTableWidgetItem *item = m_fired->item(r, 0);
        if (!item || item->data(kAckRole).toBool())
            continue;
        auto acked = store.acknowledge(item->data(kIdRole).toLongLong());
        if (!acked) {
            report(acked.errorMessage());
            break;
        }
        count += *acked ? 1 : 0;
    }
    if (count > 0)
        done();
    return count;
}

void AlertsPanel::newRule()
{
    AlertRule rule;
    rule.kind = AlertKind::PriceMove;
    AlertRuleDialog dialog(m_db, rule, this);
    if (dialog.exec() == QDialog::Accepted) {
        done();
        selectId(m_rules, dialog.savedRule().id);
    }
}

void AlertsPanel::editRule(qint64 ruleId)
{
    if (ruleId == 0)
        return;
    auto rule = AlertRuleStore(m_db).byId(ruleId);
    if (!rule || !rule->has_value()) {
        report(rule ? tr("The rule is gone.") : rule.errorMessage());
        reload();
        return;
    }
    AlertRuleDialog dialog(m_db, **rule, this);
    if (dialog.exec() == QDialog::Accepted) {
        done();
        selectId(m_rules, ruleId);
    }
}

bool AlertsPanel::openCause(qint64 alertId)
{
    int row = -1;
    for (int r = 0; r < m_fired->rowCount() && row < 0; ++r) {
        if (m_fired->item(r, 0) && m_fired->item(r, 0)->data(kIdRole).toLongLong() == alertId)
            row = r;
    }
    if (row < 0 || !m_selection)
        return false;
    m_fired->selectRow(row);
    const QTableWidgetItem *item = m_fired->item(row, 0);
    const QString ticker = item->data(kTickerRole).toString();
    const qint64 article = item->data(kCauseArticleRole).toLongLong();
    if (!ticker.isEmpty())
        m_selection->setTicker(ticker);
    // The panel that shows the cause comes forward, wherever its dock is.
    auto raise = [this](QWidget *panel) {
        for (QWidget *w = panel; w; w = w->parentWidget()) {
            if (auto *dock = qobject_cast<QDockWidget *>(w)) {
                dock->show();
                dock->raise();
                return;
            }
        }
    };
    if (article > 0) {
        m_selection->setArticle(article);
        if (auto *reader = window()->findChild<ReaderPanel *>())
            raise(reader);
    } else {
        m_selection->setFocusDate(fromStoreTime(item->data(kFiredRole).toLongLong()).date());
        if (auto *chart = window()->findChild<ChartPanel *>())
            raise(chart);
    }
    return true;
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
    const qint64 keepRule = selectedRuleId();
    const qint64 keepAlert = selectedAlertId();
    AlertReader reader(m_db);
    auto fired = reader.fired();
    if (!m_firedStack->showRows(fired, tr("No alerts have fired yet."))) {
        if (fired)
            m_fired->setRowCount(0);
    } else {
        m_fired->setRowCount(int(fired->size()));
        for (int i = 0; i < fired->size(); ++i) {
            const FiredAlertRow &a = fired->at(i);
            // The news time first: an alert about April's news fired today
            // is about April.
            auto *news = new QTableWidgetItem(a.newsUtc > 0 ? when(a.newsUtc) : QStringLiteral("–"));
            news->setToolTip(a.newsUtc > 0 ? tr("Published %1").arg(isoUtc(fromStoreTime(a.newsUtc)))
                                           : tr("A price or score change: no article behind it"));
            news->setData(kIdRole, a.id);
            news->setData(kAckRole, a.acknowledged);
            news->setData(kCauseArticleRole, a.causeArticleId);
            news->setData(kTickerRole, a.ticker);
            news->setData(kFiredRole, a.firedUtc);
            m_fired->setItem(i, FiredNews, news);
            auto *time = new QTableWidgetItem(when(a.firedUtc));
            time->setToolTip(tr("Fired %1").arg(isoUtc(fromStoreTime(a.firedUtc))));
            m_fired->setItem(i, FiredAt, time);
            m_fired->setItem(i, FiredRule, new QTableWidgetItem(displaySafe(a.ruleName)));
            m_fired->setItem(i, FiredTicker, new QTableWidgetItem(a.ticker));
            auto *message = new QTableWidgetItem(displaySafe(a.message));   // quotes titles: shown, not acted on
            message->setToolTip(displaySafe(a.message));
            if (!a.acknowledged) {
                QFont f = message->font();
                f.setBold(true);
                message->setFont(f);
            }
            m_fired->setItem(i, FiredMessage, message);
            m_fired->setItem(i, FiredAck, new QTableWidgetItem(a.acknowledged ? tr("yes") : tr("no")));
        }
    }
    auto rules = reader.rules();
    if (!m_rulesStack->showRows(rules, tr("No alert rules defined yet."))) {
        if (rules)
            m_rules->setRowCount(0);
    } else {
        // Unnamed rules show their description ("META price move >= 5%").
        // Enabled and muted come from AlertRuleStore, the API the actions
        // write through, wherever it keeps them (mutes are per analyst).
        QHash<qint64, AlertRule> full;
        if (auto stored = AlertRuleStore(m_db).all()) {
            for (const AlertRule &rule : *stored)
                full.insert(rule.id, rule);
        }
        m_rules->setRowCount(int(rules->size()));
        for (int i = 0; i < rules->size(); ++i) {
            AlertRuleRow r = rules->at(i);
            if (const auto it = full.constFind(r.id); it != full.cend()) {
                r.enabled = it->enabled;
                r.muted = it->muted;
            }
            auto *name = new QTableWidgetItem(full.contains(r.id) ? full.value(r.id).describe()
                                                                  : (r.name.isEmpty() ? r.query : r.name));
            name->setData(kIdRole, r.id);
            name->setData(kEnabledRole, r.enabled);
            name->setData(kMutedRole, r.muted);
            m_rules->setItem(i, 0, name);
            m_rules->setItem(i, 1, new QTableWidgetItem(r.kind));
            m_rules->setItem(i, 2, new QTableWidgetItem(r.ticker));
            m_rules->setItem(i, 3, new QTableWidgetItem(r.threshold ? QString::number(*r.threshold) : QString()));
            m_rules->setItem(
                i, 4, new QTableWidgetItem(!r.enabled ? tr("disabled") : (r.muted ? tr("muted") : tr("on"))));
            m_rules->setItem(i, 5, new QTableWidgetItem(when(r.lastFiredUtc)));
        }
    }
    m_rules->clearSelection();
    m_fired->clearSelection();
    selectId(m_rules, keepRule);
    selectId(m_fired, keepAlert);
    updateActions();
}

} // namespace tw
