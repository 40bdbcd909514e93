#pragma once

#include "ui/panels/panel.h"

#include <QSqlDatabase>
#include <QWidget>

class QLineEdit;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace tw {

class EmptyStateStack;
class SelectionModel;
struct WatchlistRow;

// The watchlist: last close, day change, corporate score badge with its
// evidence ("71 Bullish · 14 stories", faded when thin or stale, "—" when
// the news is insufficient), today's article count and a 30-day line of the
// score per ticker. Choosing a row sets the current ticker.
class WatchlistPanel : public Panel {
    Q_OBJECT

public:
    WatchlistPanel(QSqlDatabase db, SelectionModel *selection, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    // What the score cell of `row` shows at the column's current width.
    QString shownScoreText(int row) const;
    // How strongly a score cell shows its colour, 0-1 (kStrengthRole): full
    // for plenty of fresh evidence, faded for thin or stale evidence, 0 for
    // insufficient news.
    static constexpr int kStrengthRole = Qt::UserRole + 2;

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
    QTableWidgetItem *scoreItem(const WatchlistRow &row) const;
    QTableWidgetItem *trendItem(const WatchlistRow &row) const;

    QTableWidget *m_table;
    EmptyStateStack *m_stack;
    QLineEdit *m_newSymbol;
    QPushButton *m_remove;
    QString m_lastError;
};

} // namespace tw
