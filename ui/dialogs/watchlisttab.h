#pragma once

#include <QSqlDatabase>
#include <QString>
#include "ui/dialogs/settingspage.h"

#include <optional>

class QLineEdit;
class QListWidget;

namespace tw {

// The "Watchlist" settings page: the tickers the watchlist panel shows, in
// its order (tickers.on_watchlist and tickers.position). Add a symbol,
// remove one (it stays known, with its aliases and history), move one up or
// down. Each change is written at once.
class WatchlistTab : public SettingsPage {
    Q_OBJECT

public:
    explicit WatchlistTab(QSqlDatabase db, QWidget *parent = nullptr);

    // "meta " -> "META"; nothing for text that is no ticker symbol.
    static std::optional<QString> normalizedSymbol(const QString &text);

    QListWidget *list() const { return m_list; }
    QLineEdit *addBox() const { return m_symbol; }
    QStringList symbols() const;   // as listed, top first

    // The actions behind the buttons; false (and lastError()) when refused.
    bool addTicker(const QString &typed);
    bool removeTicker(const QString &symbol);
    bool moveTicker(const QString &symbol, int delta);   // -1 up, +1 down

public slots:
    void load();

signals:
    void watchlistChanged();

private:
    bool writeOrder(const QStringList &watchlist);
    QString currentSymbol() const;

    QSqlDatabase m_db;
    QListWidget *m_list;
    QLineEdit *m_symbol;
};

} // namespace tw
