#include "models/read/articlelistmodel.h"

#include "models/store/articlesearch.h"
#include "models/text/safetext.h"
#include "models/core/storetime.h"

#include <QSet>

#include <algorithm>

namespace tw {

ArticleListModel::ArticleListModel(QSqlDatabase db, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(std::move(db))
{
}

void ArticleListModel::setFilter(const ArticleFilter &filter)
{
    if (filter == m_filter && !m_rows.isEmpty())
        return;
    m_filter = filter;
    reload();
}

void ArticleListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_atEnd = false;
    m_lastError.clear();
    endResetModel();
    // Before the first page: a row stored while it is read comes again in
    // refreshNewest (and is then recognised as already shown).
    if (auto latest = m_reader.latestId())
        m_seenId = *latest;
    // The view asks for more rows only once it is shown; read the first page
    // now so the model is usable (and counted) on its own.
    fetchMore({});
    auto total = m_reader.count(m_filter);
    m_total = total ? *total : -1;
    emit totalCountChanged(m_total);
}

namespace {
// Newest-first order of the list: later publication first, ties by higher id.
bool listedBefore(const ArticleRow &a, const ArticleRow &b)
{
    return a.publishedUtc != b.publishedUtc ? a.publishedUtc > b.publishedUtc : a.id > b.id;
}
} // namespace

void ArticleListModel::refreshNewest()
{
    if (m_rows.isEmpty() || !m_filter.newestFirst || m_filter.order != ArticleOrder::Published
        || !m_filter.search.trimmed().isEmpty()) {
        reload();
        return;
    }
    auto latest = m_reader.latestId();
    if (!latest) {
        reload();
        return;
    }
    if (*latest <= m_seenId)
        return;
    ArticleFilter arrived = m_filter;
    arrived.storedAfterId = m_seenId;
    auto page = m_reader.page(arrived, std::nullopt, kPageSize + 1);
    if (!page || page->size() > kPageSize) {
        reload();
        return;
    }
    m_seenId = *latest;
    QSet<qint64> shown;
    for (const ArticleRow &r : std::as_const(m_rows))
        shown.insert(r.id);
    for (const ArticleRow &r : std::as_const(*page)) {
        if (shown.contains(r.id))
            continue;   // a page read after it was stored already has it
        const auto at = std::lower_bound(m_rows.cbegin(), m_rows.cend(), r, listedBefore);
        const int row = int(at - m_rows.cbegin());
        if (row == m_rows.size() && !m_atEnd)
            continue;   // below the pages read: the next page brings it
        beginInsertRows({}, row, row);
        m_rows.insert(row, r);
        endInsertRows();
    }
    // Every row stored since matches the filter, shown or not yet paged to.
    if (m_total >= 0) {
        m_total += page->size();
        emit totalCountChanged(m_total);
    }
}

qint64 ArticleListModel::articleId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int ArticleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ArticleListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ArticleListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ArticleRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return fromStoreTime(r.publishedUtc).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        // Text strangers wrote: controls and bidi overrides shown, not acted on.
        case Source:
            return displaySafe(r.source);
        case Tickers:
            return displaySafe(r.tickers);
        case Title:
            return displaySafe(r.title);
        case Sentiment:
            return r.score ? QStringLiteral("%1 %2").arg(*r.score, 0, 'f', 2).arg(r.label) : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Title && !r.snippet.isEmpty()) {
            QString snippet = r.snippet;
            snippet.remove(QChar(kSearchMarkStart)).remove(QChar(kSearchMarkEnd));
            return QString(displaySafe(r.title) + QStringLiteral("\n\n") + displaySafe(snippet.simplified()));
        }
        if (index.column() == Title)
            return displaySafe(r.title);
        if (index.column() == Time)
            return isoUtc(fromStoreTime(r.publishedUtc));
        return {};
    case ArticleIdRole:
        return r.id;
    case ScoreRole:
        return r.score ? QVariant(*r.score) : QVariant();
    case LabelRole:
        return r.label;
    case MarkedTitleRole:
        return r.markedTitle.isEmpty() ? QVariant() : QVariant(r.markedTitle);
    case SnippetRole:
        return r.snippet.isEmpty() ? QVariant() : QVariant(r.snippet);
    default:
        return {};
    }
}

QVariant ArticleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole)
        return isSortable(section) ? tr("Click to sort; again to reverse")
                                   : tr("Not sortable: computed for each row, which a large store cannot sort by quickly");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time (UTC)");
    case Source:
        return tr("Source");
    case Tickers:
        return tr("Tickers");
    case Title:
        return tr("Title");
    case Sentiment:
        return tr("Sentiment");
    default:
        return {};
    }
}

bool ArticleListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void ArticleListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd)
        return;
    std::optional<ArticleCursor> after;
    if (!m_rows.isEmpty())
        after = ArticleCursor::after(m_rows.last(), m_filter.order);
    auto page = m_reader.page(m_filter, after, kPageSize);
    if (!page) {
        m_atEnd = true;
        m_lastError = page.errorMessage();
        emit loadFailed(m_lastError);
        return;
    }
    m_atEnd = page->size() < kPageSize;
    if (page->isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->size() - 1));
    m_rows.append(*page);
    endInsertRows();
}

bool ArticleListModel::isSortable(int column)
{
    return column == Time || column == Title || column == Source;
}

void ArticleListModel::sort(int column, Qt::SortOrder order)
{
    // Pages follow an index on the sort key (keyset paging), so each order
    // stays instant on a large store; the other columns are not offered.
    if (!isSortable(column))
        return;
    ArticleFilter f = m_filter;
    f.order = column == Title ? ArticleOrder::Title : (column == Source ? ArticleOrder::Source : ArticleOrder::Published);
    f.newestFirst = order == Qt::DescendingOrder;
    setFilter(f);
}

} // namespace tw
