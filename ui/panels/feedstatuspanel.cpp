#include "ui/panels/feedstatuspanel.h"

#include "feeds/ingest/backgroundfetcher.h"
#include "ui/theme/themecolors.h"
#include "models/core/storetime.h"
#include "models/domain/feed.h"
#include "ui/panels/columnfitter.h"
#include "ui/panels/emptystate.h"
#include "models/store/feedstore.h"
#include "models/text/safetext.h"
#include "feeds/fetch/fetchtypes.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tw {

namespace {
enum Column { Name, State, LastSuccess, LastError, NextFetch, ColumnCount };

QString when(const QDateTime &t)
{
    return t.isValid() && t.toMSecsSinceEpoch() > 0 ? t.toUTC().toString(QStringLiteral("MM-dd HH:mm"))
                                                    : QStringLiteral("–");
}

QColor stateColor(FeedState s)
{
    switch (s) {
    case FeedState::Ok:
    case FeedState::NotModified:
        return ThemeColors::current().positiveText;
    case FeedState::Never:
        return ThemeColors::current().neutralText;
    case FeedState::Network:
    case FeedState::Http:
    case FeedState::Parse:
    case FeedState::Provider:
    case FeedState::Storage:
    case FeedState::Refused:
        return ThemeColors::current().negativeText;
    }
    return ThemeColors::current().negativeText;
}
} // namespace

FeedStatusPanel::FeedStatusPanel(QSqlDatabase db, QWidget *parent)
    : Panel(std::move(db), nullptr, parent)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_retry(new QPushButton(tr("Retry now"), this))
    , m_progressText(new QLabel(this))
    , m_progress(new QProgressBar(this))
{
    setObjectName(QStringLiteral("feedStatusPanel"));
    m_table->setHorizontalHeaderLabels(
        {tr("Feed"), tr("State"), tr("Last success"), tr("Last error"), tr("Next fetch")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    // The feed's name says which feed; its end tells feeds of one site apart.
    ColumnFitter::install(m_table, m_table->horizontalHeader(),
        {{Name, ColumnRule::Main, 14, 0, Qt::ElideMiddle},
         {State, ColumnRule::Fit, 4, 14},
         {LastSuccess, ColumnRule::Fit, 6, 12},
         {LastError, ColumnRule::Fit, 6, 28},
         {NextFetch, ColumnRule::Fit, 6, 12}});
    m_stack = new EmptyStateStack(m_table, this);
    m_retry->setEnabled(false);
    m_progressText->setObjectName(QStringLiteral("feedFetchProgress"));
    m_progressText->setForegroundRole(QPalette::PlaceholderText);
    m_progressText->setWordWrap(true);   // a long reason must not widen the dock
    m_progress->setMaximumWidth(140);
    m_progress->setTextVisible(false);
    m_progress->hide();
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_progressText, 1);
    buttons->addWidget(m_progress);
    buttons->addWidget(m_retry);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_stack, 1);
    layout->addLayout(buttons);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
        [this] { m_retry->setEnabled(m_table->currentRow() >= 0 && !m_stack->isShowingMessage()); });
    connect(m_retry, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row >= 0)
            retryNow(m_table->item(row, Name)->data(Qt::UserRole).toLongLong());
    });
    addExportAction(m_table);
    reload();
}

Result<ExportQuery> FeedStatusPanel::exportQuery() const
{
    return ExportQuery::feeds();
}

QString FeedStatusPanel::exportName() const
{
    return QStringLiteral("feeds.csv");
}

void FeedStatusPanel::attachFetcher(BackgroundFetcher *fetcher)
{
    connect(this, &FeedStatusPanel::retryRequested, fetcher, [fetcher](qint64 id) { fetcher->fetchFeeds({id}); });
}

QString FeedStatusPanel::emptyMessage() const
{
    return m_stack->message();
}

void FeedStatusPanel::reload()
{
    auto feeds = FeedStore(m_db).all();
    if (!m_stack->showRows(feeds, tr("No feeds configured yet.\nThe demo workspace comes from bundled files; "
                                     "add feeds in File > Settings (Ctrl+,)."))) {
        if (feeds)
            m_retry->setEnabled(false);
        return;
    }
    // Columns sized to their contents re-measure all rows on every setItem
    // (seconds for a hundred feeds, on the UI thread): measure once, after filling.
    m_table->setRowCount(int(feeds->size()));
    for (int i = 0; i < feeds->size(); ++i) {
        const Feed &f = feeds->at(i);
        // A shared store's rows are strangers' text: shown, never acted on, keys redacted.
        auto *name = new QTableWidgetItem(displaySafe(f.title.isEmpty() ? displayUrl(QUrl(f.url)) : f.title));
        name->setToolTip(QStringLiteral("%1\n%2 · every %3 min")
                             .arg(displaySafe(displayUrl(QUrl(f.url))), feedKindId(f.kind))
                             .arg(f.intervalSeconds / 60));
        name->setData(Qt::UserRole, f.id);
        if (!f.enabled)
            name->setForeground(palette().color(QPalette::PlaceholderText));
        m_table->setItem(i, Name, name);
        auto *state = new QTableWidgetItem(f.enabled ? feedStateId(f.lastState) : tr("disabled"));
        state->setForeground(stateColor(f.lastState));
        if (f.consecutiveFailures > 0)
            state->setToolTip(tr("%n failure(s) in a row", nullptr, f.consecutiveFailures));
        m_table->setItem(i, State, state);
        m_table->setItem(i, LastSuccess, new QTableWidgetItem(when(f.lastSuccess)));
        const QString lastError = displaySafe(redactSecrets(f.lastError));
        auto *error = new QTableWidgetItem(lastError);
        m_table->setItem(i, LastError, error);
        m_table->setItem(i, NextFetch, new QTableWidgetItem(f.enabled ? when(f.nextDue) : QString()));
    }
}

QString FeedStatusPanel::progressText() const
{
    return m_progressText->text();
}

void FeedStatusPanel::showFetchProgress(int done, int total)
{
    m_progress->setRange(0, std::max(total, 0));   // 0..0: busy until the total is known
    m_progress->setValue(done);
    m_progress->show();
    m_progressText->setText(total > 0 ? tr("Fetching %1/%2 feeds…").arg(done).arg(total) : tr("Fetching feeds…"));
}

void FeedStatusPanel::showFetchFinished(const QString &summary)
{
    m_progress->hide();
    m_progressText->setText(summary);
}

void FeedStatusPanel::showFetchingOff(const QString &reason)
{
    m_progress->hide();
    m_progressText->setText(reason);
}

bool FeedStatusPanel::retryNow(qint64 feedId)
{
    FeedStore store(m_db);
    auto feed = store.byId(feedId);
    if (!feed || !feed->has_value())
        return false;
    Feed f = **feed;
    f.nextDue = nowUtc();
    if (!store.update(f))
        return false;
    emit retryRequested(feedId);
    reload();
    return true;
}

} // namespace tw
