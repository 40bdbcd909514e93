#include "ui/panels/timelinepanel.h"

#include "models/core/storetime.h"
#include "ui/panels/columnfitter.h"
#include "ui/panels/emptystate.h"
#include "ui/panels/filingbadge.h"
#include "ui/panels/kindicon.h"
#include "ui/panels/selectionmodel.h"
#include "ui/theme/themecolors.h"
#include "models/read/eventreader.h"
#include "models/text/safetext.h"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tw {

namespace {
enum Column { Date, Event, Amount, Sources };
constexpr int kEventIdRole = Qt::UserRole + 1;
constexpr int kDateRole = Qt::UserRole + 2;
} // namespace

TimelinePanel::TimelinePanel(QSqlDatabase db, SelectionModel *selection, QWidget *parent)
    : Panel(std::move(db), selection, parent)
    , m_events(new QTreeWidget(this))
    , m_sources(new QListWidget(this))
{
    setObjectName(QStringLiteral("timelinePanel"));
    m_events->setRootIsDecorated(false);
    m_events->setHeaderLabels({tr("Date"), tr("Event"), tr("Amount"), tr("Sources")});
    m_events->setAlternatingRowColors(true);
    m_events->setIconSize(QSize(16, 16));
    // The event's title is what the row says; date, amount and count fit
    // their values (the date always whole).
    ColumnFitter::install(m_events, m_events->header(),
        {{Date, ColumnRule::Fit, 10, 14, Qt::ElideRight, true},
         {Event, ColumnRule::Main, 20},
         {Amount, ColumnRule::Fit, 8, 18},
         {Sources, ColumnRule::Fit, 3, 8}});
    m_sources->setToolTip(tr("Articles that reported the selected event"));
    m_sourcesHint = new QLabel(tr("Select an event to list the articles that reported it."), this);
    m_sourcesHint->setForegroundRole(QPalette::PlaceholderText);

    auto *split = new QSplitter(Qt::Vertical, this);
    auto *lower = new QWidget(split);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(m_sourcesHint);
    lowerLayout->addWidget(m_sources, 1);
    split->addWidget(m_events);
    split->addWidget(lower);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    showSourceList(false);
    m_stack = new EmptyStateStack(split, this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_stack);

    connect(m_events, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (!item) {
            m_selection->clearEvent();
            return;
        }
        showSources(item->data(0, kEventIdRole).toLongLong());
        m_selection->setEvent(item->data(0, kEventIdRole).toLongLong(), item->data(0, kDateRole).toDate());
    });
    // Ctrl+click on the selected row unselects it: the event is no longer chosen.
    connect(m_events, &QTreeWidget::itemSelectionChanged, this, [this] {
        if (m_events->selectedItems().isEmpty())
            m_selection->clearEvent();
    });
    // A chart marker chose an event (or the selection ended elsewhere).
    connect(m_selection, &SelectionModel::eventChanged, this, &TimelinePanel::selectEvent);
    connect(m_sources, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item && item->data(Qt::UserRole).toLongLong() > 0)   // a filing line has no article
            m_selection->setArticle(item->data(Qt::UserRole).toLongLong());
    });
    connect(m_selection, &SelectionModel::tickerChanged, this, &TimelinePanel::reload);
    addExportAction(m_events);
    reload();
}

Result<ExportQuery> TimelinePanel::exportQuery() const
{
    return ExportQuery::build(ExportKind::Events, {m_selection->ticker(), {}, {}});
}

QString TimelinePanel::exportName() const
{
    const QString ticker = m_selection->ticker();
    return ticker.isEmpty() ? QStringLiteral("events.csv") : QStringLiteral("events-%1.csv").arg(ticker);
}

QString TimelinePanel::emptyMessage() const
{
    return m_stack->message();
}

void TimelinePanel::reload()
{
    const QString ticker = m_selection->ticker();
    const qint64 current = m_events->currentItem() ? m_events->currentItem()->data(0, kEventIdRole).toLongLong() : 0;
    // Re-reading must not act as a click (it would move the chart).
    const QSignalBlocker blockEvents(m_events);
    const QSignalBlocker blockSources(m_sources);
    m_events->clear();
    m_sources->clear();
    showSourceList(false);
    m_sourcesHint->setText(tr("Select an event to list the articles that reported it."));
    auto events = EventReader(m_db).events(ticker);
    if (!m_stack->showRows(events,
                           ticker.isEmpty() ? tr("No events extracted yet.") : tr("No events extracted yet for %1.").arg(ticker),
                           tr("Cannot read events: %1")))
        return;
    for (const EventRow &e : std::as_const(*events)) {
        auto *item = new QTreeWidgetItem(m_events);
        item->setText(Date, e.eventDate);
        item->setIcon(Date, eventKindIcon(e.kind));
        item->setText(Event, displaySafe(e.title));   // strangers' text: shown, not acted on
        QString tip = QStringLiteral("%1 · %2").arg(e.kind, displaySafe(e.title));
        if (!e.basis.isEmpty())
            tip += QStringLiteral(" · ") + e.basis;
        if (!e.period.isEmpty())
            tip += QStringLiteral(" · ") + e.period;
        item->setToolTip(Event, tip);
        item->setToolTip(Date, eventKindStyle(e.kind).name);   // the mark's key (Help, chart legend)
        item->setText(Amount, e.amountText());
        item->setText(Sources, QString::number(e.sourceCount));
        item->setTextAlignment(Sources, Qt::AlignRight | Qt::AlignVCenter);
        if (!e.filing.isEmpty()) {
            // The company filed it: its own word, not the news's.
            item->setIcon(Sources, filingBadge(e.filing.section(QLatin1Char(' '), 0, 0)));
            item->setToolTip(Sources, tr("Reported by the company: %1 filed %2")
                                          .arg(e.filing.section(QLatin1Char(' '), 0, 0), e.filing.section(QLatin1Char(' '), 1)));
        }
        item->setData(0, kEventIdRole, e.id);
        item->setData(0, kDateRole, e.firstDay());
        if (e.id == current) {
            m_events->setCurrentItem(item);
            showSources(e.id);
        }
    }
    // The selected event is gone (another ticker, or merged away): so is its mark.
    if (current != 0 && !m_events->currentItem())
        m_selection->clearEvent();
}

void TimelinePanel::selectEvent(qint64 eventId)
{
    QTreeWidgetItem *current = m_events->currentItem();
    if (current && current->data(0, kEventIdRole).toLongLong() == eventId && current->isSelected())
        return;
    if (eventId == 0) {
        const QSignalBlocker block(m_events);
        m_events->setCurrentItem(nullptr);
        m_events->clearSelection();
        m_sources->clear();
        m_sourcesHint->setText(tr("Select an event to list the articles that reported it."));
        m_selection->clearEvent();   // when called directly rather than by the selection
        return;
    }
    for (int i = 0; i < m_events->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_events->topLevelItem(i);
        if (item->data(0, kEventIdRole).toLongLong() == eventId) {
            m_events->setCurrentItem(item);   // lists its sources, as a click does
            m_events->scrollToItem(item);
            return;
        }
    }
}

void TimelinePanel::showSourceList(bool shown)
{
    // Until an event is chosen the list of its articles is empty: it
    // collapses to its one-line hint and the events keep the room.
    m_sources->setVisible(shown);
    QWidget *lower = m_sourcesHint->parentWidget();
    lower->setMaximumHeight(shown ? QWIDGETSIZE_MAX : m_sourcesHint->sizeHint().height());
}

void TimelinePanel::showSources(qint64 eventId)
{
    m_sources->clear();
    showSourceList(true);
    m_sourcesHint->setText(tr("Articles that reported it:"));
    const EventReader reader(m_db);
    if (auto filings = reader.filings(eventId); filings && !filings->isEmpty()) {
        m_sourcesHint->setText(tr("The company's filing and the articles that reported it:"));
        for (const FilingSource &f : std::as_const(*filings)) {
            auto *item = new QListWidgetItem(
                filingBadge(f.form),
                tr("%1  %2 Item %3 — reported by the company%4")
                    .arg(f.filed.toString(Qt::ISODate), f.form, f.items,
                         f.firstSentence.isEmpty() ? QString() : QStringLiteral(": ") + displaySafe(f.firstSentence)),
                m_sources);
            item->setData(Qt::UserRole, qint64(0));
            item->setToolTip(displaySafe(f.indexUrl));
        }
    }
    auto sources = reader.sources(eventId);
    if (!sources)
        return;
    for (const EventSourceArticle &s : std::as_const(*sources)) {
        auto *item = new QListWidgetItem(
            QStringLiteral("%1  %2 — %3")
                .arg(fromStoreTime(s.publishedUtc).toString(QStringLiteral("yyyy-MM-dd")), displaySafe(s.source),
                     displaySafe(s.title)),
            m_sources);
        item->setData(Qt::UserRole, s.articleId);
        item->setToolTip(displaySafe(s.title));
    }
}

} // namespace tw
