#include "ui/panels/articlespanel.h"

#include "ui/panels/columnfitter.h"
#include "ui/panels/emptystate.h"
#include "ui/panels/searchhitdelegate.h"
#include "ui/panels/selectionmodel.h"
#include "ui/panels/sentimentdelegate.h"
#include "models/read/articlelistmodel.h"
#include "models/store/sqldialect.h"
#include "models/store/tickerstore.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSignalBlocker>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace tw {

namespace {
const QDate kNoDate(2000, 1, 1); // a QDateEdit at its minimum shows "any"

QDateEdit *makeDateEdit(const QString &anyText, const QString &tooltip, QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(kNoDate);
    edit->setSpecialValueText(anyText);
    edit->setDate(kNoDate);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setToolTip(tooltip);
    return edit;
}
} // namespace

ArticlesPanel::ArticlesPanel(QSqlDatabase db, SelectionModel *selection, QWidget *parent)
    : Panel(std::move(db), selection, parent)
    , m_model(new ArticleListModel(m_db, this))
    , m_view(new QTableView(this))
    , m_ticker(new QComboBox(this))
    , m_source(new QComboBox(this))
    , m_label(new QComboBox(this))
    , m_from(makeDateEdit(tr("from: any"), tr("Published on or after"), this))
    , m_to(makeDateEdit(tr("to: any"), tr("Published on or before"), this))
    , m_search(new QLineEdit(this))
    , m_mainSubject(new QCheckBox(tr("Main subject"), this))
    , m_summary(new QLabel(this))
    , m_debounce(new QTimer(this))
    , m_searchAction(new QAction(tr("&Search articles"), this))
{
    setObjectName(QStringLiteral("articlesPanel"));
    m_stack = new EmptyStateStack(m_view, this);
    m_search->setObjectName(QStringLiteral("articleSearch"));
    m_search->setPlaceholderText(tr("Search articles (Ctrl+F)…"));
    m_search->setClearButtonEnabled(true);
    m_ticker->setToolTip(tr("Ticker"));
    m_source->setToolTip(tr("Source"));
    m_label->setToolTip(tr("Sentiment"));
    m_mainSubject->setObjectName(QStringLiteral("mainSubjectOnly"));
    m_mainSubject->setToolTip(tr("Hide articles that only mention the chosen ticker in passing (relevance below %1 of 100)")
                                  .arg(kMainSubjectRelevance));
    connect(m_mainSubject, &QCheckBox::toggled, this, [this] { applyFilters(); });
    m_source->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_source->setMinimumContentsLength(8);
    m_search->setMinimumWidth(160);

    // Two rows, so the list can be narrow beside a wide reader: what to look
    // for, then how to narrow it.
    auto *filters = new QVBoxLayout;
    auto *what = new QHBoxLayout;
    what->addWidget(m_search, 3);
    what->addWidget(m_ticker);
    what->addWidget(m_source, 1);
    auto *narrow = new QHBoxLayout;
    narrow->addWidget(m_label);
    narrow->addWidget(m_mainSubject);
    narrow->addStretch(1);
    narrow->addWidget(m_from);
    narrow->addWidget(m_to);
    filters->addLayout(what);
    filters->addLayout(narrow);

    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(ArticleListModel::Sentiment, new SentimentDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setItemDelegateForColumn(ArticleListModel::Title, new SearchHitDelegate(m_view));
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicator(ArticleListModel::Time, Qt::DescendingOrder);
    // Time, title and source sort for real (each pages on an index); a click
    // on tickers or sentiment puts the arrow back where the order is.
    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder) {
        if (ArticleListModel::isSortable(column))
            return;
        const ArticleFilter &f = m_model->filter();
        const int shown = f.order == ArticleOrder::Title
            ? ArticleListModel::Title
            : (f.order == ArticleOrder::Source ? ArticleListModel::Source : ArticleListModel::Time);
        const QSignalBlocker blocker(m_view->horizontalHeader());
        m_view->horizontalHeader()->setSortIndicator(shown, f.newestFirst ? Qt::DescendingOrder : Qt::AscendingOrder);
    });
    // The title is what a row is about: it takes the room the short values
    // leave. Values are measured on the rows in view, never every page.
    ColumnFitter::install(m_view, m_view->horizontalHeader(),
        {{ArticleListModel::Time, ColumnRule::Fit, 10, 17, Qt::ElideRight, true},
         {ArticleListModel::Source, ColumnRule::Fit, 6, 20, Qt::ElideMiddle},
         {ArticleListModel::Tickers, ColumnRule::Fit, 5, 16},
         {ArticleListModel::Title, ColumnRule::Main, 24},
         {ArticleListModel::Sentiment, ColumnRule::Fit, 11, 16, Qt::ElideRight, true}});

    m_summary->setObjectName(QStringLiteral("articleSummary"));
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(filters);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_summary);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kSearchDelayMs);
    connect(m_debounce, &QTimer::timeout, this, &ArticlesPanel::applyFilters);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &ArticlesPanel::applyFilters);
    for (QComboBox *box : {m_ticker, m_source, m_label})
        connect(box, &QComboBox::currentIndexChanged, this, &ArticlesPanel::applyFilters);
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, &ArticlesPanel::applyFilters);
    connect(m_model, &ArticleListModel::rowsInserted, this, &ArticlesPanel::updateSummary);
    connect(m_model, &ArticleListModel::modelReset, this, &ArticlesPanel::updateSummary);
    connect(m_model, &ArticleListModel::totalCountChanged, this, &ArticlesPanel::updateSummary);

    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            if (current.isValid())
                m_selection->setArticle(m_model->articleId(current.row()));
        });
    // An article opened elsewhere (the reader following the ticker, an
    // alert, the timeline) is highlighted when the list has it loaded.
    connect(m_selection, &SelectionModel::articleChanged, this, [this](qint64 id) {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->articleId(row) == id) {
                m_view->setCurrentIndex(m_model->index(row, ArticleListModel::Title));
                return;
            }
        }
        m_view->selectionModel()->clear();
    });
    connect(m_selection, &SelectionModel::tickerChanged, this, [this](const QString &ticker) {
        const int i = m_ticker->findData(ticker);
        m_ticker->setCurrentIndex(i >= 0 ? i : 0);
    });
    addExportAction(m_view);
    m_searchAction->setShortcut(QKeySequence::Find);
    connect(m_searchAction, &QAction::triggered, this, [this] {
        reveal();
        focusSearch();
    });
    fillFilterChoices();
    applyFilters();
    // The header's sort indicator may have read the first page before the
    // summary was connected (setSortingEnabled sorts at once).
    updateSummary();
}

Result<ExportQuery> ArticlesPanel::exportQuery() const
{
    // The model's filter, not the widgets': during the typing pause the list
    // still shows the previous search, and the file must match the list.
    return ExportQuery::articleList(m_model->filter(), dialectOf(m_db));
}

QList<QAction *> ArticlesPanel::viewActions()
{
    return {m_searchAction};
}

QString ArticlesPanel::exportName() const
{
    const QString ticker = m_model->filter().ticker;
    return ticker.isEmpty() ? QStringLiteral("articles.csv") : QStringLiteral("articles-%1.csv").arg(ticker);
}

void ArticlesPanel::fillFilterChoices()
{
    auto refill = [](QComboBox *box, const QString &any, const QStringList &values) {
        const QString current = box->currentData().toString();
        const QSignalBlocker blocker(box);
        box->clear();
        box->addItem(any, QString());
        for (const QString &v : values)
            box->addItem(v, v);
        box->setCurrentIndex(std::max(0, box->findData(current)));
    };
    QStringList tickers;
    if (auto all = TickerStore(m_db).all()) {
        for (const TickerInfo &t : std::as_const(*all))
            tickers << t.symbol;
    }
    refill(m_ticker, tr("All tickers"), tickers);
    const int selected = m_ticker->findData(m_selection->ticker());
    if (selected > 0) {
        const QSignalBlocker blocker(m_ticker);
        m_ticker->setCurrentIndex(selected);
    }
    ArticlePageReader reader(m_db);
    auto sources = reader.sources();
    refill(m_source, tr("All sources"), sources ? *sources : QStringList());
    auto labels = reader.labels();
    refill(m_label, tr("Any sentiment"), labels ? *labels : QStringList());
}

void ArticlesPanel::applyFilters()
{
    m_debounce->stop();
    ArticleFilter f;
    f.ticker = m_ticker->currentData().toString();
    f.source = m_source->currentData().toString();
    f.label = m_label->currentData().toString();
    if (m_from->date() > kNoDate)
        f.from = QDateTime(m_from->date(), QTime(0, 0), Qt::UTC);
    if (m_to->date() > kNoDate)
        f.to = QDateTime(m_to->date().addDays(1), QTime(0, 0), Qt::UTC);
    f.search = m_search->text();
    f.order = m_model->filter().order;
    f.minRelevance = m_mainSubject->isChecked() ? kMainSubjectRelevance : 0;
    f.newestFirst = m_model->filter().newestFirst;
    m_model->setFilter(f);
    openFirstIfNothingIsOpen();
}

void ArticlesPanel::openFirstIfNothingIsOpen()
{
    // Like a mail client: with nothing open, the newest article of the list
    // is; the open one stays highlighted when the list is re-read.
    if (m_model->rowCount() == 0)
        return;
    if (m_selection->articleId() == 0) {
        m_view->setCurrentIndex(m_model->index(0, ArticleListModel::Title));
        return;
    }
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->articleId(row) == m_selection->articleId()) {
            m_view->setCurrentIndex(m_model->index(row, ArticleListModel::Title));
            return;
        }
    }
}

void ArticlesPanel::reload()
{
    fillFilterChoices();
    m_model->refreshNewest();
    openFirstIfNothingIsOpen();
}

void ArticlesPanel::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void ArticlesPanel::updateSummary()
{
    const int rows = m_model->rowCount();
    if (!m_model->lastError().isEmpty()) {
        m_stack->showMessage(m_model->lastError());
        m_summary->clear();
        return;
    }
    if (rows == 0) {
        const ArticleFilter &f = m_model->filter();
        const bool filtered = !f.ticker.isEmpty() || !f.source.isEmpty() || !f.label.isEmpty() || f.from.isValid()
            || f.to.isValid() || !f.search.trimmed().isEmpty();
        m_stack->showMessage(filtered ? tr("No articles match these filters.")
                                      : tr("No articles stored yet. Add a feed, or load the demo with --demo."));
        m_summary->clear();
        return;
    }
    m_stack->showContent();
    // The matches in the store, not only the pages read so far.
    const QLocale locale;
    const qint64 total = m_model->totalCount();
    const QString matches = total < 0 ? QString()
        : total == 1                  ? tr("1 article")
                                      : tr("%1 articles").arg(locale.toString(total));
    if (m_model->canFetchMore({}))
        m_summary->setText(matches.isEmpty() ? tr("%1 loaded, more as you scroll").arg(locale.toString(rows))
                                             : tr("%1 · %2 loaded, more as you scroll").arg(matches, locale.toString(rows)));
    else
        m_summary->setText(matches.isEmpty() ? tr("%n article(s)", nullptr, rows) : matches);
}

} // namespace tw
