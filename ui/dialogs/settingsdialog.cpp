#include "ui/dialogs/settingsdialog.h"

#include "ui/dialogs/apikeystab.h"
#include "ui/dialogs/notificationstab.h"
#include "ui/dialogs/storetab.h"
#include "ui/dialogs/watchlisttab.h"
#include "ui/dialogs/companycompleter.h"
#include "feeds/fetch/contactsetting.h"
#include "feeds/fetch/defaultfeeds.h"
#include "feeds/fetch/fetchtypes.h"
#include "models/pipeline/articlerelinker.h"
#include "models/domain/feed.h"
#include "feeds/keys/secretstore.h"
#include "models/store/feedstore.h"
#include "models/store/sqldialect.h"
#include "models/store/tickerstore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
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
enum TickerColumn { Symbol, Name, Aliases, OnWatchlist, Exchange, UsualFeeds, TickerColumns };

// The source box: the usual sources of a company, then any feed by its URL.
constexpr int kOwnFeed = -1;
QList<FeedSource> sourcesInBox()
{
    return allFeedSources();
}
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
    m_kind->setObjectName(QStringLiteral("feedSource"));
    for (FeedSource source : sourcesInBox())
        m_kind->addItem(tr("%1 (from the %2)").arg(feedSourceLabel(source), feedSourceBasis(source)), int(source));
    m_kind->addItem(tr("Any news feed (RSS, Atom, JSON Feed) by its URL"), kOwnFeed);
    m_feedTicker = new QLineEdit(page);
    m_feedTicker->setPlaceholderText(tr("ticker, e.g. COST"));
    new CompanyCompleter(m_feedTicker);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &SettingsDialog::fillSourceUrl);
    connect(m_feedTicker, &QLineEdit::textChanged, this, &SettingsDialog::fillSourceUrl);
    m_title = new QLineEdit(page);
    m_minutes = new QSpinBox(page);
    m_minutes->setRange(5, 24 * 60);
    m_minutes->setValue(15);
    m_title->setPlaceholderText(tr("title (optional)"));
    m_minutes->setSuffix(tr(" min"));
    auto *form = new QFormLayout;
    auto *row = new QHBoxLayout;
    row->addWidget(m_kind, 2);
    row->addWidget(m_feedTicker, 1);
    form->addRow(tr("Source / company"), row);
    form->addRow(tr("URL"), m_url);
    auto *row2 = new QHBoxLayout;
    row2->addWidget(m_title, 1);
    row2->addWidget(new QLabel(tr("every"), page));
    row2->addWidget(m_minutes);
    form->addRow(tr("Title"), row2);
    m_contact = new QLineEdit(ContactSetting::load(), page);
    m_contact->setObjectName(QStringLiteral("contactAddress"));
    m_contact->setPlaceholderText(tr("you@example.com"));
    // SEC EDGAR serves only clients that name a contact (its fair-access
    // rules); without one its feeds are not fetched at all.
    m_contact->setToolTip(tr("SEC EDGAR requires a contact e-mail address in every request's User-Agent and refuses "
                             "(HTTP 403) clients without one; its feeds are not fetched until this is set. Only SEC's "
                             "hosts are sent it."));
    auto *saveContact = new QPushButton(tr("Save"), page);
    auto *contactRow = new QHBoxLayout;
    contactRow->addWidget(m_contact, 1);
    contactRow->addWidget(saveContact);
    form->addRow(tr("Contact for SEC EDGAR"), contactRow);
    connect(saveContact, &QPushButton::clicked, this, [this] {
        if (!m_contact->text().trimmed().isEmpty() && !ContactSetting::looksLikeAddress(m_contact->text())) {
            report(tr("\"%1\" is not an e-mail address.").arg(m_contact->text().trimmed()));
            return;
        }
        ContactSetting::save(m_contact->text());
    });
    auto *add = new QPushButton(tr("Add feed"), page);
    auto *remove = new QPushButton(tr("Remove selected"), page);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    connect(add, &QPushButton::clicked, this, [this] {
        const bool added = m_kind->currentData().toInt() == kOwnFeed
            ? addFeed(m_url->text(), QStringLiteral("news"), m_feedTicker->text(), m_title->text(), m_minutes->value())
            : addFeedFromSource(m_kind->currentIndex(), m_feedTicker->text(), m_minutes->value());
        if (added) {
            m_title->clear();
            fillSourceUrl();
        }
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int r = m_feeds->currentRow();
        if (r >= 0)
            removeFeed(m_feeds->item(r, FeedTitle)->data(Qt::UserRole).toLongLong());
    });
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_feeds, 1);
    layout->addLayout(form);
    layout->addLayout(buttons);
    return page;
}

QWidget *SettingsDialog::buildTickersTab()
{
    m_tickers = new QTableWidget(0, TickerColumns, this);
    m_tickers->setHorizontalHeaderLabels(
        {tr("Symbol"), tr("Name"), tr("Aliases (comma separated)"), tr("Watchlist"), tr("Exchange"), tr("Feeds")});
    m_tickers->verticalHeader()->hide();
    m_tickers->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tickers->horizontalHeader()->setSectionResizeMode(Aliases, QHeaderView::Stretch);
    m_tickers->setToolTip(
        tr("Entity linking finds a company by these names; a change links the stored articles again."));
    auto *page = new QWidget(this);
    auto *hint = new QLabel(tr("News is linked to a company by its name and aliases. Everyday words (Apple, Ford) "
                               "and acronyms count only where the text shows it is the company. Editing a name "
                               "links the stored articles again."),
                            page);
    hint->setWordWrap(true);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_tickers, 1);
    layout->addWidget(hint);
    return page;
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
        m_feeds->setItem(i, FeedKindCol, new QTableWidgetItem(feedDescription(f)));
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
        auto *exchange = new QTableWidgetItem(t.exchange);
        exchange->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        m_tickers->setItem(i, Exchange, exchange);
        auto *feeds = new QTableWidgetItem;
        feeds->setFlags(Qt::ItemIsEnabled);
        m_tickers->setItem(i, UsualFeeds, feeds);
        auto *usual = new QPushButton(tr("Add the usual feeds"), m_tickers);
        usual->setToolTip(tr("SEC 8-K filings and company facts, Google News, Yahoo Finance and Nasdaq headlines and Yahoo daily "
                             "prices for %1 (keyed providers added switched off)")
                              .arg(t.symbol));
        const QString symbolText = t.symbol;
        connect(usual, &QPushButton::clicked, this, [this, symbolText] {
            const int added = addUsualFeeds(symbolText);
            if (added >= 0 && isVisible())
                QMessageBox::information(this, windowTitle(),
                                         added == 0 ? tr("%1 already has its usual feeds.").arg(symbolText)
                                                    : tr("Added %n feed(s) for %1.", nullptr, added).arg(symbolText));
        });
        m_tickers->setCellWidget(i, UsualFeeds, usual);
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

QString SettingsDialog::sourceUrl(int sourceIndex, const QString &ticker) const
{
    const int source = m_kind->itemData(sourceIndex).toInt();
    if (source == kOwnFeed)
        return QString();
    const QString symbol = CompanyCompleter::resolve(ticker);
    if (symbol.isEmpty())
        return QString();
    auto stored = TickerStore(m_db).bySymbol(symbol);
    TickerInfo info;
    if (stored && stored->has_value())
        info = **stored;
    else
        info.symbol = symbol;
    const auto feed = feedFromSource(FeedSource(source), feedCompanyFor(info));
    return feed ? displayUrl(QUrl(feed->url)) : QString();
}

void SettingsDialog::fillSourceUrl()
{
    const bool own = m_kind->currentData().toInt() == kOwnFeed;
    m_url->setReadOnly(!own);
    if (own) {
        m_url->setPlaceholderText(QStringLiteral("https://example.com/feed.xml"));
        return;
    }
    m_url->setText(sourceUrl(m_kind->currentIndex(), m_feedTicker->text()));
    m_url->setCursorPosition(0);
    m_url->setPlaceholderText(tr("built from the company when you pick one"));
}

bool SettingsDialog::addFeedFromSource(int sourceIndex, const QString &ticker, int minutes)
{
    const int source = m_kind->itemData(sourceIndex).toInt();
    if (source == kOwnFeed)
        return report(tr("Give the feed's URL."));
    const QString symbol = CompanyCompleter::resolve(ticker);
    auto stored = symbol.isEmpty() ? Result<std::optional<TickerInfo>>(std::optional<TickerInfo>{})
                                   : TickerStore(m_db).bySymbol(symbol);
    if (!stored)
        return report(stored.errorMessage());
    if (!stored->has_value())
        return report(tr("\"%1\" is not on the watchlist: add the company first.").arg(ticker.trimmed()));
    auto feed = feedFromSource(FeedSource(source), feedCompanyFor(**stored));
    if (!feed)
        return report(tr("%1 has no %2 feed (its SEC company number is unknown).")
                          .arg(symbol, feedSourceLabel(FeedSource(source))));
    feed->intervalSeconds = std::max(5, minutes) * 60;
    if (auto added = FeedStore(m_db).add(*feed); !added)
        return report(added.errorMessage());
    loadFeeds();
    return true;
}

int SettingsDialog::addUsualFeeds(const QString &symbol)
{
    auto stored = TickerStore(m_db).bySymbol(symbol);
    if (!stored || !stored->has_value()) {
        report(stored ? tr("%1 is not a known ticker.").arg(symbol) : stored.errorMessage());
        return -1;
    }
    FeedStore feeds(m_db);
    auto before = feeds.all();
    if (!before) {
        report(before.errorMessage());
        return -1;
    }
    for (const Feed &f : defaultFeedsFor(feedCompanyFor(**stored))) {
        if (auto added = feeds.add(f); !added) {
            report(added.errorMessage());
            return -1;
        }
    }
    auto after = feeds.all();
    loadFeeds();
    return after ? int(after->size() - before->size()) : 0;
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
    QStringList renamed;   // names changed: their stored articles are linked again
    for (int r = 0; r < m_tickers->rowCount(); ++r) {
        auto existing = store.bySymbol(m_tickers->item(r, Symbol)->text());
        if (!existing || !existing->has_value())
            continue;
        TickerInfo t = **existing;
        const QStringList before = QStringList{t.name} + t.aliases;
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
        if (QStringList{t.name} + t.aliases != before)
            renamed << t.symbol;
        if (auto saved = store.upsert(t); !saved)
            return report(saved.errorMessage());
        watch->setData(Qt::UserRole, t.onWatchlist);
    }
    if (!renamed.isEmpty()) {
        if (auto relinked = ArticleRelinker(m_db).relink(renamed); !relinked)
            return report(relinked.errorMessage());
    }
    return true;
}

} // namespace tw
