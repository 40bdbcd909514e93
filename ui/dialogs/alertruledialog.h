#pragma once

#include "models/alerts/alertrule.h"
#include "models/core/result.h"

#include <QDialog>
#include <QSqlDatabase>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace tw {

// Creates or edits one alert rule. Each field applies to some kinds only and
// is enabled for those; every edit runs the rule through
// AlertRuleStore::validate (the check `tickerwire alerts add` uses), shows
// what is wrong under the form and keeps OK disabled until the rule is valid.
// OK stores the rule (add or update) and closes.
class AlertRuleDialog : public QDialog {
    Q_OBJECT

public:
    // `rule.id` 0 creates a new rule; otherwise that rule is edited.
    AlertRuleDialog(QSqlDatabase db, const AlertRule &rule, QWidget *parent = nullptr);

    // The fields, for the tests and for keyboard users alike.
    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *tickerEdit() const { return m_ticker; }
    QComboBox *horizonBox() const { return m_horizon; }
    QLineEdit *thresholdEdit() const { return m_threshold; }
    QLineEdit *queryEdit() const { return m_query; }
    QLineEdit *eventKindsEdit() const { return m_eventKinds; }
    QLineEdit *sourcesEdit() const { return m_sources; }
    QLineEdit *cooldownEdit() const { return m_cooldown; }
    QPushButton *okButton() const;

    // Empty while the rule is valid.
    QString errorText() const;
    // The rule as stored after OK (with its id).
    const AlertRule &savedRule() const { return m_saved; }

public slots:
    void accept() override;

private:
    void kindChanged();
    void revalidate();
    // The form as a rule (only the fields of its kind), or what cannot be read.
    Result<AlertRule> formRule() const;
    void showError(const QString &message, QWidget *field = nullptr);
    void showProblem(const RuleProblem &problem);
    QWidget *fieldWidget(RuleField field) const;

    QSqlDatabase m_db;
    AlertRule m_original;
    AlertRule m_saved;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QLineEdit *m_ticker;
    QComboBox *m_horizon;
    QLineEdit *m_threshold;
    QLineEdit *m_query;
    QLineEdit *m_eventKinds;
    QLineEdit *m_sources;
    QLineEdit *m_cooldown;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace tw
