#pragma once

#include "ui/panels/panel.h"

#include <QSqlDatabase>
#include <QWidget>

class QLineEdit;
class QPushButton;
class QTableWidget;

namespace tw {

class EmptyStateStack;
class SelectionModel;

// The watchlist: last close, day change, corporate score badge and today's
// article count per ticker. Choosing a row sets the current ticker.
class WatchlistPanel : public Panel {
    Q_OBJECT

public:
    WatchlistPanel(QSqlDatabase db, SelectionModel *selection, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    // What the score cell of `row` shows at the column's current width.
    QString shownScoreText(int row) const;

    // The corporate score history behind the selected row's badge (every
    // ticker's when none is selected).
    Result<ExportQuery> exportQuery() const override;
    QString exportName() const override;

public slots:
    void reload() override;
    // Puts a listed company on the watchlist from its ticker or name
    // ("COST", "costco", a completer line); false (and lastError()) when
    // the directory lists no such company.
    bool addTicker(const QString &typed);
    QLineEdit *addBox() const { return m_newSymbol; }
    const QString &lastError() const { return m_lastError; }
    bool removeTicker(const QString &symbol);

private:
    void selectRowOf(const QString &symbol);

    QSqlDatabase m_db;
    SelectionModel *m_selection;
    QTableWidget *m_table;
    EmptyStateStack *m_stack;
    QLineEdit *m_newSymbol;
    QPushButton *m_remove;
    QString m_lastError;
};

} // namespace tw
