#pragma once

#include "ui/panels/panel.h"

#include <QSqlDatabase>

class QAction;
class QTableWidget;
class QToolBar;

namespace tw {

class EmptyStateStack;
class SelectionModel;

// Fired alerts (newest first) above the list of alert rules, with the
// actions on them (toolbar and context menus): new/edit/enable/mute/delete a
// rule, acknowledge firings. Every action goes through AlertRuleStore and
// FiredAlertStore, so the panel and `tickerwire alerts` change the same state.
class AlertsPanel : public Panel {
    Q_OBJECT

public:
    // With a selection, double-clicking a firing opens its cause there.
    explicit AlertsPanel(QSqlDatabase db, SelectionModel *selection = nullptr, QWidget *parent = nullptr);

    QTableWidget *firedTable() const { return m_fired; }
    QSqlDatabase database() const { return m_db; }
    QTableWidget *rulesTable() const { return m_rules; }
    QString firedEmptyMessage() const;
    QString rulesEmptyMessage() const;
    QToolBar *toolBar() const { return m_toolBar; }

    // 0 when no row is selected.
    qint64 selectedRuleId() const;
    qint64 selectedAlertId() const;

    // The actions behind the buttons; false (and lastError()) when refused.
    bool setRuleEnabled(qint64 ruleId, bool enabled);
    bool setRuleMuted(qint64 ruleId, bool muted);
    bool removeRule(qint64 ruleId);   // no question asked; the Delete action asks first
    bool acknowledge(qint64 alertId);
    // Shows what made the firing: its ticker, and the article (of an event,
    // the newest that reported it) in the reader, or the chart for a price
    // or score cause. False when the firing is not listed.
    bool openCause(qint64 alertId);
    int acknowledgeAll();             // how many were acknowledged
    const QString &lastError() const { return m_lastError; }

    // Every fired alert (the rules are settings, not data), acknowledged as
    // this analyst sees them.
    Result<ExportQuery> exportQuery() const override;
    QString exportName() const override;

public slots:
    void reload() override;
    // Open the rule dialog (modal); the store is written when it is accepted.
    void newRule();
    void editRule(qint64 ruleId);

signals:
    // A rule or firing changed here; the window may refresh other views.
    void alertsChanged();

private:
    void createActions();
    void updateActions();
    void confirmAndRemoveSelected();
    bool report(const QString &error);
    bool done();

    QTableWidget *m_fired;
    QTableWidget *m_rules;
    EmptyStateStack *m_firedStack;
    EmptyStateStack *m_rulesStack;
    QToolBar *m_toolBar = nullptr;
    QAction *m_new = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_enable = nullptr;
    QAction *m_mute = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_ack = nullptr;
    QAction *m_ackAll = nullptr;
    QString m_lastError;
};

} // namespace tw
