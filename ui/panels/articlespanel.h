#pragma once

#include "ui/panels/panel.h"

#include <QSqlDatabase>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace tw {

class ArticleListModel;
class EmptyStateStack;
class SelectionModel;

// The article list: lazily loaded pages, filters (ticker, source, label,
// date range) and a full-text search that runs as the analyst types.
class ArticlesPanel : public Panel {
    Q_OBJECT

public:
    static constexpr int kSearchDelayMs = 250;

    ArticlesPanel(QSqlDatabase db, SelectionModel *selection, QWidget *parent = nullptr);

    ArticleListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchBox() const { return m_search; }
    // Applies the filter widgets now instead of after the typing pause.
    void applyFilters();

    // Every article the list holds under its filter, in its order, however
    // few pages it has loaded.
    Result<ExportQuery> exportQuery() const override;
    QString exportName() const override;
    // Ctrl+F: shows the list and puts the cursor in its search box.
    QList<QAction *> viewActions() override;

public slots:
    void reload() override;
    void focusSearch();

private:
    void fillFilterChoices();
    void updateSummary();
    void openFirstIfNothingIsOpen();

    ArticleListModel *m_model;
    QTableView *m_view;
    EmptyStateStack *m_stack;
    QComboBox *m_ticker;
    QComboBox *m_source;
    QComboBox *m_label;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLineEdit *m_search;
    QCheckBox *m_mainSubject;   // hide passing mentions of the chosen ticker
    QLabel *m_summary;
    QTimer *m_debounce;
    QAction *m_searchAction;
};

} // namespace tw
