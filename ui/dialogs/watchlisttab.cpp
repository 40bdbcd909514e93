#include "ui/dialogs/watchlisttab.h"

#include "models/directory/watchlistadder.h"
#include "models/store/sqlexec.h"
#include "ui/dialogs/companycompleter.h"
#include "models/store/tickerstore.h"

#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace tw {

WatchlistTab::WatchlistTab(QSqlDatabase db, QWidget *parent)
    : SettingsPage(tr("Watchlist"), parent), m_db(std::move(db)), m_list(new QListWidget(this)), m_symbol(new QLineEdit(this))
{
    setObjectName(QStringLiteral("watchlistTab"));
    m_symbol->setPlaceholderText(tr("Ticker or company name, e.g. COST or Costco"));
    new CompanyCompleter(m_symbol);
    auto *add = new QPushButton(tr("Add"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    auto *up = new QPushButton(tr("Move up"), this);
    auto *down = new QPushButton(tr("Move down"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        if (addTicker(m_symbol->text()))
            m_symbol->clear();
    });
    connect(m_symbol, &QLineEdit::returnPressed, add, &QPushButton::click);
    connect(remove, &QPushButton::clicked, this, [this] { removeTicker(currentSymbol()); });
    connect(up, &QPushButton::clicked, this, [this] { moveTicker(currentSymbol(), -1); });
    connect(down, &QPushButton::clicked, this, [this] { moveTicker(currentSymbol(), +1); });

    auto *side = new QVBoxLayout;
    side->addWidget(up);
    side->addWidget(down);
    side->addStretch(1);
    side->addWidget(remove);
    auto *top = new QHBoxLayout;
    top->addWidget(m_list, 1);
    top->addLayout(side);
    auto *entry = new QHBoxLayout;
    entry->addWidget(m_symbol, 1);
    entry->addWidget(add);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addLayout(entry);
    load();
}

std::optional<QString> WatchlistTab::normalizedSymbol(const QString &text)
{
    // Exchange symbols: letters and digits with a class or market suffix
    // (BRK.B, RDS-A, 7203.T); one to twelve characters, at least one letter.
    static const QRegularExpression symbol(QStringLiteral("^(?=.*[A-Z])[A-Z0-9][A-Z0-9.\\-]{0,11}$"));
    const QString upper = text.trimmed().toUpper();
    if (!symbol.match(upper).hasMatch() || upper.endsWith(QLatin1Char('.')) || upper.endsWith(QLatin1Char('-')))
        return std::nullopt;
    return upper;
}

QStringList WatchlistTab::symbols() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->data(Qt::UserRole).toString();
    return out;
}

QString WatchlistTab::currentSymbol() const
{
    return m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
}

void WatchlistTab::load()
{
    const QString keep = currentSymbol();
    m_list->clear();
    auto tickers = TickerStore(m_db).watchlist();
    if (!tickers)
        return;
    for (const TickerInfo &t : *tickers) {
        const bool named = !t.name.isEmpty() && t.name != t.symbol;
        auto *item = new QListWidgetItem(named ? QStringLiteral("%1   %2").arg(t.symbol, t.name) : t.symbol, m_list);
        item->setData(Qt::UserRole, t.symbol);
        if (t.symbol == keep)
            m_list->setCurrentItem(item);
    }
}

bool WatchlistTab::addTicker(const QString &typed)
{
    if (typed.trimmed().isEmpty())
        return false;
    const QString symbol = CompanyCompleter::resolve(typed);
    if (symbol.isEmpty())
        return report(WatchlistAdder::unknownTickerMessage(CompanyCompleter::tickerOf(typed)) + QLatin1Char('.'));
    if (symbols().contains(symbol))
        return report(tr("%1 is already on the watchlist.").arg(symbol));
    auto added = WatchlistAdder(m_db).add(symbol);
    if (!added)
        return report(added.errorMessage());
    if (!added->added)
        return report(added->message + QLatin1Char('.'));
    clearError();
    load();
    emit watchlistChanged();
    return true;
}

bool WatchlistTab::removeTicker(const QString &symbol)
{
    if (symbol.isEmpty())
        return false;
    // Taken off the watchlist, not deleted: aliases and history stay.
    TickerStore store(m_db);
    auto existing = store.bySymbol(symbol);
    if (!existing)
        return report(existing.errorMessage());
    if (!existing->has_value())
        return report(tr("%1 is not a known ticker.").arg(symbol));
    TickerInfo info = **existing;
    info.onWatchlist = false;
    if (auto saved = store.upsert(info); !saved)
        return report(saved.errorMessage());
    QStringList order = symbols();
    order.removeAll(symbol);
    return writeOrder(order);
}

bool WatchlistTab::moveTicker(const QString &symbol, int delta)
{
    QStringList order = symbols();
    const int from = int(order.indexOf(symbol));
    const int to = from + delta;
    if (from < 0 || to < 0 || to >= order.size())
        return false;
    order.move(from, to);
    if (!writeOrder(order))
        return false;
    m_list->setCurrentRow(to);
    return true;
}

// Watchlist tickers take positions 0..n-1 in `watchlist` order; the others
// follow, in their previous order.
bool WatchlistTab::writeOrder(const QStringList &watchlist)
{
    TickerStore store(m_db);
    auto all = store.all();
    if (!all)
        return report(all.errorMessage());
    Transaction transaction(m_db);   // one order, written whole
    if (!transaction.active())
        return report(transaction.beginError());
    QList<TickerInfo> others;
    QHash<QString, TickerInfo> bySymbol;
    for (const TickerInfo &t : *all) {
        bySymbol.insert(t.symbol, t);
        if (!watchlist.contains(t.symbol))
            others << t;
    }
    int position = 0;
    for (const QString &symbol : watchlist) {
        if (!bySymbol.contains(symbol))
            continue;
        TickerInfo t = bySymbol.value(symbol);
        t.position = position++;
        if (auto saved = store.upsert(t); !saved)
            return report(saved.errorMessage());
    }
    for (TickerInfo t : others) {
        t.position = position++;
        if (auto saved = store.upsert(t); !saved)
            return report(saved.errorMessage());
    }
    if (auto committed = transaction.commit(); !committed)
        return report(committed.errorMessage());
    clearError();
    load();
    emit watchlistChanged();
    return true;
}

} // namespace tw
