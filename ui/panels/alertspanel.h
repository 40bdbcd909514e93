#pragma once

#include <QSqlDatabase>
#include <QWidget>

class QTableWidget;

namespace tw {

class EmptyStateStack;

// Fired alerts (newest first) above the list of alert rules.
class AlertsPanel : public QWidget {
    Q_OBJECT

public:
    explicit AlertsPanel(QSqlDatabase db, QWidget *parent = nullptr);

    QTableWidget *firedTable() const { return m_fired; }
    QTableWidget *rulesTable() const { return m_rules; }
    QString firedEmptyMessage() const;
    QString rulesEmptyMessage() const;

public slots:
    void reload();

private:
    QSqlDatabase m_db;
    QTableWidget *m_fired;
    QTableWidget *m_rules;
    EmptyStateStack *m_firedStack;
    EmptyStateStack *m_rulesStack;
};

} // namespace tw
