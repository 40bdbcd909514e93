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
    // The feed a usual source gives for a watchlist company (URL built from
    // its ticker, name or CIK); false (and a message) when it cannot.
    bool addFeedFromSource(int sourceIndex, const QString &ticker, int minutes);
    // "Add the usual feeds" of one ticker; the number of feeds that are new.
    int addUsualFeeds(const QString &symbol);
    // The URL the chosen source and ticker give (what the URL box shows).
    QString sourceUrl(int sourceIndex, const QString &ticker) const;
    QComboBox *sourceBox() const { return m_kind; }
    QLineEdit *urlBox() const { return m_url; }
    QLineEdit *feedTickerBox() const { return m_feedTicker; }
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
    void fillSourceUrl();
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
    QSpinBox *m_minutes = nullptr;
    QLineEdit *m_contact = nullptr;
    QString m_lastError;
};

} // namespace tw
