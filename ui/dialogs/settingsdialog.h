#pragma once

#include <QDialog>
#include <QSqlDatabase>

class QComboBox;
class QLineEdit;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace tw {

class ApiKeysTab;
class NotificationsTab;
class StoreTab;
class WatchlistTab;

// Settings: the configured feeds (add, enable, remove), the tickers with the
// aliases entity linking looks for, the watchlist and its order, API keys
// (keychain), notifications, and where the next start opens the store.
// Every change is written at once; the window re-reads when it closes.
class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    explicit SettingsDialog(QSqlDatabase db, QWidget *parent = nullptr);

    QTableWidget *feedsTable() const { return m_feeds; }
    QTableWidget *tickersTable() const { return m_tickers; }
    QTabWidget *tabs() const { return m_tabs; }
    ApiKeysTab *apiKeysTab() const { return m_apiKeys; }
    WatchlistTab *watchlistTab() const { return m_watchlist; }
    NotificationsTab *notificationsTab() const { return m_notifications; }
    StoreTab *storeTab() const { return m_store; }

    // The actions behind the buttons; false (and a message) when refused.
    bool addFeed(const QString &url, const QString &kindId, const QString &ticker, const QString &title, int minutes);
    bool removeFeed(qint64 id);
    bool setFeedEnabled(qint64 id, bool enabled);
    bool saveTickers();
    const QString &lastError() const { return m_lastError; }

public slots:
    // Escape and the window's close button save alias edits like Close does.
    void reject() override;

private:
    QWidget *buildFeedsTab();
    QWidget *buildTickersTab();
    void loadFeeds();
    void loadTickers();
    bool report(const QString &error);

    QSqlDatabase m_db;
    QTabWidget *m_tabs = nullptr;
    ApiKeysTab *m_apiKeys = nullptr;
    WatchlistTab *m_watchlist = nullptr;
    NotificationsTab *m_notifications = nullptr;
    StoreTab *m_store = nullptr;
    QTableWidget *m_feeds = nullptr;
    QTableWidget *m_tickers = nullptr;
    QLineEdit *m_url = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_feedTicker = nullptr;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_secContact = nullptr;
    QSpinBox *m_minutes = nullptr;
    QString m_lastError;
};

} // namespace tw
