#include "ui/dialogs/settingsdialog.h"

#include "ui/dialogs/apikeystab.h"
#include "ui/dialogs/notificationstab.h"
#include "ui/dialogs/storetab.h"
#include "ui/dialogs/watchlisttab.h"
#include "models/domain/feed.h"
#include "feeds/keys/secretstore.h"
#include "models/store/feedstore.h"
#include "models/store/sqldialect.h"
#include "models/store/tickerstore.h"
#include "feeds/fetch/secaccess.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace tw {

namespace {
enum FeedColumn { FeedTitle, FeedUrl, FeedKindCol, FeedTicker, FeedEvery, FeedEnabled, FeedColumns };
enum TickerColumn { Symbol, Name, Aliases, OnWatchlist, TickerColumns };
} // namespace

SettingsDialog::SettingsDialog(QSqlDatabase db, QWidget *parent)
    : QDialog(parent)
    , m_db(std::move(db))
{
    setWindowTitle(tr("Settings"));
    resize(820, 520);
    auto *tabs = new QTabWidget(this);
    m_tabs = tabs;
    tabs->addTab(buildFeedsTab(), tr("Feeds"));
    m_watchlist = new WatchlistTab(m_db, this);
    tabs->addTab(m_watchlist, tr("Watchlist"));
    tabs->addTab(buildTickersTab(), tr("Tickers && aliases"));
    m_apiKeys = new ApiKeysTab(SecretStore::defaultService(), this);
    tabs->addTab(m_apiKeys, tr("API keys"));
    m_notifications = new NotificationsTab(m_db, this);
    tabs->addTab(m_notifications, tr("Notifications"));
    m_store = new StoreTab(SecretStore::defaultService(),
                           dialectOf(m_db) == SqlDialect::Sqlite ? m_db.databaseName() : QString(), this);
    tabs->addTab(m_store, tr("Store"));
    // The watchlist shows on two pages; each re-reads what the other wrote.
    // Alias edits are saved first so a reload never drops them.
    connect(m_watchlist, &WatchlistTab::watchlistChanged, this, [this] {
        saveTickers();
        loadTickers();
    });
    connect(tabs, &QTabWidget::currentChanged, this, [this, tabs](int index) {
        if (tabs->widget(index) == m_watchlist) {
            saveTickers();
            m_watchlist->load();
        }
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, [this] {
        saveTickers();
        accept();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    loadFeeds();
    loadTickers();
}

void SettingsDialog::reject()
{
    saveTickers();
    QDialog::reject();
}

bool SettingsDialog::report(const QString &error)
{
    m_lastError = error;
    if (isVisible())
        QMessageBox::warning(this, windowTitle(), error);
    return false;
}

QWidget *SettingsDialog::buildFeedsTab()
{
    auto *page = new QWidget(this);
    m_feeds = new QTableWidget(0, FeedColumns, page);
    m_feeds->setHorizontalHeaderLabels({tr("Title"), tr("URL"), tr("Kind"), tr("Ticker"), tr("Every (min)"), tr("On")});
    m_feeds->verticalHeader()->hide();
    m_feeds->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_feeds->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_feeds->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_feeds->horizontalHeader()->setSectionResizeMode(FeedUrl, QHeaderView::Stretch);
    connect(m_feeds, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (item->column() == FeedEnabled)
            setFeedEnabled(m_feeds->item(item->row(), FeedTitle)->data(Qt::UserRole).toLongLong(),
                item->checkState() == Qt::Checked);
    });

    m_url = new QLineEdit(page);
    m_url->setPlaceholderText(QStringLiteral("https://example.com/feed.xml"));
    m_kind = new QComboBox(page);
    for (const FeedKindInfo &kind : kFeedKinds)   // labels for people, the id as the item's data
        m_kind->addItem(QString::fromUtf8(kind.label), QString::fromLatin1(kind.id));
    m_feedTicker = new QLineEdit(page);
    m_feedTicker->setPlaceholderText(tr("optional, e.g. META"));
    m_title = new QLineEdit(page);
    m_minutes = new QSpinBox(page);
    m_minutes->setRange(5, 24 * 60);
    m_minutes->setValue(15);
    auto *form = new QFormLayout;
    form->addRow(tr("URL"), m_url);
    auto *row = new QHBoxLayout;
    row->addWidget(m_kind);
    row->addWidget(m_feedTicker);
    row->addWidget(m_title, 1);
    row->addWidget(m_minutes);
    form->addRow(tr("Kind / ticker / title / every"), row);
    auto *add = new QPushButton(tr("Add feed"), page);
    auto *remove = new QPushButton(tr("Remove selected"), page);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    connect(add, &QPushButton::clicked, this, [this] {
        if (addFeed(m_url->text(), m_kind->currentData().toString(), m_feedTicker->text(), m_title->text(), m_minutes->value())) {
            m_url->clear();
            m_title->clear();
        }
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int r = m_feeds->currentRow();
        if (r >= 0)
            removeFeed(m_feeds->item(r, FeedTitle)->data(Qt::UserRole).toLongLong());
    });
    // SEC EDGAR serves only clients that name a contact (its fair-access
    // rules); without one its feeds are not fetched at all.
    m_secContact = new QLineEdit(SecContactSetting::load(), page);
    m_secContact->setObjectName(QStringLiteral("secContact"));
    m_secContact->setPlaceholderText(tr("your e-mail, e.g. analyst@example.com"));
    m_secContact->setToolTip(tr("SEC EDGAR asks every client to name a contact in its User-Agent and refuses "
                                "(HTTP 403) those that do not; SEC feeds are fetched only once this is set."));
    connect(m_secContact, &QLineEdit::editingFinished, this, [this] {
        const QString email = m_secContact->text().trimmed();
        if (!email.isEmpty() && !isPlausibleContactEmail(email)) {
            report(tr("'%1' is not an e-mail address; SEC asks for one it can write to about your requests.").arg(email));
            return;
        }
        SecContactSetting::save(email);
    });
    auto *secForm = new QFormLayout;
    secForm->addRow(tr("SEC contact e-mail"), m_secContact);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_feeds, 1);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addLayout(secForm);
    return page;
}

QWidget *SettingsDialog::buildTickersTab()
{
    m_tickers = new QTableWidget(0, TickerColumns, this);
    m_tickers->setHorizontalHeaderLabels({tr("Symbol"), tr("Name"), tr("Aliases (comma separated)"), tr("Watchlist")});
    m_tickers->verticalHeader()->hide();
    m_tickers->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tickers->horizontalHeader()->setSectionResizeMode(Aliases, QHeaderView::Stretch);
    m_tickers->setToolTip(
        tr("Entity linking finds a company by these names; changes apply to articles stored from now on."));
    return m_tickers;
}

void SettingsDialog::loadFeeds()
{
    auto feeds = FeedStore(m_db).all();
    const QSignalBlocker blocker(m_feeds);
    m_feeds->setRowCount(0);
    if (!feeds)
        return;
    m_feeds->setRowCount(int(feeds->size()));
    for (int i = 0; i < feeds->size(); ++i) {
        const Feed &f = feeds->at(i);
        auto *title = new QTableWidgetItem(f.title);
        title->setData(Qt::UserRole, f.id);
        m_feeds->setItem(i, FeedTitle, title);
        m_feeds->setItem(i, FeedUrl, new QTableWidgetItem(f.url));
        m_feeds->setItem(i, FeedKindCol, new QTableWidgetItem(feedKindId(f.kind)));
        m_feeds->setItem(i, FeedTicker, new QTableWidgetItem(f.ticker));
        m_feeds->setItem(i, FeedEvery, new QTableWidgetItem(QString::number(f.intervalSeconds / 60)));
        auto *enabled = new QTableWidgetItem;
        enabled->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        enabled->setCheckState(f.enabled ? Qt::Checked : Qt::Unchecked);
        m_feeds->setItem(i, FeedEnabled, enabled);
    }
}

void SettingsDialog::loadTickers()
{
    auto tickers = TickerStore(m_db).all();
    m_tickers->setRowCount(0);
    if (!tickers)
        return;
    m_tickers->setRowCount(int(tickers->size()));
    for (int i = 0; i < tickers->size(); ++i) {
        const TickerInfo &t = tickers->at(i);
        auto *symbol = new QTableWidgetItem(t.symbol);
        symbol->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        m_tickers->setItem(i, Symbol, symbol);
        m_tickers->setItem(i, Name, new QTableWidgetItem(t.name));
        m_tickers->setItem(i, Aliases, new QTableWidgetItem(t.aliases.join(QStringLiteral(", "))));
        auto *watch = new QTableWidgetItem;
        watch->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        watch->setCheckState(t.onWatchlist ? Qt::Checked : Qt::Unchecked);
        watch->setData(Qt::UserRole, t.onWatchlist);   // as read: saveTickers() writes only a change
        m_tickers->setItem(i, OnWatchlist, watch);
    }
}

bool SettingsDialog::addFeed(
    const QString &url, const QString &kindId, const QString &ticker, const QString &title, int minutes)
{
    const QUrl parsed(url.trimmed(), QUrl::StrictMode);
    if (!parsed.isValid() || (parsed.scheme() != QLatin1String("https") && parsed.scheme() != QLatin1String("http"))
        || parsed.host().isEmpty())
        return report(tr("\"%1\" is not an http(s) address.").arg(url));
    Feed feed;
    feed.url = parsed.toString();
    if (!feedKindFromId(kindId, &feed.kind))
        return report(tr("Unknown feed kind \"%1\".").arg(kindId));
    feed.ticker = ticker.trimmed().toUpper();
    feed.title = title.trimmed().isEmpty() ? parsed.host() : title.trimmed();
    feed.intervalSeconds = std::max(5, minutes) * 60;
    if (auto added = FeedStore(m_db).add(feed); !added)
        return report(added.errorMessage());
    loadFeeds();
    return true;
}

bool SettingsDialog::removeFeed(qint64 id)
{
    if (auto removed = FeedStore(m_db).remove(id); !removed)
        return report(removed.errorMessage());
    loadFeeds();
    return true;
}

bool SettingsDialog::setFeedEnabled(qint64 id, bool enabled)
{
    FeedStore store(m_db);
    auto feed = store.byId(id);
    if (!feed || !feed->has_value())
        return report(feed ? tr("The feed is gone.") : feed.errorMessage());
    Feed f = **feed;
    f.enabled = enabled;
    if (auto updated = store.update(f); !updated)
        return report(updated.errorMessage());
    return true;
}

bool SettingsDialog::saveTickers()
{
    TickerStore store(m_db);
    for (int r = 0; r < m_tickers->rowCount(); ++r) {
        auto existing = store.bySymbol(m_tickers->item(r, Symbol)->text());
        if (!existing || !existing->has_value())
            continue;
        TickerInfo t = **existing;
        t.name = m_tickers->item(r, Name)->text().trimmed();
        t.aliases.clear();
        for (const QString &alias : m_tickers->item(r, Aliases)->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!alias.trimmed().isEmpty())
                t.aliases << alias.trimmed();
        }
        QTableWidgetItem *watch = m_tickers->item(r, OnWatchlist);
        const bool checked = watch->checkState() == Qt::Checked;
        if (checked != watch->data(Qt::UserRole).toBool())
            t.onWatchlist = checked;
        if (auto saved = store.upsert(t); !saved)
            return report(saved.errorMessage());
        watch->setData(Qt::UserRole, t.onWatchlist);
    }
    return true;
}

} // namespace tw
